import { teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TandemApi } from '../api/client';
import { LocaleProvider } from '../i18n/intl';
import { agendaWith, topic } from '../test-support/agenda-fixture';
import { FakeService } from '../test-support/fake-service';
import { AgendaPanel } from './agenda-panel';

const PAIR = '/api/pairs/avery-blake';
const SESSION = `${PAIR}/sessions/20261125T100000Z`;
const NEXT = `${PAIR}/sessions/20261202T100000Z`;

/** The meeting on screen ended meanwhile (the other person clicked End): adding a topic is refused. */
function setup(locale = 'en-US') {
  let ended = false;
  const service = new FakeService()
    // Read again after the refusal, it is held: the agenda turns read-only, the offer stays.
    .on('GET', SESSION, () => ({ status: 200, json: { ...agendaWith([]), ...(ended && { status: 'held' }) } }))
    .on('POST', `${SESSION}/topics`, () => {
      ended = true;
      return {
        status: 409,
        json: {
          type: 'conflict',
          title: 'Conflict',
          status: 409,
          code: 'session-ended',
          errors: [{ field: 'sessionId', reason: 'this session is held' }],
        },
      };
    })
    .on('GET', PAIR, () => ({
      status: 200,
      json: { id: 'avery-blake', nextSession: { id: '20261202T100000Z', start: '2026-12-02T10:00:00.000Z' } },
    }))
    .on('POST', `${NEXT}/topics`, (call) => {
      const body = call.body as { id: string; title: string };
      return { status: 201, json: topic({ id: body.id, title: body.title }) };
    });
  const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
  render(
    <LocaleProvider locale={locale} theme={teamsLightTheme}>
      <AgendaPanel api={api} pairId="avery-blake" sessionId="20261125T100000Z" />
    </LocaleProvider>,
  );
  return service;
}

describe('adding a topic to a meeting that has ended', () => {
  it('says so in people’s words and adds it to the next meeting with one button', async () => {
    const service = setup();
    const user = userEvent.setup();
    const field = await screen.findByRole('textbox', { name: 'New topic' }, { timeout: 15_000 });
    await user.click(field);
    await user.keyboard('Travel budget{Enter}');
    expect(await screen.findByText('This meeting has already ended. Add it to the next one?')).toBeInTheDocument();
    // Never an API field name.
    expect(document.body.textContent).not.toMatch(/sessionId|this session is held/);

    await user.click(screen.getByRole('button', { name: 'Add it to the next one' }));
    await waitFor(() => expect(service.callsTo('POST', `${NEXT}/topics`)).toHaveLength(1));
    expect(service.callsTo('POST', `${NEXT}/topics`)[0]?.body).toMatchObject({
      title: 'Travel budget',
      section: 'topics',
    });
    expect(await screen.findByText(/^Added to the next meeting, /)).toBeInTheDocument();
    expect(screen.queryByText('This meeting has already ended. Add it to the next one?')).toBeNull();
    // The agenda is read-only now: no field to add to this meeting.
    await waitFor(() => expect(screen.queryByRole('textbox', { name: 'New topic' })).toBeNull());
  });

  it('speaks the reader’s language', async () => {
    setup('de-DE');
    const user = userEvent.setup();
    const field = await screen.findByRole('textbox', { name: 'Neues Thema' }, { timeout: 15_000 });
    await user.click(field);
    await user.keyboard('Reisebudget{Enter}');
    expect(await screen.findByText('Dieser Termin ist schon vorbei. Zum nächsten hinzufügen?')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Zum nächsten Termin hinzufügen' })).toBeInTheDocument();
  });
});
