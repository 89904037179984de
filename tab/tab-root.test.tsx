import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ClientConfig } from '../ui/api/client-config';
import type { HostContext } from './host/host';
import { TabRoot } from './tab-root';

// The app itself is tested elsewhere; here only which screen the tab chooses matters.
jest.mock('./app', () => ({
  App: ({ host }: { host: HostContext }) => <p>the agenda, in {host.kind}</p>,
}));

const teamsHost = { kind: 'teams', layout: 'panel', theme: 'default' } as unknown as HostContext;

/** A host that answers when the test says so (a slow Teams on a loaded laptop). */
function deferredHost() {
  let answer!: (host: HostContext) => void;
  let fail!: (error: Error) => void;
  const promise = new Promise<HostContext>((resolve, reject) => {
    answer = resolve;
    fail = reject;
  });
  return { connect: () => promise, answer, fail };
}

function renderRoot(options: {
  mode: ClientConfig['mode'];
  inFrame: boolean;
  connect?: () => Promise<HostContext>;
  connected?: HostContext;
}) {
  const reload = jest.fn();
  const config: ClientConfig = { mode: options.mode };
  render(
    <TabRoot
      search={new URLSearchParams()}
      inFrame={options.inFrame}
      connectTeams={options.connect ?? (() => new Promise<HostContext>(() => undefined))}
      {...(options.connected && { connected: options.connected })}
      loadConfig={async () => config}
      reload={reload}
      slowAfterMs={50}
    />,
  );
  return { reload };
}

const picker = () => screen.queryByRole('radio', { name: /Blake Diaz/ });

describe('the tab chooses what to show from where it runs and the service mode', () => {
  it('in a frame waits for a slow Teams, says so, offers to try again, and never shows the demo-user picker', async () => {
    const host = deferredHost();
    const { reload } = renderRoot({ mode: 'm365', inFrame: true, connect: host.connect });
    expect(screen.getByText('Connecting to Microsoft Teams…')).toBeInTheDocument();
    await screen.findByText(/Teams is taking longer than usual to answer/);
    expect(picker()).toBeNull();
    expect(screen.queryByRole('button', { name: 'Continue without Teams' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(reload).toHaveBeenCalledTimes(1);
    host.answer(teamsHost);
    await screen.findByText('the agenda, in teams');
    expect(picker()).toBeNull();
  });

  it('shows the view in its first render when Teams had answered before it, without asking again', () => {
    const connect = jest.fn(() => new Promise<HostContext>(() => undefined));
    renderRoot({ mode: 'm365', inFrame: true, connect, connected: teamsHost });
    expect(screen.getByText('the agenda, in teams')).toBeInTheDocument();
    expect(screen.queryByText('Connecting to Microsoft Teams…')).toBeNull();
    expect(connect).not.toHaveBeenCalled();
  });

  it('says when Teams never answers, with a retry and still no picker in Microsoft 365 mode', async () => {
    const host = deferredHost();
    renderRoot({ mode: 'm365', inFrame: true, connect: host.connect });
    host.fail(new Error('Initialization Failed. No Parent window found.'));
    expect(await screen.findByRole('alert')).toHaveTextContent('Microsoft Teams did not answer.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(picker()).toBeNull();
  });

  it('outside Teams in Microsoft 365 mode says where Tandem lives instead of offering demo users', async () => {
    renderRoot({ mode: 'm365', inFrame: false });
    await screen.findByText('Tandem runs inside Microsoft Teams and Outlook.');
    expect(picker()).toBeNull();
  });

  it('outside Teams in embedded mode asks which demo user you are', async () => {
    renderRoot({ mode: 'embedded', inFrame: false });
    await waitFor(() => expect(picker()).not.toBeNull());
  });

  it('in embedded mode, a frame that never answers can be left for the demo-user picker', async () => {
    renderRoot({ mode: 'embedded', inFrame: true });
    await userEvent.click(await screen.findByRole('button', { name: 'Continue without Teams' }));
    await waitFor(() => expect(picker()).not.toBeNull());
  });
});
