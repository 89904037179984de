import * as net from 'node:net';
import type { Logger } from 'pino';
import { startTandem, type RunningTandem } from '../../server/app';
import { parseConfig } from '../../server/config';
import { GraphEmulator, type EmulatedUser } from '../graph-emulator/graph-emulator';
import { LocalIdentityProvider } from './identity-provider';
import { repoRoot } from './server-process';
import { TandemClient } from './tandem-client';

export const TENANT_ID = '72f988bf-86f1-41af-91ab-2d7cd011db47';
export const CLIENT_ID = 'c0ffee00-1111-4222-8333-444455556666';
export const CLIENT_SECRET = 'test-only-secret';
export const BOT_ID = 'b0b0b0b0-1111-4222-8333-444455556666';

export const M365_PEOPLE = {
  avery: { id: 'a0000000-0000-4000-8000-00000000000a', displayName: 'Avery Manager', mail: 'avery@contoso.test' },
  blake: {
    id: 'b0000000-0000-4000-8000-00000000000b',
    displayName: 'Blake Report',
    mail: 'blake@contoso.test',
    managerId: 'a0000000-0000-4000-8000-00000000000a',
  },
  casey: {
    id: 'c0000000-0000-4000-8000-00000000000c',
    displayName: 'Casey Report',
    mail: 'casey@contoso.test',
    managerId: 'a0000000-0000-4000-8000-00000000000a',
  },
} satisfies Record<string, EmulatedUser>;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface M365Tandem {
  readonly tandem: RunningTandem;
  readonly url: string;
  readonly graph: GraphEmulator;
  readonly idp: LocalIdentityProvider;
  readonly driveId: string;
  /** A client signed in the production way: an Entra token for Tandem's API. */
  client(person: keyof typeof M365_PEOPLE): Promise<TandemClient>;
  close(): Promise<void>;
}

/**
 * Tandem in Microsoft 365 mode, in this process, against the Graph emulator and a local identity provider,
 * both over https: the production sign-in path (Entra token → jose, MSAL on-behalf-of and client
 * credentials) runs for real.
 */
export async function startM365(options: { logger?: Logger } = {}): Promise<M365Tandem> {
  const graph = await GraphEmulator.start(Object.values(M365_PEOPLE));
  const idp = await LocalIdentityProvider.start({
    tenantId: TENANT_ID,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    // The bot is a registration of its own here, signing in with the app's secret (server/config.ts).
    otherClientIds: [BOT_ID],
  });
  const driveId = graph.addDrive();
  // The port is needed up front: it is part of the public URL Graph delivers notifications to.
  const port = await freePort();
  const config = parseConfig(
    {
      TANDEM_MODE: 'm365',
      PORT: String(port),
      TANDEM_PUBLIC_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: 'silent',
      TANDEM_TENANT_ID: TENANT_ID,
      TANDEM_CLIENT_ID: CLIENT_ID,
      TANDEM_CLIENT_SECRET: CLIENT_SECRET,
      TANDEM_AUTHORITY_HOST: idp.url,
      TANDEM_GRAPH_BASE_URL: graph.url,
      TANDEM_SITE_DRIVE_ID: driveId,
      TANDEM_BOT_ID: BOT_ID,
      // The Bot Framework's tokens come from the local provider too.
      TANDEM_BOT_OPENID_METADATA_URL: idp.channelOpenIdMetadataUrl,
      TANDEM_BOT_TOKEN_ISSUER: idp.channelIssuer,
      TANDEM_MIRROR_TODO: 'true',
    },
    repoRoot(),
  );
  const tandem = await startTandem(config, { ...(options.logger && { logger: options.logger }) });
  const url = `http://127.0.0.1:${tandem.port}`;
  return {
    tandem,
    url,
    graph,
    idp,
    driveId,
    client: async (person) => {
      const id = M365_PEOPLE[person].id;
      return new TandemClient(url, await idp.userToken(id), id);
    },
    close: async () => {
      await tandem.close();
      await graph.close();
      await idp.close();
    },
  };
}
