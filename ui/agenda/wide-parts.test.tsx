import { teamsLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { TandemApi } from '../api/client';
import { LocaleProvider } from '../i18n/intl';
import { agendaWith, topic } from '../test-support/agenda-fixture';
import { FakeService } from '../test-support/fake-service';
import { AgendaPanel } from './agenda-panel';
import { WideAgendaParts } from './wide-parts';

const SESSION = '/api/pairs/avery-blake/sessions/20261125T100000Z';

function renderAgenda(wrap: (agenda: ReactNode) => ReactNode) {
  const agenda = agendaWith([topic({ id: 't1', title: 'Conference budget' })], { status: 'in-progress' });
  const service = new FakeService().on('GET', SESSION, () => ({ status: 200, json: agenda }));
  const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
  render(
    <LocaleProvider locale="en-US" theme={teamsLightTheme}>
      {wrap(<AgendaPanel api={api} pairId="avery-blake" sessionId="20261125T100000Z" />)}
    </LocaleProvider>,
  );
}

describe('WideAgendaParts', () => {
  it('renders the parts the wide tab opens with the topics, without fetching them one by one', async () => {
    renderAgenda((agenda) => <WideAgendaParts>{agenda}</WideAgendaParts>);
    // The first render of the file pays for loading Fluent: on a busy machine that takes more than a second.
    await screen.findByRole('list', { name: 'Topics topics' }, { timeout: 15_000 });
    // In the same render as the topics: no part is waiting for its chunk (a lazy one shows a spinner first).
    expect(screen.getByRole('form', { name: 'My check-in' })).toBeInTheDocument();
    expect(screen.getByRole('radiogroup', { name: 'Rate this session' })).toBeInTheDocument();
  });

  it('still renders the parts on their own (fetched when they first render) outside the wide tab', async () => {
    renderAgenda((agenda) => agenda);
    await screen.findByRole('list', { name: 'Topics topics' }, { timeout: 15_000 });
    expect(await screen.findByRole('form', { name: 'My check-in' })).toBeInTheDocument();
  });
});
