import { webLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TandemApi } from '../../ui/api/client';
import { addinMessages } from '../../ui/i18n/addin-messages';
import { LocaleProvider } from '../../ui/i18n/intl';
import { FakeService } from '../../ui/test-support/fake-service';
import type { AppointmentInfo } from '../office/office-host';
import { LinkEvent } from './link-event';

const CHAT = '19:meeting_b3JkaW5hcnk@thread.v2';
const JOIN = `https://teams.microsoft.com/l/meetup-join/${encodeURIComponent(CHAT)}/0`;
const organizer: AppointmentInfo = {
  mode: 'compose',
  role: 'organizer',
  subject: 'Project sync',
  start: '2026-11-26T15:00:00.000Z',
  end: '2026-11-26T15:45:00.000Z',
  chatId: CHAT,
  joinUrl: JOIN,
  seriesId: 'AAMk-series',
  userEmail: 'avery@tandem.example',
};

function setup(info: AppointmentInfo, linkStatus = 201) {
  const service = new FakeService()
    .on('GET', '/api/me/reports', () => ({
      status: 200,
      json: {
        reports: [
          { id: 'blake', displayName: 'Blake Diaz', email: 'blake@tandem.example' },
          { id: 'casey', displayName: 'Casey Ng', email: 'casey@tandem.example' },
        ],
      },
    }))
    .on('POST', '/api/pairs/link', () =>
      linkStatus === 201
        ? { status: 201, json: { id: 'p1' } }
        : { status: linkStatus, json: { type: 'conflict', title: 'Conflict', status: 409, detail: 'taken' } },
    );
  const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
  const onLinked = jest.fn();
  render(
    <LocaleProvider locale="en-US" parts={[addinMessages]} theme={webLightTheme}>
      <LinkEvent api={api} info={info} onLinked={onLinked} />
    </LocaleProvider>,
  );
  return { service, onLinked };
}

describe('making an event a Tandem 1:1', () => {
  it('links the event to the chosen direct report with the cadence of the event', async () => {
    const { service, onLinked } = setup(organizer);
    const report = await screen.findByRole('combobox', { name: 'Your direct report' });
    await userEvent.selectOptions(report, 'Casey Ng');
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'How often you meet' }), 'Every two weeks');
    await userEvent.click(screen.getByRole('button', { name: 'Make this a Tandem 1:1' }));

    await waitFor(() => expect(onLinked).toHaveBeenCalled());
    const [call] = service.callsTo('POST', '/api/pairs/link');
    expect(call!.body).toEqual({
      reportId: 'casey',
      chatId: CHAT,
      joinUrl: JOIN,
      seriesId: 'AAMk-series',
      cadence: expect.objectContaining({ frequency: 'biweekly', durationMinutes: 45 }),
    });
  });

  it('preselects the report the event invites and offers only invited reports', async () => {
    const { service, onLinked } = setup({ ...organizer, attendees: ['Casey@tandem.example'] });
    const report = await screen.findByRole('combobox', { name: 'Your direct report' });
    expect(report).toHaveValue('casey');
    expect(screen.queryByRole('option', { name: 'Blake Diaz' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Make this a Tandem 1:1' }));

    await waitFor(() => expect(onLinked).toHaveBeenCalled());
    expect(service.callsTo('POST', '/api/pairs/link')[0]!.body).toMatchObject({
      reportId: 'casey',
      attendees: ['Casey@tandem.example'],
    });
  });

  it('says so when the event invites none of the direct reports', async () => {
    setup({ ...organizer, attendees: ['someone@else.example'] });
    expect(await screen.findByText(/None of your direct reports is invited to this event/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Make this a Tandem 1:1' })).toBeNull();
  });

  it('shows why linking failed and keeps the choices', async () => {
    const { onLinked } = setup(organizer, 409);
    await userEvent.selectOptions(await screen.findByRole('combobox', { name: 'Your direct report' }), 'Casey Ng');
    await userEvent.click(screen.getByRole('button', { name: 'Make this a Tandem 1:1' }));
    // In people's words, never the service's detail.
    expect(await screen.findByText(/That did not work/)).toBeInTheDocument();
    expect(screen.queryByText('taken')).toBeNull();
    expect(screen.getByRole('combobox', { name: 'Your direct report' })).toHaveValue('casey');
    expect(onLinked).not.toHaveBeenCalled();
  });

  it('tells an attendee that only the organizer can, and asks for a Teams meeting when there is none', () => {
    const { service } = setup({ ...organizer, mode: 'read', role: 'attendee' });
    expect(screen.getByText(/Its organizer can make it one/)).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
    expect(service.calls).toEqual([]);
  });

  it('asks the organizer for a Teams meeting when the event has none', () => {
    const { chatId: _c, joinUrl: _j, ...noMeeting } = organizer;
    setup(noMeeting);
    expect(screen.getByText(/Turn on “Teams meeting” for this event/)).toBeInTheDocument();
  });

  it('speaks the language of Outlook it is given, and mirrors for a right-to-left one', async () => {
    const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: new FakeService().fetch });
    const attendee = { role: 'attendee' } as AppointmentInfo;
    const { unmount } = render(
      <LocaleProvider locale="ja-JP" parts={[addinMessages]} theme={webLightTheme}>
        <LinkEvent api={api} info={attendee} onLinked={() => undefined} />
      </LocaleProvider>,
    );
    // Its catalog is fetched on demand (docs/pages.md).
    expect(await screen.findByRole('heading', { name: 'まだ Tandem の 1on1 ではありません' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('ja-JP');
    unmount();
    render(
      <LocaleProvider locale="he-IL" parts={[addinMessages]} theme={webLightTheme}>
        <LinkEvent api={api} info={attendee} onLinked={() => undefined} />
      </LocaleProvider>,
    );
    // No Hebrew catalog yet: English text, right-to-left layout.
    expect(screen.getByRole('heading', { name: 'Not a Tandem 1:1 yet' }).closest('[dir]')).toHaveAttribute(
      'dir',
      'rtl',
    );
    expect(document.documentElement.dir).toBe('rtl');
  });
});
