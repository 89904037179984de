import { teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TandemApi } from '../../../ui/api/client';
import { LocaleProvider } from '../../../ui/i18n/intl';
import { viewsMessages } from '../../../ui/i18n/views-messages';
import { FakeService } from '../../../ui/test-support/fake-service';
import { CarryOverPanel } from './carry-over-panel';

const goal = (id: string, kind: string, title: string, status = 'active') => ({
  id,
  kind,
  title,
  status,
  milestones: [],
  sessionIds: [],
  createdBy: 'casey',
  createdAt: '2026-11-01T00:00:00.000Z',
  rev: 1,
});

describe('CarryOverPanel', () => {
  it('lists the open goals unticked and carries over only the ones the report ticks', async () => {
    const service = new FakeService()
      .on('GET', '/api/pairs/avery-casey', () => ({
        status: 200,
        json: {
          goals: [
            goal('g1', 'development', 'Present at the all-hands'),
            goal('g2', 'goal', 'Own the release notes'),
            goal('g3', 'goal', 'Finished already', 'achieved'),
          ],
        },
      }))
      .on('POST', '/api/pairs/devon-casey/carry-over', () => ({ status: 200, json: { goals: [] } }))
      .on('DELETE', '/api/me/proposals/avery-casey', () => ({ status: 204 }));
    const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
    const onDone = jest.fn();
    const proposal = {
      fromPairId: 'avery-casey',
      newPairId: 'devon-casey',
      manager: { id: 'devon', displayName: 'Devon Park' },
      report: { id: 'casey', displayName: 'Casey Ng' },
      at: '2026-11-20T00:00:00.000Z',
    };
    render(
      <LocaleProvider locale="en-US" parts={[viewsMessages]} theme={teamsLightTheme}>
        <CarryOverPanel api={api} proposal={proposal} onDone={onDone} />
      </LocaleProvider>,
    );
    const user = userEvent.setup();
    const first = await screen.findByRole(
      'checkbox',
      { name: 'Development: Present at the all-hands' },
      { timeout: 15_000 },
    );
    const second = screen.getByRole('checkbox', { name: 'Goal: Own the release notes' });
    expect(screen.queryByText(/Finished already/)).toBeNull();
    expect(first).not.toBeChecked();
    expect(second).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Carry over 0 items' })).toBeDisabled();

    await user.click(first);
    expect(first).toBeChecked();
    expect(second).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Carry over 1 item' }));
    expect(await screen.findByText('1 item is now in your 1:1 with Devon Park.')).toBeInTheDocument();
    expect(service.callsTo('POST', '/api/pairs/devon-casey/carry-over')[0]?.body).toEqual({
      fromPairId: 'avery-casey',
      goalIds: ['g1'],
    });

    await user.click(screen.getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(onDone).toHaveBeenCalled());
    expect(service.callsTo('DELETE', '/api/me/proposals/avery-casey')).toHaveLength(1);
  });
});
