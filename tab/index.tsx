import { createRoot } from 'react-dom/client';
import { fetchClientConfig } from '../ui/api/client-config';
import { connectTeams, inHostFrame } from './host/teams-host';
import { TabRoot } from './tab-root';

/** Inside Teams (or a page that answers like it) the host says who and where; otherwise the mode decides. */
const inFrame = inHostFrame();
// The handshake with Teams (and the sign-in it starts) begins before the first render, not after it: the
// spinner's first paint costs as much as the host's answers (docs/pages.md, Navigation).
const connecting = inFrame ? connectTeams() : undefined;
connecting?.catch(() => undefined); // TabRoot says when Teams did not answer
// The deployment's settings are asked for beside the handshake, not after the first render.
const config = fetchClientConfig();
config.catch(() => undefined); // TabRoot says when the service did not answer
const root = createRoot(document.getElementById('root')!);
root.render(
  <TabRoot
    search={new URLSearchParams(window.location.search)}
    inFrame={inFrame}
    connectTeams={() => connecting ?? connectTeams()}
    loadConfig={() => config}
    reload={() => window.location.reload()}
  />,
);
