import { teamsLightTheme } from '@fluentui/react-components';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { TandemApi } from '../api/client';
import { LocaleProvider } from '../i18n/intl';
import { viewsMessages } from '../i18n/views-messages';
import { FakeService } from '../test-support/fake-service';
import { ExportMenu } from './export-menu';

describe('the export menu', () => {
  it('asks for the file in the language Teams speaks, not the browser’s', async () => {
    const service = new FakeService().on('GET', '/api/pairs/avery-blake/export', () => ({ status: 200, json: {} }));
    const api = new TandemApi({ baseUrl: '', getToken: async () => 'token', fetch: service.fetch });
    URL.createObjectURL = () => 'blob:export';
    URL.revokeObjectURL = () => undefined;
    render(
      <LocaleProvider locale="de-DE" parts={[viewsMessages]} theme={teamsLightTheme}>
        <ExportMenu api={api} pairId="avery-blake" other="Avery Chen" />
      </LocaleProvider>,
    );
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: /Avery Chen/ }));
    await user.click(await screen.findByRole('menuitem', { name: /Markdown/ }));
    await waitFor(() => expect(service.callsTo('GET', '/api/pairs/avery-blake/export')).toHaveLength(1));
    expect(service.calls[0]!.headers['accept-language']).toBe('de-DE');
  });
});
