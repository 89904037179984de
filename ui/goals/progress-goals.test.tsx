import { teamsLightTheme } from '@fluentui/react-components';
import { render, screen, within } from '@testing-library/react';
import type { Goal } from '../api/types';
import { LocaleProvider } from '../i18n/intl';
import { ProgressGoals } from './progress-goals';

const goal = (overrides: Partial<Goal> & Pick<Goal, 'id' | 'title'>): Goal => ({
  kind: 'goal',
  status: 'active',
  milestones: [],
  sessionIds: [],
  createdBy: 'blake',
  createdAt: '2026-02-01T09:00:00Z',
  rev: 1,
  ...overrides,
});

const SINCE = '2026-03-03T10:00:00Z';
const START = '2026-03-10T10:00:00Z';

jest.setTimeout(60_000);

describe("the progress section's goals", () => {
  it('lists the milestones due soon or moved since last time, and says which goal was achieved since', async () => {
    render(
      <LocaleProvider locale="en-US" theme={teamsLightTheme}>
        <ProgressGoals
          sessionStart={START}
          since={SINCE}
          goals={[
            goal({
              id: 'g-1',
              title: 'Lead a design review',
              milestones: [
                { id: 'm-1', title: 'Shadow one', due: '2026-03-01' },
                { id: 'm-2', title: 'Run one', due: '2026-03-20' },
                { id: 'm-3', title: 'Write it up', due: '2026-06-01' },
                { id: 'm-4', title: 'Much later', due: '2026-09-01' },
                { id: 'm-5', title: 'Read the guide', doneAt: '2026-02-01T12:00:00Z' },
              ],
              history: [{ at: '2026-03-06T09:00:00Z', by: 'blake', kind: 'milestone-edited', subject: 'Write it up' }],
            }),
            goal({
              id: 'g-2',
              title: 'Ship the search rewrite',
              status: 'achieved',
              milestones: [{ id: 'm-6', title: 'Load test', doneAt: '2026-03-05T09:00:00Z' }],
            }),
          ]}
        />
      </LocaleProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Goals and their milestones' }, { timeout: 15_000 });
    const [first, second] = Array.from(list.children) as HTMLElement[];
    const firstItems = within(first!)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(firstItems).toEqual([
      expect.stringMatching(/^Shadow one · due .* overdue$/),
      expect.stringMatching(/^Run one · due /),
      expect.stringMatching(/^Write it up · due .* changed since last time$/),
    ]);
    expect(within(second!).getByText('Achieved')).toBeInTheDocument();
    expect(within(second!).getByRole('listitem')).toHaveTextContent('Load test done since last time');
  });
});
