import { teamsLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TandemApi } from '../api/client';
import { LocaleProvider } from '../i18n/intl';
import type { AgendaView, TopicView } from '../api/types';
import { agendaWith, topic } from '../test-support/agenda-fixture';
import { FakeEventSource } from '../test-support/fake-event-source';
import { FakeService } from '../test-support/fake-service';
import { AgendaPanel } from './agenda-panel';

const SESSION = '/api/pairs/avery-blake/sessions/20261125T100000Z';

function setup(initial: AgendaView) {
  let agenda = initial;
  const service = new FakeService()
    .on('GET', SESSION, () => ({ status: 200, json: agenda }))
    .on('POST', `${SESSION}/topics`, (call) => {
      const body = call.body as { id: string; title: string; section: TopicView['section']; private?: true };
      const added = topic({
        id: body.id,
        title: body.title,
        section: body.section,
        ...(body.private && { private: true }),
      });
      agenda = agendaWith([...agenda.sections.flatMap((s) => s.topics), added]);
      return { status: 201, json: added };
    });
  const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
  const set = (next: AgendaView) => (agenda = next);
  render(
    <LocaleProvider locale="en-US" theme={teamsLightTheme}>
      <AgendaPanel api={api} pairId="avery-blake" sessionId="20261125T100000Z" />
    </LocaleProvider>,
  );
  return { service, set };
}

/** The 409 the service answers to a stale revision, with what is stored now. */
const conflict = (current: TopicView) => ({
  status: 409,
  json: { type: 'conflict', title: 'Conflict', status: 409, current },
});

const topicsList = () => screen.getByRole('list', { name: 'Topics topics' });

describe('AgendaPanel', () => {
  it('shows topics by section, who raised them and where a carried-over one came from', async () => {
    setup(
      agendaWith([
        topic({ id: 't1', title: 'Conference budget', carriedFrom: '20261118T100000Z' }),
        topic({ id: 't2', title: 'Design review', section: 'feedback', authorId: 'avery', authorRole: 'manager' }),
      ]),
    );
    // The first render of the file pays for loading Fluent: on a busy machine that takes more than a second.
    const list = await screen.findByRole('list', { name: 'Topics topics' }, { timeout: 15_000 });
    expect(await within(list).findByText('Conference budget'));
    expect(within(topicsList()).getByText(/Carried over from \w{3} \d+ Nov|Carried over from \w{3}, \w{3} \d+/));
    const feedback = screen.getByRole('list', { name: 'Feedback topics' });
    expect(within(feedback).getByText('Design review')).toBeInTheDocument();
    expect(within(feedback).getByText('Avery Chen')).toBeInTheDocument();
  });

  it('renders a title with markup as text, never as HTML', async () => {
    const payload = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script>';
    setup(agendaWith([topic({ id: 't1', title: payload })]));
    expect(await screen.findByText(payload)).toBeInTheDocument();
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('adds a private talking point with "Only me", marked with a lock and nothing shared to add to it', async () => {
    const { service } = setup(agendaWith([]));
    const user = userEvent.setup();
    const field = await screen.findByRole('textbox', { name: 'New topic' });
    await user.click(screen.getByRole('checkbox', { name: 'New topic: Only me' }));
    await user.click(field);
    await user.keyboard('Ask about the raise{Enter}');
    const row = (await within(topicsList()).findByText('Ask about the raise')).closest('li')!;
    expect(within(row).getByText('Only you')).toBeInTheDocument();
    expect(service.callsTo('POST', `${SESSION}/topics`)[0]?.body).toMatchObject({ private: true });
    await user.click(within(row).getByRole('button', { name: 'More actions for Ask about the raise' }));
    expect(await screen.findByRole('menuitem', { name: 'Move up' })).toBeInTheDocument();
    expect(screen.queryByRole('menuitem', { name: 'Discuss now' })).toBeNull();
    await user.keyboard('{Escape}');
    await user.click(within(row).getByRole('button', { name: 'Details of Ask about the raise' }));
    expect(await within(row).findByText(/Only you see this topic/)).toBeInTheDocument();
    expect(within(row).queryByRole('form', { name: 'New action item from this topic' })).toBeNull();
  });

  it('adds a topic with Enter in the Topics section, keeping the focus for the next one', async () => {
    const { service } = setup(agendaWith([]));
    const user = userEvent.setup();
    const field = await screen.findByRole('textbox', { name: 'New topic' });
    await user.click(field);
    await user.keyboard('Career conversation{Enter}');
    expect(await within(await screen.findByRole('list', { name: 'Topics topics' })).findByText('Career conversation'));
    expect(service.callsTo('POST', `${SESSION}/topics`)[0]?.body).toMatchObject({
      title: 'Career conversation',
      section: 'topics',
    });
    expect(field).toHaveValue('');
    expect(field).toHaveFocus();
  });

  it("adds to another section from that section's own row: an empty section is only its heading until then", async () => {
    const { service } = setup(agendaWith([]));
    const user = userEvent.setup();
    await screen.findByRole('textbox', { name: 'New topic' });
    expect(screen.queryByRole('textbox', { name: 'New topic in Feedback' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Feedback' })).toHaveAttribute('aria-expanded', 'false');
    await user.click(screen.getByRole('button', { name: 'Add to Feedback' }));
    const field = screen.getByRole('textbox', { name: 'New topic in Feedback' });
    expect(field).toHaveFocus();
    await user.keyboard('Design review{Enter}');
    const feedback = await screen.findByRole('list', { name: 'Feedback topics' });
    expect(within(feedback).getByText('Design review')).toBeInTheDocument();
    expect(service.callsTo('POST', `${SESSION}/topics`)[0]?.body).toMatchObject({ section: 'feedback' });
    expect(screen.queryByRole('combobox', { name: 'Section' })).toBeNull();
  });

  it('folds and unfolds a section from its heading', async () => {
    setup(agendaWith([topic({ id: 'a', title: 'First' })]));
    const user = userEvent.setup();
    const heading = await screen.findByRole('button', { name: 'Topics' });
    expect(heading).toHaveAttribute('aria-expanded', 'true');
    await user.click(heading);
    expect(heading).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('list', { name: 'Topics topics' })).toBeNull();
    await user.click(heading);
    expect(screen.getByRole('list', { name: 'Topics topics' })).toBeInTheDocument();
  });

  it('says what to do next on an empty agenda, to the report and to the manager', async () => {
    setup(agendaWith([]));
    expect(await screen.findByTestId('empty-agenda')).toHaveTextContent(
      'Add what you want to talk about with Avery Chen: your topics come first.',
    );
  });

  it('opens a topic in place with its detail (links made safe), its shared notes and action items, and adds to both', async () => {
    const initial = agendaWith(
      [topic({ id: 't1', title: 'Career path', detail: 'See https://example.com/ladder. javascript:alert(1)' })],
      {
        sharedNotes: [
          {
            id: 'n1',
            authorId: 'avery',
            topicId: 't1',
            text: 'Senior by spring',
            createdAt: '',
            updatedAt: '',
            rev: 1,
          },
          { id: 'n2', authorId: 'avery', text: 'A general note', createdAt: '', updatedAt: '', rev: 1 },
        ],
      },
    );
    const { service } = setup(initial);
    service.on('POST', `${SESSION}/notes`, () => ({ status: 201, json: {} }));
    service.on('POST', '/api/pairs/avery-blake/action-items', () => ({ status: 201, json: {} }));
    const user = userEvent.setup();
    const toggle = await screen.findByRole('button', { name: 'Details of Career path' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    // The detail is fetched when first opened (docs/pages.md).
    const link = await screen.findByRole('link', { name: 'https://example.com/ladder' });
    expect(link).toHaveAttribute('href', 'https://example.com/ladder');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    expect(screen.queryByRole('link', { name: /javascript/ })).toBeNull();
    const notes = screen.getByRole('list', { name: 'Shared notes on Career path' });
    expect(within(notes).getByText('Senior by spring')).toBeInTheDocument();
    expect(within(notes).queryByText('A general note')).toBeNull();

    await user.type(screen.getByRole('textbox', { name: 'Add a shared note on this topic' }), 'Find a mentor{Enter}');
    await waitFor(() => expect(service.callsTo('POST', `${SESSION}/notes`)).toHaveLength(1));
    expect(service.callsTo('POST', `${SESSION}/notes`)[0]?.body).toMatchObject({
      text: 'Find a mentor',
      private: false,
      topicId: 't1',
    });
    await user.type(screen.getByRole('textbox', { name: 'New action item from this topic' }), 'Draft the plan');
    // The owner is preset to whoever raised the topic.
    expect(screen.getByRole('combobox', { name: 'Owner' })).toHaveValue('blake');
    await user.click(screen.getByRole('button', { name: 'Add action item' }));
    await waitFor(() => expect(service.callsTo('POST', '/api/pairs/avery-blake/action-items')).toHaveLength(1));
    expect(service.callsTo('POST', '/api/pairs/avery-blake/action-items')[0]?.body).toMatchObject({
      text: 'Draft the plan',
      ownerId: 'blake',
      topicId: 't1',
      sessionId: '20261125T100000Z',
    });
  });

  it('marks a topic as discussed now, shows it to both with its running time, and moves on to the next', async () => {
    const topics = [topic({ id: 'a', title: 'First' }), topic({ id: 'b', title: 'Second' })];
    const { service, set } = setup(agendaWith(topics));
    service.on('PUT', `${SESSION}/now-discussing`, (call) => {
      const { topicId } = call.body as { topicId: string | null };
      set(
        agendaWith(topics, {
          status: 'in-progress',
          ...(topicId && {
            nowDiscussing: { topicId, since: new Date(Date.now() - 65_000).toISOString(), by: 'blake' },
          }),
        }),
      );
      return { status: 204 };
    });
    service.on('PATCH', `${SESSION}/topics/a`, () => ({ status: 200, json: topics[0] }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Start with First' }));
    const bar = await screen.findByTestId('now-discussing');
    await within(bar).findByText('First');
    // Since 65 s ago on the service's clock (however long this machine took to get here).
    const [m, sec] = within(bar)
      .getByRole('timer')
      .textContent!.match(/for (\d+):(\d\d)/)!
      .slice(1)
      .map(Number);
    expect(m! * 60 + sec!).toBeGreaterThanOrEqual(65);
    expect(within(bar).getByText('Next up: Second')).toBeInTheDocument();
    expect(screen.getByRole('listitem', { current: true })).toHaveTextContent('First');
    await user.click(within(bar).getByRole('button', { name: 'Next topic' }));
    await waitFor(() => expect(service.callsTo('PUT', `${SESSION}/now-discussing`)).toHaveLength(2));
    expect(service.callsTo('PUT', `${SESSION}/now-discussing`)[1]?.body).toEqual({ topicId: 'b' });
    await waitFor(() =>
      expect(service.callsTo('PATCH', `${SESSION}/topics/a`)[0]?.body).toEqual({ rev: 1, discussed: true }),
    );
  });

  it('notes a win', async () => {
    const { service } = setup(agendaWith([]));
    service.on('POST', `${SESSION}/wins`, () => ({ status: 201, json: {} }));
    const user = userEvent.setup();
    await user.type(
      await screen.findByRole('textbox', { name: 'What went well since last time?' }),
      'Shipped it{Enter}',
    );
    await waitFor(() =>
      expect(service.callsTo('POST', `${SESSION}/wins`)[0]?.body).toMatchObject({ text: 'Shipped it' }),
    );
  });

  it('refuses an empty topic with a message instead of a request', async () => {
    const { service } = setup(agendaWith([]));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Add topic' }));
    expect(screen.getByText('Type a topic first')).toBeInTheDocument();
    expect(service.callsTo('POST', `${SESSION}/topics`)).toHaveLength(0);
  });

  it('checks a topic off with the revision it was loaded at, and re-applies on top of a concurrent edit', async () => {
    const { service } = setup(agendaWith([topic({ id: 't1', title: 'Budget', rev: 3 })]));
    let attempts = 0;
    service.on('PATCH', `${SESSION}/topics/t1`, (call) => {
      attempts += 1;
      if (attempts === 1) return conflict(topic({ id: 't1', title: 'Budget 2027', rev: 4 }));
      return { status: 200, json: { ...topic({ id: 't1', title: 'Budget 2027', rev: 5 }), ...(call.body as object) } };
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Budget' }));
    await waitFor(() => expect(service.callsTo('PATCH', `${SESSION}/topics/t1`)).toHaveLength(2));
    const [first, second] = service.callsTo('PATCH', `${SESSION}/topics/t1`);
    expect(first?.body).toEqual({ rev: 3, discussed: true });
    expect(second?.body).toEqual({ rev: 4, discussed: true });
  });

  it('reorders with "Move down" and sends the section\'s new order', async () => {
    const { service } = setup(agendaWith([topic({ id: 'a', title: 'First' }), topic({ id: 'b', title: 'Second' })]));
    service.on('PUT', `${SESSION}/topic-order`, () => ({ status: 204 }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'More actions for First' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Move down' }));
    await waitFor(() => expect(service.callsTo('PUT', `${SESSION}/topic-order`)).toHaveLength(1));
    expect(service.callsTo('PUT', `${SESSION}/topic-order`)[0]?.body).toEqual({
      section: 'topics',
      topicIds: ['b', 'a'],
    });
    // Said to screen readers: where it went (drag and drop has its own live region beside it).
    expect(screen.getByText('First moved to position 2 of 2')).toHaveAttribute('role', 'status');
  });

  it('on an edit conflict shows both versions and "Keep mine" writes mine over the current revision', async () => {
    const { service } = setup(agendaWith([topic({ id: 't1', title: 'Budget', rev: 1 })]));
    const patches: unknown[] = [];
    service.on('PATCH', `${SESSION}/topics/t1`, (call) => {
      patches.push(call.body);
      if (patches.length === 1) return conflict(topic({ id: 't1', title: 'Their budget', rev: 2 }));
      return { status: 200, json: topic({ id: 't1', title: 'My budget', rev: 3 }) };
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'More actions for Budget' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    const input = screen.getByRole('textbox', { name: 'Topic title' });
    await user.clear(input);
    await user.type(input, 'My budget{Enter}');
    const dialog = await screen.findByRole('alertdialog');
    expect(within(dialog).getByTestId('conflict-theirs')).toHaveTextContent('Their budget');
    expect(within(dialog).getByTestId('conflict-mine')).toHaveTextContent('My budget');
    await user.click(within(dialog).getByRole('button', { name: 'Keep mine' }));
    await waitFor(() => expect(patches).toHaveLength(2));
    expect(patches[1]).toEqual({ rev: 2, title: 'My budget' });
  });

  it('sends the revision an edit started from, even when a live reload brought a newer one meanwhile', async () => {
    const { service, set } = setup(agendaWith([topic({ id: 't1', title: 'Budget', rev: 1 })]));
    const patches: unknown[] = [];
    service.on('PATCH', `${SESSION}/topics/t1`, (call) => {
      patches.push(call.body);
      return conflict(topic({ id: 't1', title: 'Budget (other window)', rev: 2 }));
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'More actions for Budget' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Edit' }));
    set(agendaWith([topic({ id: 't1', title: 'Budget (other window)', rev: 2 })]));
    const change = { pairId: 'avery-blake', sessionId: '20261125T100000Z', kind: 'topics', by: 'blake', at: '' };
    act(() => FakeEventSource.last!.emit('change', change));
    await waitFor(() => expect(service.callsTo('GET', SESSION).length).toBeGreaterThan(1));
    const input = screen.getByRole('textbox', { name: 'Topic title' });
    await user.clear(input);
    await user.type(input, 'Budget (this window){Enter}');
    await screen.findByRole('alertdialog');
    expect(patches[0]).toEqual({ rev: 1, title: 'Budget (this window)' });
  });

  it('re-reads the agenda on a live change and announces who changed what', async () => {
    const { set } = setup(agendaWith([]));
    await screen.findByRole('textbox', { name: 'New topic' });
    set(agendaWith([topic({ id: 'n', title: 'Added by Avery', authorId: 'avery', authorRole: 'manager' })]));
    act(() =>
      FakeEventSource.last!.emit('change', {
        pairId: 'avery-blake',
        sessionId: '20261125T100000Z',
        kind: 'topics',
        by: 'avery',
        at: '',
      }),
    );
    expect(await screen.findByText('Added by Avery')).toBeInTheDocument();
    expect(within(topicsList()).getByText('Added by Avery')).toBeInTheDocument();
    // The agenda's own live region (drag and drop, once fetched, has one beside the list).
    expect(await screen.findByText('Avery Chen updated the topics')).toHaveAttribute('role', 'status');
  });

  it('does not announce your own changes to you', async () => {
    const { set } = setup(agendaWith([]));
    await screen.findByRole('textbox', { name: 'New topic' });
    set(agendaWith([topic({ id: 'm', title: 'Mine' })]));
    const change = { pairId: 'avery-blake', sessionId: '20261125T100000Z', kind: 'topics', by: 'blake', at: '' };
    act(() => FakeEventSource.last!.emit('change', change));
    expect(await screen.findByText('Mine')).toBeInTheDocument();
    expect(screen.getAllByRole('status').filter((region) => region.textContent !== '')).toEqual([]);
  });

  it('checks me in with a mood and a line, and gives feedback to the other person', async () => {
    const { service } = setup(agendaWith([]));
    service.on('PUT', `${SESSION}/check-in`, () => ({ status: 204 }));
    service.on('POST', `${SESSION}/feedback`, () => ({ status: 204 }));
    const user = userEvent.setup();
    const mood = await screen.findByRole('radiogroup', { name: 'My mood, 1 to 5' });
    await user.click(within(mood).getAllByRole('radio')[3]!);
    await user.type(screen.getByRole('textbox', { name: 'One line on how it’s going' }), 'Busy but fine');
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    await waitFor(() => expect(service.callsTo('PUT', `${SESSION}/check-in`)).toHaveLength(1));
    expect(service.callsTo('PUT', `${SESSION}/check-in`)[0]?.body).toEqual({ mood: 4, line: 'Busy but fine' });
    await user.click(screen.getByRole('button', { name: 'Feedback' }));
    await user.type(screen.getByRole('textbox', { name: 'Feedback for Avery Chen' }), 'Thanks for the context');
    await user.click(screen.getByRole('button', { name: 'Give feedback' }));
    await waitFor(() => expect(service.callsTo('POST', `${SESSION}/feedback`)).toHaveLength(1));
    expect(service.callsTo('POST', `${SESSION}/feedback`)[0]?.body).toMatchObject({ text: 'Thanks for the context' });
  });

  it('starts the deep dive on a topic and counts its timebox down', async () => {
    const { service, set } = setup(agendaWith([topic({ id: 'd', title: 'Career path' })]));
    service.on('POST', `${SESSION}/deep-dive`, () => {
      set(
        agendaWith([topic({ id: 'd', title: 'Career path' })], {
          deepDive: { topicId: 'd', minutes: 15, minutesPlanned: 15, startedAt: new Date().toISOString() },
        }),
      );
      return { status: 204 };
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'More actions for Career path' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Deep dive on this' }));
    const timer = await screen.findByRole('timer', { name: 'Deep dive timer for Career path' });
    expect(timer).toHaveTextContent(/1[45]:\d\d left/);
    expect(service.callsTo('POST', `${SESSION}/deep-dive`)[0]?.body).toEqual({ topicId: 'd' });
  });

  it('marks private notes as private', async () => {
    setup(
      agendaWith([], {
        privateNotes: [
          { id: 'p', authorId: 'blake', text: 'Ask about promotion', createdAt: '', updatedAt: '', rev: 1 },
        ],
      }),
    );
    const privateNotes = await screen.findByTestId('private-notes');
    expect(within(privateNotes).getByText('Private')).toBeInTheDocument();
    expect(within(privateNotes).getByText('Only you can see these, never the other person.')).toBeInTheDocument();
    expect(within(privateNotes).getByText('Ask about promotion')).toBeInTheDocument();
  });
});
