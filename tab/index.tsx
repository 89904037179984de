import { createRoot } from 'react-dom/client';
import { TandemApi } from '../ui/api/client';
import { resolveSession } from '../ui/api/resolve-session';
import { boot } from './boot';
import { connectTeams } from './host/teams-host';
import { TabRoot } from './tab-root';
import { TrackedPromise } from './tracked-promise';
import { panelWhere } from './views/panel-where';

/**
 * How long the first render waits for Teams' answer and the side panel's look-up: when they come within it
 * (they usually do), the first thing drawn is the view itself, not "Connecting…" and "Finding this 1:1…" each
 * drawn for a moment; when they do not, those show as before. Below half a second a wait needs no spinner.
 */
const FIRST_RENDER_WAIT_MS = 500;

// The handshake with Teams and the settings request were started by the boot script (`tab/boot.ts`, its own
// entry that runs before this one); this script renders once React, Fluent and the app are evaluated.
const search = new URLSearchParams(window.location.search);
const connected = boot.connecting && new TrackedPromise(boot.connecting);
// In a side panel the meeting's look-up (which brings its agenda) is the last request on the way to the
// agenda: asked as soon as Teams says which meeting, not after the app's first render and its effects. Not in
// the boot script: the API client brings react-intl, and with it React.
const firstLookUp =
  boot.connecting &&
  new TrackedPromise(
    boot.connecting.then((host) =>
      host.layout === 'panel'
        ? resolveSession(new TandemApi({ baseUrl: '', getToken: host.getToken }), panelWhere(host, search))
        : undefined,
    ),
  );
const answered = firstLookUp?.promise.then(
  () => undefined,
  () => undefined, // the side panel says what went wrong
);
const waited = new Promise<void>((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS));

void Promise.race([answered ?? Promise.resolve(), waited]).then(() => {
  const host = connected?.outcome;
  createRoot(document.getElementById('root')!).render(
    <TabRoot
      search={search}
      inFrame={boot.inFrame}
      connected={host && 'value' in host ? host.value : undefined}
      connectTeams={() => boot.connecting ?? connectTeams()}
      firstLookUp={firstLookUp}
      loadConfig={() => boot.config}
      reload={() => window.location.reload()}
    />,
  );
});
