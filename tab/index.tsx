import { createRoot } from 'react-dom/client';
import { fetchClientConfig } from '../ui/api/client-config';
import { connectTeams, inHostFrame } from './host/teams-host';
import { TabRoot } from './tab-root';

/** Inside Teams (or a page that answers like it) the host says who and where; otherwise the mode decides. */
const root = createRoot(document.getElementById('root')!);
root.render(
  <TabRoot
    search={new URLSearchParams(window.location.search)}
    inFrame={inHostFrame()}
    connectTeams={connectTeams}
    loadConfig={fetchClientConfig}
    reload={() => window.location.reload()}
  />,
);
