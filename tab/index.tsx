import { createRoot } from 'react-dom/client';
import { TandemApi } from '../ui/api/client';
import { resolveSession } from '../ui/api/resolve-session';
import { boot } from './boot';
import { connectTeams } from './host/teams-host';
import { TabRoot } from './tab-root';
import { panelWhere } from './views/panel-where';

// The handshake with Teams and the settings request were started by the boot script (`tab/boot.ts`, its own
// entry that runs before this one); this script renders once React, Fluent and the app are evaluated.
const search = new URLSearchParams(window.location.search);
// In a side panel the meeting's look-up (which brings its agenda) is the last request on the way to the
// agenda: asked as soon as Teams says which meeting, not after the app's first render and its effects. Not in
// the boot script: the API client brings react-intl, and with it React.
const firstLookUp = boot.connecting?.then((host) =>
  host.layout === 'panel'
    ? resolveSession(new TandemApi({ baseUrl: '', getToken: host.getToken }), panelWhere(host, search))
    : undefined,
);
firstLookUp?.catch(() => undefined); // the side panel says what went wrong
const root = createRoot(document.getElementById('root')!);
root.render(
  <TabRoot
    search={search}
    inFrame={boot.inFrame}
    connectTeams={() => boot.connecting ?? connectTeams()}
    firstLookUp={firstLookUp}
    loadConfig={() => boot.config}
    reload={() => window.location.reload()}
  />,
);
