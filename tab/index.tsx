import { createRoot } from 'react-dom/client';
import { boot } from './boot';
import { connectTeams } from './host/teams-host';
import { TabRoot } from './tab-root';

// The handshake with Teams and the settings request were started by the boot script (`tab/boot.ts`, its own
// entry that runs before this one); this script renders once React, Fluent and the app are evaluated.
const root = createRoot(document.getElementById('root')!);
root.render(
  <TabRoot
    search={new URLSearchParams(window.location.search)}
    inFrame={boot.inFrame}
    connectTeams={() => boot.connecting ?? connectTeams()}
    loadConfig={() => boot.config}
    reload={() => window.location.reload()}
  />,
);
