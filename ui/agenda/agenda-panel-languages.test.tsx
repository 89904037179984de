import { teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { problemUri } from '../../core/contract/problem';
import { CATALOGS, en } from '../../core/i18n/messages';
import { TandemApi } from '../api/client';
import type { AgendaView } from '../api/types';
import { LocaleProvider } from '../i18n/intl';
import { agendaWith, topic } from '../test-support/agenda-fixture';
import { FakeService } from '../test-support/fake-service';
import { AgendaPanel } from './agenda-panel';

const SESSION = '/api/pairs/avery-blake/sessions/20261125T100000Z';

function renderIn(locale: string, agenda: AgendaView, service = new FakeService()) {
  service.on('GET', SESSION, () => ({ status: 200, json: agenda }));
  const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
  render(
    <LocaleProvider locale={locale} theme={teamsLightTheme}>
      <AgendaPanel api={api} pairId="avery-blake" sessionId="20261125T100000Z" locale={locale} />
    </LocaleProvider>,
  );
  return service;
}

/** Everything a person reads or hears, piece by piece: each text, and names and hints for assistive technology. */
function everythingShown(): string[] {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const texts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.textContent?.trim() ?? '');
  const attributes = [...document.querySelectorAll('[aria-label], [placeholder], [title]')].flatMap((e) =>
    ['aria-label', 'placeholder', 'title'].map((a) => e.getAttribute(a) ?? ''),
  );
  return [...texts, ...attributes].filter(Boolean);
}

/** A piece that is an English message, or holds a whole English sentence. */
const isEnglish = (piece: string, message: string) =>
  piece === message || (message.length >= 12 && piece.includes(message));

describe('the agenda in German', () => {
  it('shows no English message where German has its own', async () => {
    renderIn('de-DE', agendaWith([topic({ id: 't1', title: 'Konferenzbudget', carriedFrom: '20261118T100000Z' })]));
    await screen.findByRole('main', { name: 'Gemeinsame Agenda' }, { timeout: 15_000 });
    await screen.findByText('Konferenzbudget');
    const shown = everythingShown();
    // Every English message without arguments that German words differently (a few, such as "Live", are the same).
    const english = (Object.keys(en) as Array<keyof typeof en>)
      .filter((id) => !en[id].includes('{') && CATALOGS.de[id] !== en[id])
      .map((id) => en[id]);
    expect(english.filter((message) => shown.some((piece) => isEnglish(piece, message)))).toEqual([]);
    expect(shown.join('\n')).toContain('Übernommen vom');
  });

  it('says a refusal from the service in German, by its code, not the service’s English detail', async () => {
    const service = new FakeService().on('POST', `${SESSION}/topics`, () => ({
      status: 409,
      json: {
        type: problemUri('conflict'),
        title: 'Conflict',
        status: 409,
        detail: 'sessionId: this session is held; add to the next one',
        code: 'session-ended',
      },
    }));
    renderIn('de-DE', agendaWith([]), service);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('textbox', { name: 'Neues Thema' }, { timeout: 15_000 }));
    await user.keyboard('Zu spät{Enter}');
    expect(await screen.findByText('Dieser Termin ist schon vorbei. Zum nächsten hinzufügen?')).toBeInTheDocument();
    await waitFor(() => expect(everythingShown().join('\n')).not.toContain('this session is held'));
    expect(everythingShown().join('\n')).not.toContain('This meeting has already ended');
  });
});
