import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TandemApi } from '../api/client';
import type { AgendaView, Goal } from '../api/types';
import { LocaleProvider } from '../i18n/intl';
import { goal } from '../test-support/goal-fixture';
import { agendaWith } from '../test-support/agenda-fixture';
import { FakeService } from '../test-support/fake-service';
import { ProgressGoals } from './progress-goals';

const GOALS = '/api/pairs/avery-blake/goals';

const review = goal({
  id: 'g-1',
  kind: 'development',
  title: 'Lead a cross-team design review',
  milestones: [
    { id: 'm-1', title: 'Shadow a review', due: '2030-01-10' },
    { id: 'm-2', title: 'Run one review', due: '2030-02-10' },
    // Done long before the previous meeting: counted, not listed.
    { id: 'm-0', title: 'Read the review guide', doneAt: '2026-10-01T09:00:00.000Z' },
  ],
});
const runbook = goal({ id: 'g-2', title: 'Ship the on-call runbook', createdBy: 'avery' });

function setup({
  goals = [review, runbook],
  viewer = 'blake',
  readOnly = false,
  locale = 'en-US',
}: { goals?: Goal[]; viewer?: 'avery' | 'blake'; readOnly?: boolean; locale?: string } = {}) {
  const service = new FakeService()
    .on('POST', GOALS, (call) => ({ status: 201, json: goal(call.body as Goal) }))
    .on('PATCH', `${GOALS}/g-1`, () => ({ status: 200, json: review }))
    .on('PATCH', `${GOALS}/g-2`, () => ({ status: 200, json: runbook }))
    .on('POST', `${GOALS}/g-1/comments`, () => ({ status: 201, json: {} }));
  const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
  const onChanged = jest.fn(async () => undefined);
  const agenda: AgendaView = agendaWith([], {
    viewer: viewer === 'blake' ? { id: 'blake', role: 'report' } : { id: 'avery', role: 'manager' },
    progress: { actionItems: [], goals, since: '2026-11-18T10:00:00.000Z' },
  });
  render(
    <LocaleProvider locale={locale}>
      <ProgressGoals agenda={agenda} {...(!readOnly && { api, onChanged })} />
    </LocaleProvider>,
  );
  return { service, onChanged, user: userEvent.setup() };
}

const goalItem = (title: string) => screen.getByRole('listitem', { name: title });

describe('the goals in a meeting’s progress section', () => {
  it('shows each goal compactly: its open milestones to tick, how many are done', async () => {
    const { service, onChanged, user } = setup();
    const list = await screen.findByRole(
      'list',
      { name: 'Milestones of Lead a cross-team design review' },
      {
        timeout: 15_000,
      },
    );
    expect(
      within(list)
        .getAllByRole('checkbox')
        .map((c) => c.closest('li')!.textContent),
    ).toEqual([expect.stringContaining('Shadow a review'), expect.stringContaining('Run one review')]);
    expect(within(goalItem('Lead a cross-team design review')).getByText(/Milestones: 1 of 3 done/)).toBeVisible();

    await user.click(within(list).getByRole('checkbox', { name: /Shadow a review/ }));
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(service.callsTo('PATCH', `${GOALS}/g-1`)[0]?.body).toEqual({ rev: 1, completeMilestone: 'm-1' });
  });

  it('ticks on the newer goal when another tick moved it on meanwhile', async () => {
    const { service, user } = setup();
    let first = true;
    service.on('PATCH', `${GOALS}/g-1`, () => {
      if (!first) return { status: 200, json: review };
      first = false;
      return {
        status: 409,
        json: { type: 'conflict', title: 'Conflict', status: 409, current: { ...review, rev: 3 } },
      };
    });
    await user.click(await screen.findByRole('checkbox', { name: /Run one review/ }, { timeout: 15_000 }));
    await waitFor(() => expect(service.callsTo('PATCH', `${GOALS}/g-1`)).toHaveLength(2));
    expect(service.callsTo('PATCH', `${GOALS}/g-1`)[1]?.body).toEqual({ rev: 3, completeMilestone: 'm-2' });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('adds a goal from the section', async () => {
    const { service, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'New goal' }, { timeout: 15_000 }));
    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: /^Title/ }), 'Pair with the new hire');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(service.callsTo('POST', GOALS)[0]?.body).toEqual({
      id: expect.any(String),
      kind: 'goal',
      title: 'Pair with the new hire',
    });
  });

  const actionsOf = async (user: ReturnType<typeof userEvent.setup>, title: string) =>
    user.click(await screen.findByRole('button', { name: `More actions for goal ${title}` }, { timeout: 15_000 }));

  it('adds a milestone with a due date from the goal’s actions', async () => {
    const { service, user } = setup();
    await actionsOf(user, 'Ship the on-call runbook');
    await user.click(await screen.findByRole('button', { name: 'Add milestone' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a milestone to “Ship the on-call runbook”' });
    await user.type(within(dialog).getByRole('textbox', { name: /^Title/ }), 'Draft the first page');
    await user.type(within(dialog).getByLabelText('Due'), '2030-03-01');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(service.callsTo('PATCH', `${GOALS}/g-2`)[0]?.body).toEqual({
      rev: 1,
      addMilestone: { title: 'Draft the first page', due: '2030-03-01' },
    });
  });

  it('edits a goal from its actions', async () => {
    const { service, user } = setup();
    await actionsOf(user, 'Ship the on-call runbook');
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const editor = await screen.findByRole('dialog', { name: 'Edit “Ship the on-call runbook”' });
    const title = within(editor).getByRole('textbox', { name: /^Title/ });
    await user.clear(title);
    await user.type(title, 'Ship the runbook');
    await user.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(service.callsTo('PATCH', `${GOALS}/g-2`)).toHaveLength(1));
    expect(service.callsTo('PATCH', `${GOALS}/g-2`)[0]?.body).toEqual({
      rev: 1,
      title: 'Ship the runbook',
      detail: null,
    });
  });

  it('marks a goal achieved or drops it from its actions', async () => {
    const { service, user } = setup();
    const toggle = screen.findByRole(
      'button',
      { name: 'More actions for goal Ship the on-call runbook' },
      { timeout: 15_000 },
    );
    await user.click(await toggle);
    expect(await toggle).toHaveAttribute('aria-expanded', 'true');
    await user.click(await screen.findByRole('button', { name: 'Mark achieved' }));
    await waitFor(() => expect(service.callsTo('PATCH', `${GOALS}/g-2`)).toHaveLength(1));
    await user.click(screen.getByRole('button', { name: 'Drop' }));
    await waitFor(() => expect(service.callsTo('PATCH', `${GOALS}/g-2`)).toHaveLength(2));
    expect(service.callsTo('PATCH', `${GOALS}/g-2`).map((c) => c.body)).toEqual([
      { rev: 1, status: 'achieved' },
      { rev: 1, status: 'dropped' },
    ]);
  });

  it('edits a milestone’s date from its row', async () => {
    const { service, user } = setup();
    await user.click(
      await screen.findByRole('button', { name: 'Edit milestone Shadow a review' }, { timeout: 15_000 }),
    );
    const dialog = await screen.findByRole('dialog', { name: 'Edit milestone' });
    await user.clear(within(dialog).getByLabelText('Due'));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(service.callsTo('PATCH', `${GOALS}/g-1`)).toHaveLength(1));
    expect(service.callsTo('PATCH', `${GOALS}/g-1`)[0]?.body).toEqual({
      rev: 1,
      editMilestone: { id: 'm-1', due: null },
    });
  });

  it('shows the manager the report’s plan to comment on, not to change', async () => {
    const { service, user } = setup({ viewer: 'avery' });
    const item = await screen.findByRole('listitem', { name: 'Lead a cross-team design review' }, { timeout: 15_000 });
    expect(within(item).getByText('Blake Diaz’s own plan: you can comment or propose a new item.')).toBeVisible();
    expect(within(item).getByRole('checkbox', { name: /Shadow a review/ })).toBeDisabled();
    expect(within(item).queryByRole('button', { name: /Edit milestone/ })).toBeNull();

    await user.click(
      within(item).getByRole('button', { name: 'More actions for goal Lead a cross-team design review' }),
    );
    await within(item).findByRole('button', { name: 'Add a comment' });
    // Nothing that would change the report's plan: no milestone, no edit, no status.
    expect(
      within(item)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['', 'Add a comment']);
    await user.click(within(item).getByRole('button', { name: 'Add a comment' }));
    const dialog = await screen.findByRole('dialog', { name: 'Comment on “Lead a cross-team design review”' });
    await user.type(
      within(dialog).getByRole('textbox', { name: 'Add a comment' }),
      'The platform team runs one in May.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Comment' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(service.callsTo('POST', `${GOALS}/g-1/comments`)[0]?.body).toEqual({
      id: expect.any(String),
      text: 'The platform team runs one in May.',
    });
  });

  it('lets the report accept a proposal made in the meeting', async () => {
    const proposal = goal({
      id: 'g-1',
      kind: 'development',
      status: 'proposed',
      title: 'Mentor a new hire',
      createdBy: 'avery',
    });
    const { service, user } = setup({ goals: [proposal] });
    const item = await screen.findByRole('listitem', { name: 'Mentor a new hire' }, { timeout: 15_000 });
    expect(within(item).getByText('Proposed')).toBeVisible();
    expect(within(item).getByText('Proposed by Avery Chen: accept it to make it part of your plan.')).toBeVisible();
    await user.click(within(item).getByRole('button', { name: 'More actions for goal Mentor a new hire' }));
    await user.click(await screen.findByRole('button', { name: 'Accept' }));
    await waitFor(() => expect(service.callsTo('PATCH', `${GOALS}/g-1`)).toHaveLength(1));
    expect(service.callsTo('PATCH', `${GOALS}/g-1`)[0]?.body).toEqual({ rev: 1, status: 'active' });
  });

  it('says a refusal in the reader’s language, and shows the goal as stored again', async () => {
    const { service, onChanged, user } = setup({ viewer: 'avery', locale: 'de-DE' });
    service.on('PATCH', `${GOALS}/g-2`, () => ({
      status: 403,
      json: { type: 'forbidden', title: 'Not allowed', status: 403, code: 'report-owns-plan', detail: 'no' },
    }));
    await user.click(
      await screen.findByRole(
        'button',
        { name: 'Weitere Aktionen für das Ziel Ship the on-call runbook' },
        {
          timeout: 15_000,
        },
      ),
    );
    await user.click(await screen.findByRole('button', { name: 'Verwerfen' }));
    expect(await screen.findByText(/Ändern kann ihn nur das Teammitglied selbst/)).toBeVisible();
    expect(onChanged).toHaveBeenCalled();
  });

  it('only shows the goals where the agenda cannot change any more', async () => {
    setup({ readOnly: true });
    expect(
      await screen.findByRole('list', { name: 'Goals and their milestones' }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New goal' })).toBeNull();
    expect(screen.queryByRole('button', { name: /More actions/ })).toBeNull();
    expect(screen.getByRole('checkbox', { name: /Shadow a review/ })).toBeDisabled();
  });
  it('says which goal was achieved since the previous meeting, with what moved in it, and offers no actions on it', async () => {
    const shipped = goal({
      id: 'g-3',
      title: 'Ship the search rewrite',
      status: 'achieved',
      milestones: [{ id: 'm-6', title: 'Load test', doneAt: '2026-11-20T09:00:00.000Z' }],
    });
    setup({ goals: [review, shipped] });
    await screen.findByRole('list', { name: 'Milestones of Ship the search rewrite' }, { timeout: 15_000 });
    const item = goalItem('Ship the search rewrite');
    expect(within(item).getByText('Achieved')).toBeVisible();
    expect(within(item).getByText('Load test')).toBeVisible();
    expect(within(item).getByText('done since last time')).toBeVisible();
    expect(within(item).queryByRole('button', { name: /More actions/ })).toBeNull();
    expect(
      within(goalItem('Lead a cross-team design review')).getByRole('button', { name: /More actions/ }),
    ).toBeVisible();
  });
});
