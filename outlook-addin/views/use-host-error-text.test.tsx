import { teamsLightTheme } from '@fluentui/react-components';
import { render, screen } from '@testing-library/react';
import { addinMessages } from '../../ui/i18n/addin-messages';
import { LocaleProvider } from '../../ui/i18n/intl';
import { HostError } from '../office/office-host';
import { useHostErrorText } from './use-host-error-text';

function Shown({ error }: { error: unknown }) {
  return <p>{useHostErrorText()(error)}</p>;
}

const show = (locale: string, error: unknown) =>
  render(
    <LocaleProvider locale={locale} parts={[addinMessages]} theme={teamsLightTheme}>
      <Shown error={error} />
    </LocaleProvider>,
  );

describe("Outlook's refusals in the add-in", () => {
  const failed = new HostError('failed', 'body.get', 'Outlook could not read the invite body: offline', 'offline');

  it('name what could not be done, with Outlook’s reason', async () => {
    show('en-US', failed);
    expect(await screen.findByText('Outlook could not read the invite body: offline')).toBeInTheDocument();
  });

  it('speak the reader’s language, an old Outlook and a read-only invite included', async () => {
    show('de-DE', failed);
    expect(
      await screen.findByText('Outlook meldet einen Fehler beim Lesen des Einladungstexts: offline'),
    ).toBeInTheDocument();
    show('ja-JP', new HostError('read-only', 'attachments.add', 'Only the organizer…'));
    expect(await screen.findByText('アジェンダの添付は、招待を編集中の開催者だけが行えます。')).toBeInTheDocument();
  });
});
