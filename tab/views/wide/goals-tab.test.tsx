import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { TandemApi } from '../../../ui/api/client';
import type { Goal, PairExport } from '../../../ui/api/types';
import { LocaleProvider } from '../../../ui/i18n/intl';
import { FakeService } from '../../../ui/test-support/fake-service';
import { goal } from '../../../ui/test-support/goal-fixture';
import { GoalsTab } from './goals-tab';

const GOALS = '/api/pairs/avery-blake/goals';
const PERSON = { avery: { id: 'avery', displayName: 'Avery Quinn' }, blake: { id: 'blake', displayName: 'Blake Ito' } };

/** The wide tab's Goals view for Blake (the report), reloading what it shows from the service after a change. */
function setup() {
  let goals: Goal[] = [
    goal({
      id: 'g-1',
      title: 'Ship the on-call runbook',
      milestones: [{ id: 'm-1', title: 'Draft the first page', due: '2030-01-10' }],
    }),
  ];
  const service = new FakeService()
    .on('POST', GOALS, (call) => {
      const added = goal({ ...(call.body as Goal), rev: 1 });
      goals = [...goals, added];
      return { status: 201, json: added };
    })
    .on('PATCH', `${GOALS}/g-1`, (call) => {
      const body = call.body as { title?: string; editMilestone?: { id: string; title?: string } };
      goals = goals.map((g) =>
        g.id !== 'g-1'
          ? g
          : {
              ...g,
              rev: g.rev + 1,
              ...(body.title && { title: body.title }),
              milestones: g.milestones.map((m) =>
                m.id === body.editMilestone?.id && body.editMilestone.title
                  ? { ...m, title: body.editMilestone.title }
                  : m,
              ),
            },
      );
      return { status: 200, json: goals.find((g) => g.id === 'g-1') };
    });
  const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
  const history = (): PairExport => ({
    format: 'tandem.pair-export/1',
    exportedAt: '2026-11-20T09:00:00.000Z',
    exportedBy: PERSON.blake,
    pairId: 'avery-blake',
    manager: PERSON.avery,
    report: PERSON.blake,
    cadence: {
      frequency: 'weekly',
      startDate: '2026-11-03',
      time: '10:00',
      timeZone: 'UTC',
      durationMinutes: 30,
    },
    goals,
    actionItems: [],
    backlog: [],
    sessions: [],
  });
  function Harness() {
    const [histories, setHistories] = useState(() => ({ 'avery-blake': history() }));
    return (
      <GoalsTab
        api={api}
        histories={histories}
        viewerId="blake"
        onChanged={async () => setHistories({ 'avery-blake': history() })}
      />
    );
  }
  render(
    <LocaleProvider locale="en-US">
      <main>
        <Harness />
      </main>
    </LocaleProvider>,
  );
  return { service, user: userEvent.setup() };
}

/**
 * After a dialog closes the page is usable again by assistive technology: nothing around it left aria-hidden
 * (Testing Library finds by role only what is not hidden), and the next dialog opened is not hidden either.
 * Where focus goes is asserted in the browser (tests/browser/growth.test.ts): Fluent's focus restoring does not
 * run in jsdom.
 */
async function expectPageGivenBack(user: ReturnType<typeof userEvent.setup>) {
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  await waitFor(() => expect(document.querySelector('main')!.closest('[aria-hidden="true"]')).toBeNull());
  expect(screen.getByRole('heading', { name: 'Goals and development plan' })).toBeVisible();
  await user.click(screen.getByRole('button', { name: 'New goal' }));
  expect(await screen.findByRole('dialog', { name: 'New goal · With Avery Quinn' })).toBeVisible();
  // Closed, not left open: a Fluent dialog unmounted open (the test's cleanup) would hide the next test's.
  await user.keyboard('{Escape}');
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

describe('the wide tab’s Goals view', () => {
  // One rendering for all its dialogs: Fluent's focus manager outlives a test, so a dialog a test's cleanup
  // unmounts open would hide the next test's dialogs.
  it('gives the page back after a new goal is saved, a goal or a milestone edited, and a dialog cancelled', async () => {
    const { service, user } = setup();
    await user.click(await screen.findByRole('button', { name: 'New goal' }, { timeout: 15_000 }));
    const adding = await screen.findByRole('dialog', { name: 'New goal · With Avery Quinn' });
    await user.type(await within(adding).findByRole('textbox', { name: /^Title/ }), 'Pair with the new hire');
    await user.click(within(adding).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(service.callsTo('POST', GOALS)).toHaveLength(1));
    expect(await screen.findByRole('heading', { name: 'Pair with the new hire' })).toBeVisible();
    await expectPageGivenBack(user);

    await user.click(
      within(screen.getByRole('group', { name: 'Ship the on-call runbook' })).getByRole('button', { name: 'Edit' }),
    );
    const editor = await screen.findByRole('dialog', { name: 'Edit' });
    const goalTitle = await within(editor).findByRole('textbox', { name: /^Title/ });
    await user.clear(goalTitle);
    await user.type(goalTitle, 'Ship the runbook');
    await user.click(within(editor).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(service.callsTo('PATCH', `${GOALS}/g-1`)).toHaveLength(1));
    expect(await screen.findByRole('heading', { name: 'Ship the runbook' })).toBeVisible();
    await expectPageGivenBack(user);

    await user.click(
      await screen.findByRole('button', { name: 'Edit milestone Draft the first page' }, { timeout: 15_000 }),
    );
    const milestone = await screen.findByRole('dialog', { name: 'Edit milestone' });
    const milestoneTitle = await within(milestone).findByRole('textbox', { name: /^Title/ });
    await user.clear(milestoneTitle);
    await user.type(milestoneTitle, 'Draft the outline');
    await user.click(within(milestone).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(service.callsTo('PATCH', `${GOALS}/g-1`)).toHaveLength(2));
    await expectPageGivenBack(user);

    await user.click(await screen.findByRole('button', { name: 'New goal' }, { timeout: 15_000 }));
    const cancelling = await screen.findByRole('dialog', { name: 'New goal · With Avery Quinn' });
    await user.click(within(cancelling).getByRole('button', { name: 'Cancel' }));
    await expectPageGivenBack(user);
    expect(service.callsTo('POST', GOALS)).toHaveLength(1);
  });
});
