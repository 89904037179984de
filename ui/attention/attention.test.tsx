import { teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEFAULT_ATTENTION } from '../../core/model/attention';
import { TandemApi } from '../api/client';
import { LocaleProvider } from '../i18n/intl';
import { viewsMessages } from '../i18n/views-messages';
import { FakeService } from '../test-support/fake-service';
import { AttentionDialog } from './attention-dialog';
import { NothingToAdd } from './nothing-to-add';

function apiWith(service: FakeService) {
  return new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
}

describe('People’s attention in the tab', () => {
  it('Reminders: shows the stored choice, saves only through the dialog, and says so', async () => {
    let stored = { ...DEFAULT_ATTENTION };
    const service = new FakeService()
      .on('GET', '/api/me/attention', () => ({ status: 200, json: stored }))
      .on('PATCH', '/api/me/attention', (call) => {
        stored = { ...stored, ...(call.body as object) };
        return { status: 200, json: stored };
      });
    render(
      <LocaleProvider locale="en-US" parts={[viewsMessages]} theme={teamsLightTheme}>
        <AttentionDialog api={apiWith(service)} />
      </LocaleProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Reminders' }, { timeout: 15_000 }));
    // `hidden`: in jsdom Tabster's modalizer at times leaves the opened dialog itself aria-hidden; that the page
    // and the dialog are given to assistive technology as they should is checked in Chromium
    // (tests/browser/wide-action-item-dialogs.test.ts).
    const nudges = await screen.findByRole('switch', {
      name: 'Remind me the day before an action item of mine is due',
      hidden: true,
    });
    expect(nudges).toBeChecked();
    await userEvent.click(nudges);
    await userEvent.selectOptions(
      screen.getByRole('combobox', { name: 'How long before', hidden: true }),
      '2 hours before',
    );
    expect(service.callsTo('PATCH', '/api/me/attention')).toHaveLength(0);

    await userEvent.click(screen.getByRole('button', { name: 'Save', hidden: true }));
    await screen.findByText('Saved.');
    expect(service.callsTo('PATCH', '/api/me/attention').map((c) => c.body)).toEqual([
      { ...DEFAULT_ATTENTION, nudges: false, promptHoursBefore: 2 },
    ]);
    await waitFor(() => expect(screen.queryByRole('dialog', { hidden: true })).toBeNull());
  });

  it('Reminders: a refusal is said in the reader’s language, never in the API’s words', async () => {
    const service = new FakeService()
      .on('GET', '/api/me/attention', () => ({ status: 200, json: DEFAULT_ATTENTION }))
      .on('PATCH', '/api/me/attention', () => ({
        status: 400,
        json: {
          type: 'https://tandem.example/problems/validation',
          title: 'Invalid input',
          status: 400,
          detail: 'promptHoursBefore: must be one of 1, 2, 4, 24, 48',
        },
      }));
    render(
      <LocaleProvider locale="de-DE" parts={[viewsMessages]} theme={teamsLightTheme}>
        <AttentionDialog api={apiWith(service)} />
      </LocaleProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Erinnerungen' }, { timeout: 15_000 }));
    await screen.findAllByRole('switch', { hidden: true });
    await userEvent.click(screen.getByRole('button', { name: 'Speichern', hidden: true }));
    const said = await screen.findByRole('alert', { hidden: true });
    expect(said).toHaveTextContent(
      'Speichern hat nicht geklappt: Etwas an deiner Eingabe passt nicht. Prüf sie und versuch es noch einmal.',
    );
  });

  it('Nothing to add this time: tells the service for this session, then says it is noted', async () => {
    const service = new FakeService().on('POST', '/api/pairs/p1/sessions/s1/nothing-from-me', () => ({
      status: 204,
    }));
    const agenda = { pairId: 'p1', sessionId: 's1', nothingFromMe: false };
    const noted = jest.fn();
    const { rerender } = render(
      <LocaleProvider locale="de-DE" parts={[viewsMessages]} theme={teamsLightTheme}>
        <NothingToAdd api={apiWith(service)} agenda={agenda} onNoted={noted} />
      </LocaleProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Diesmal nichts von mir' }));
    await waitFor(() => expect(noted).toHaveBeenCalled());
    expect(service.callsTo('POST', '/api/pairs/p1/sessions/s1/nothing-from-me')).toHaveLength(1);

    rerender(
      <LocaleProvider locale="de-DE" parts={[viewsMessages]} theme={teamsLightTheme}>
        <NothingToAdd api={apiWith(service)} agenda={{ ...agenda, nothingFromMe: true }} onNoted={noted} />
      </LocaleProvider>,
    );
    expect(screen.getByRole('status')).toHaveTextContent('Notiert: diesmal nichts von dir');
  });
});
