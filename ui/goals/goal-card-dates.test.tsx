import { teamsLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Goal } from '../api/types';
import { LocaleProvider } from '../i18n/intl';
import { GoalCard } from './goal-card';

const goal: Goal = {
  id: 'g1',
  kind: 'goal',
  title: 'Ship the search',
  status: 'active',
  milestones: [],
  sessionIds: [],
  createdBy: 'blake',
  createdAt: '2026-10-01T12:00:00.000Z',
  history: [{ at: '2026-10-15T12:00:00.000Z', by: 'blake', kind: 'created' }],
  comments: [{ id: 'c1', authorId: 'avery', text: 'Nice progress', at: '2026-11-02T12:00:00.000Z' }],
  rev: 3,
};

function renderIn(locale: string) {
  render(
    <LocaleProvider locale={locale} theme={teamsLightTheme}>
      <GoalCard
        goal={goal}
        role="report"
        reportName="Blake Diaz"
        nameOf={(id) => (id === 'avery' ? 'Avery Chen' : 'Blake Diaz')}
        today="2026-11-20"
        onChange={async () => true}
        onComment={async () => true}
      />
    </LocaleProvider>,
  );
}

describe('dates on a goal card', () => {
  it('shows a comment’s and a change’s date in the reader’s language, not as an ISO date', async () => {
    renderIn('de-DE');
    await userEvent.click(await screen.findByRole('button', { name: /^Kommentare/ }, { timeout: 15_000 }));
    await userEvent.click(screen.getByRole('button', { name: /^Was sich geändert hat/ }));

    expect(await screen.findByText('2. Nov. 2026')).toBeInTheDocument();
    expect(screen.getByText('15. Okt. 2026')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/2026-1[01]-/);
  });

  it('in Japanese as a Japanese reader writes a date', async () => {
    renderIn('ja-JP');
    await userEvent.click(await screen.findByRole('button', { name: /^コメント/ }, { timeout: 15_000 }));

    expect(await screen.findByText('2026年11月2日')).toBeInTheDocument();
  });
});
