import { teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TandemApi } from '../api/client';
import type { ActionItemView, AgendaView, TopicView } from '../api/types';
import { LocaleProvider } from '../i18n/intl';
import { goal } from '../test-support/goal-fixture';
import { problemUri } from '../../core/contract/problem';
import { agendaWith, topic } from '../test-support/agenda-fixture';
import { FakeService } from '../test-support/fake-service';
import { AgendaPanel } from './agenda-panel';

const SESSION = '/api/pairs/avery-blake/sessions/20261125T100000Z';
const ITEMS = '/api/pairs/avery-blake/action-items';

const GOALS = [goal({ id: 'g-1', title: 'Ship the thing' }), goal({ id: 'g-2', title: 'Lead a review' })];
const item = (overrides: Partial<ActionItemView> & Pick<ActionItemView, 'id' | 'text'>): ActionItemView => ({
  ownerId: 'blake',
  due: '2030-12-01',
  status: 'open',
  sourceSessionId: '20261125T100000Z',
  createdBy: 'avery',
  createdAt: '2026-11-25T10:10:00Z',
  rev: 1,
  ...overrides,
});

function setup(initial: AgendaView) {
  let agenda = initial;
  const service = new FakeService()
    .on('GET', SESSION, () => ({ status: 200, json: agenda }))
    .on('POST', ITEMS, (call) => ({ status: 201, json: call.body }));
  const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
  render(
    <LocaleProvider locale="en-US" theme={teamsLightTheme}>
      <AgendaPanel api={api} pairId="avery-blake" sessionId="20261125T100000Z" layout="panel" />
    </LocaleProvider>,
  );
  return { service, set: (next: AgendaView) => (agenda = next) };
}

const withGoals = (topics: TopicView[], more: Partial<AgendaView> = {}) =>
  agendaWith(topics, { progress: { actionItems: [], goals: GOALS }, ...more });

async function openDetail(title: string) {
  const user = userEvent.setup();
  const list = await screen.findByRole('list', { name: 'Topics topics' }, { timeout: 15_000 });
  const row = within(list).getByText(title).closest('li')!;
  await user.click(within(row).getByRole('button', { name: `Details of ${title}` }));
  return { user, row };
}

jest.setTimeout(60_000);

describe('linking to goals on the agenda', () => {
  it("links the author's topic to one of the open goals, and the row then names it", async () => {
    const { service, set } = setup(withGoals([topic({ id: 't1', title: 'Career' })]));
    service.on('PATCH', `${SESSION}/topics/t1`, () => {
      const linked = topic({
        id: 't1',
        title: 'Career',
        rev: 2,
        goal: { id: 'g-2', title: 'Lead a review', closed: false },
      });
      set(withGoals([linked]));
      return { status: 200, json: linked };
    });
    const { user, row } = await openDetail('Career');
    const picker = await within(row).findByRole('combobox', { name: 'Goal of this topic' }, { timeout: 10_000 });
    expect(picker).toHaveValue('');
    expect(
      within(picker)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['No goal', 'Ship the thing', 'Lead a review']);
    await user.selectOptions(picker, 'Lead a review');
    await waitFor(() =>
      expect(service.callsTo('PATCH', `${SESSION}/topics/t1`)[0]?.body).toEqual({ rev: 1, goalId: 'g-2' }),
    );
    expect(await within(row).findByText('Goal: Lead a review')).toBeInTheDocument();
    expect(within(row).getByRole('combobox', { name: 'Goal of this topic' })).toHaveValue('g-2');
    // A new action item from the topic now works towards the same goal.
    const form = within(row).getByRole('form', { name: 'New action item from this topic' });
    expect(within(form).getByRole('combobox', { name: 'Goal' })).toHaveValue('g-2');
  });

  it('unlinks with "No goal", applied on top of a concurrent check-off, and keeps a closed goal named', async () => {
    const closed = { id: 'g-old', title: 'Old aim', closed: true };
    const { service } = setup(withGoals([topic({ id: 't1', title: 'Career', goal: closed })]));
    let attempts = 0;
    service.on('PATCH', `${SESSION}/topics/t1`, () => {
      attempts += 1;
      if (attempts === 1)
        return {
          status: 409,
          json: {
            type: 'conflict',
            title: 'Conflict',
            status: 409,
            current: topic({ id: 't1', title: 'Career', rev: 2, discussed: true, goal: closed }),
          },
        };
      return { status: 200, json: topic({ id: 't1', title: 'Career', rev: 3 }) };
    });
    const { user, row } = await openDetail('Career');
    expect(within(row).getByText('Goal: Old aim (closed)')).toBeInTheDocument();
    const picker = await within(row).findByRole('combobox', { name: 'Goal of this topic' }, { timeout: 10_000 });
    expect(picker).toHaveValue('g-old');
    await user.selectOptions(picker, 'No goal');
    await waitFor(() => expect(service.callsTo('PATCH', `${SESSION}/topics/t1`)).toHaveLength(2));
    expect(service.callsTo('PATCH', `${SESSION}/topics/t1`).map((c) => c.body)).toEqual([
      { rev: 1, goalId: null },
      { rev: 2, goalId: null },
    ]);
  });

  it('says so in words when the link is refused', async () => {
    const { service } = setup(withGoals([topic({ id: 't1', title: 'Career' })]));
    service.on('PATCH', `${SESSION}/topics/t1`, () => ({
      status: 400,
      json: {
        type: problemUri('validation'),
        title: 'Bad request',
        status: 400,
        detail: 'is not a goal of this 1:1',
        field: 'goalId',
      },
    }));
    const { user, row } = await openDetail('Career');
    await user.selectOptions(
      await within(row).findByRole('combobox', { name: 'Goal of this topic' }, { timeout: 10_000 }),
      'Ship the thing',
    );
    expect(
      await screen.findByText('Something in what you entered was not accepted. Check it and try again.'),
    ).toBeInTheDocument();
  });

  it("offers no picker on the other person's topic", async () => {
    setup(withGoals([topic({ id: 't1', title: 'Their topic', authorId: 'avery', authorRole: 'manager' })]));
    const { row } = await openDetail('Their topic');
    const form = await within(row).findByRole('form', { name: 'New action item from this topic' }, { timeout: 10_000 });
    expect(within(form).getByRole('combobox', { name: 'Goal' })).toBeInTheDocument();
    expect(within(row).queryByRole('combobox', { name: 'Goal of this topic' })).toBeNull();
  });

  it('offers no goal picker at all in a 1:1 without open goals', async () => {
    setup(agendaWith([topic({ id: 't1', title: 'Mine' })]));
    const { row } = await openDetail('Mine');
    await within(row).findByRole('form', { name: 'New action item from this topic' }, { timeout: 10_000 });
    expect(screen.queryByRole('combobox', { name: /Goal/ })).toBeNull();
  });

  it("adds an action item from a topic towards the topic's goal unless another is picked", async () => {
    const { service } = setup(
      withGoals([topic({ id: 't1', title: 'Career', goal: { id: 'g-1', title: 'Ship the thing', closed: false } })]),
    );
    const { user, row } = await openDetail('Career');
    const form = await within(row).findByRole('form', { name: 'New action item from this topic' }, { timeout: 10_000 });
    expect(within(form).getByRole('combobox', { name: 'Goal' })).toHaveValue('g-1');
    await user.type(within(form).getByRole('textbox', { name: 'New action item from this topic' }), 'Draft it');
    await user.click(within(form).getByRole('button', { name: 'Add action item' }));
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Goal' }), 'No goal');
    await user.type(within(form).getByRole('textbox', { name: 'New action item from this topic' }), 'Book a room');
    await user.click(within(form).getByRole('button', { name: 'Add action item' }));
    await waitFor(() => expect(service.callsTo('POST', ITEMS)).toHaveLength(2));
    const [first, second] = service.callsTo('POST', ITEMS).map((c) => c.body as Record<string, unknown>);
    expect(first).toMatchObject({ text: 'Draft it', topicId: 't1', goalId: 'g-1' });
    expect(second).toMatchObject({ text: 'Book a room', topicId: 't1' });
    expect(second).not.toHaveProperty('goalId');
  });

  it('names the goal of action items in the next steps and in the progress section, as the topic row does', async () => {
    setup(
      withGoals([], {
        nextSteps: [item({ id: 'a-1', text: 'Draft it', goal: { id: 'g-1', title: 'Ship the thing', closed: false } })],
        progress: {
          goals: GOALS,
          actionItems: [
            item({
              id: 'a-0',
              text: 'Read the guide',
              sourceSessionId: '20261118T100000Z',
              goal: { id: 'g-old', title: 'Old aim', closed: true },
            }),
            item({ id: 'a-2', text: 'No goal here', sourceSessionId: '20261118T100000Z' }),
          ],
        },
      }),
    );
    const steps = await screen.findByRole('list', { name: 'Action items from this session' }, { timeout: 15_000 });
    expect(within(steps).getByTestId('goal-badge')).toHaveTextContent('Goal: Ship the thing');
    const last = await screen.findByRole('list', { name: 'From last time' }, { timeout: 15_000 });
    const rows = await within(last).findAllByTestId('action-item');
    expect(within(rows[0]!).getByTestId('goal-badge')).toHaveTextContent('Goal: Old aim (closed)');
    expect(within(rows[1]!).queryByTestId('goal-badge')).toBeNull();
  });

  it('links a new next step to a goal from the next steps form', async () => {
    const { service } = setup(withGoals([], { nextSteps: [item({ id: 'a-1', text: 'Draft it' })] }));
    const user = userEvent.setup();
    const form = await screen.findByRole('form', { name: 'Add an action item' }, { timeout: 15_000 });
    await user.type(within(form).getByRole('textbox'), 'Plan the review');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Goal' }), 'Lead a review');
    await user.click(within(form).getByRole('button', { name: 'Add action item' }));
    await waitFor(() =>
      expect(service.callsTo('POST', ITEMS)[0]?.body).toMatchObject({ text: 'Plan the review', goalId: 'g-2' }),
    );
  });

  it("relinks an action item from the agenda with the Action items view's dialog", async () => {
    const { service } = setup(
      withGoals([], {
        nextSteps: [
          item({
            id: 'a-1',
            text: 'Draft it',
            goal: { id: 'g-1', title: 'Ship the thing', closed: false },
            goalId: 'g-1',
          }),
        ],
      }),
    );
    service.on('PATCH', `${ITEMS}/a-1`, (call) => ({
      status: 200,
      json: { ...item({ id: 'a-1', text: 'Draft it' }), ...(call.body as object) },
    }));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit “Draft it”' }, { timeout: 15_000 }));
    const dialog = within(await screen.findByRole('dialog', { hidden: true }, { timeout: 10_000 }));
    const picker = dialog.getByRole('combobox', { name: 'Goal', hidden: true });
    expect(picker).toHaveValue('g-1');
    await user.selectOptions(picker, 'Lead a review');
    await user.click(dialog.getByRole('button', { name: 'Save', hidden: true }));
    await waitFor(() => expect(service.callsTo('PATCH', `${ITEMS}/a-1`)[0]?.body).toEqual({ rev: 1, goalId: 'g-2' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
  });

  it('keeps showing a link to a goal closed long ago in the edit dialog', async () => {
    setup(
      withGoals([], {
        nextSteps: [
          item({ id: 'a-1', text: 'Draft it', goalId: 'g-old', goal: { id: 'g-old', title: 'Old aim', closed: true } }),
        ],
      }),
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Edit “Draft it”' }, { timeout: 15_000 }));
    const dialog = within(await screen.findByRole('dialog', { hidden: true }, { timeout: 10_000 }));
    const picker = dialog.getByRole('combobox', { name: 'Goal', hidden: true });
    expect(picker).toHaveValue('g-old');
    expect(
      within(picker)
        .getAllByRole('option', { hidden: true })
        .map((o) => o.textContent),
    ).toEqual(['No goal', 'Ship the thing', 'Lead a review', 'Old aim']);
  });
});
