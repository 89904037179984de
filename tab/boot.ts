import { fetchClientConfig, type ClientConfig } from '../ui/api/client-config';
import type { HostContext } from './host/host';
import { connectTeams, inHostFrame } from './host/teams-host';

/**
 * The tab page's first script (its own webpack entry, docs/pages.md, Navigation): it only starts the Teams
 * handshake (and the sign-in it asks for) and the request for the deployment's settings, so the host's answers
 * and the network overlap the download and evaluation of the app's script (React, Fluent), which loads beside
 * it and reads these promises from this same module. No React or Fluent here.
 */
export interface Boot {
  /** Inside Teams (or a page that answers like it) the host says who and where; otherwise the mode decides. */
  readonly inFrame: boolean;
  /** The handshake with Teams, started as this script runs; undefined outside a frame. */
  readonly connecting: Promise<HostContext> | undefined;
  readonly config: Promise<ClientConfig>;
}

const inFrame = inHostFrame();
const connecting = inFrame ? connectTeams() : undefined;
connecting?.catch(() => undefined); // TabRoot says when Teams did not answer
const config = fetchClientConfig();
config.catch(() => undefined); // TabRoot says when the service did not answer

export const boot: Boot = { inFrame, connecting, config };
