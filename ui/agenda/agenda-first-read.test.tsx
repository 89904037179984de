import { teamsLightTheme } from '@fluentui/react-components';
import { act, render, screen, waitFor } from '@testing-library/react';
import { TandemApi } from '../api/client';
import type { AgendaRead } from '../api/resolve-session';
import { LocaleProvider } from '../i18n/intl';
import { agendaWith, topic } from '../test-support/agenda-fixture';
import { FakeEventSource } from '../test-support/fake-event-source';
import { FakeService } from '../test-support/fake-service';
import { AgendaPanel } from './agenda-panel';

const SESSION = '/api/pairs/avery-blake/sessions/20261125T100000Z';
const ETAG = '"first-etag"';

/** The panel given the agenda its meeting's look-up answered (docs/pages.md, Navigation). */
function setup(first: AgendaRead, sessionId = '20261125T100000Z') {
  let current = { agenda: first.agenda, etag: ETAG };
  const service = new FakeService().on('GET', SESSION, (call) =>
    call.headers['if-none-match'] === current.etag
      ? { status: 304, headers: { etag: current.etag } }
      : { status: 200, json: current.agenda, headers: { etag: current.etag } },
  );
  const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
  const streamsBefore = FakeEventSource.instances.length;
  render(
    <LocaleProvider locale="en-US" theme={teamsLightTheme}>
      <AgendaPanel api={api} pairId="avery-blake" sessionId={sessionId} first={first} />
    </LocaleProvider>,
  );
  const stream = async () => {
    await waitFor(() => expect(FakeEventSource.instances.length).toBeGreaterThan(streamsBefore));
    return FakeEventSource.last!;
  };
  const change = (next: typeof current) => (current = next);
  return { service, stream, change };
}

describe('AgendaPanel given the first agenda', () => {
  it('shows it without reading the agenda; once live, one re-read by its ETag, then live changes as ever', async () => {
    const { service, stream, change } = setup({
      agenda: agendaWith([topic({ id: 't1', title: 'Conference budget' })]),
      etag: ETAG,
    });
    expect(await screen.findByText('Conference budget', {}, { timeout: 15_000 })).toBeInTheDocument();
    expect(service.callsTo('GET', SESSION)).toEqual([]);

    // What changed between the look-up's read and the stream's start: asked for by that ETag (304 here).
    const events = await stream();
    act(() => events.emit('ready', {}));
    await waitFor(() => expect(service.callsTo('GET', SESSION)).toHaveLength(1));
    expect(service.callsTo('GET', SESSION)[0]!.headers['if-none-match']).toBe(ETAG);

    change({ agenda: agendaWith([topic({ id: 't2', title: 'Added by Avery' })]), etag: '"second"' });
    const topics = { pairId: 'avery-blake', sessionId: '20261125T100000Z', kind: 'topics', by: 'avery', at: '' };
    act(() => events.emit('change', topics));
    expect(await screen.findByText('Added by Avery')).toBeInTheDocument();
    expect(service.callsTo('GET', SESSION)[1]!.headers['if-none-match']).toBe(ETAG);
    expect(screen.queryByText('Conference budget')).toBeNull();
  });

  it("reads the agenda as before when the first one is another session's", async () => {
    const { service } = setup({
      agenda: agendaWith([topic({ id: 't1', title: 'Old session topic' })], { sessionId: '20261118T100000Z' }),
      etag: '"old"',
    });
    await waitFor(() => expect(service.callsTo('GET', SESSION)).toHaveLength(1), { timeout: 15_000 });
    expect(service.callsTo('GET', SESSION)[0]!.headers['if-none-match']).toBeUndefined();
    expect(await screen.findByText('Old session topic')).toBeInTheDocument();
  });
});
