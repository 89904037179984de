import * as path from 'node:path';
import type { Logger } from 'pino';
import { blobContainer } from '../adapters/azure-blob/blob-container';
import { BlobDocumentStore } from '../adapters/azure-blob/blob-document-store';
import type { Calendar } from '../core/ports/calendar';
import type { Directory } from '../core/ports/directory';
import type { DocumentStore, PersonalDocumentStores } from '../core/ports/document-store';
import { MsalTokenProvider } from '../adapters/graph/auth/msal-token-provider';
import { CalendarSubscriptions } from '../adapters/graph/calendar/calendar-subscriptions';
import { GraphCalendar } from '../adapters/graph/calendar/graph-calendar';
import { TokenGraphPrincipals, type GraphPrincipals } from '../adapters/graph/client/graph-principals';
import { GraphDirectory } from '../adapters/graph/directory/graph-directory';
import { GraphTodoMirror } from '../adapters/graph/todo/graph-todo-mirror';
import type { TaskMirror } from '../core/ports/task-mirror';
import { GraphDriveDocumentStore } from '../adapters/graph/storage/graph-drive-document-store';
import { GraphPersonalDocumentStores } from '../adapters/graph/storage/graph-personal-document-stores';
import type { Authenticator } from './auth/authenticator';
import { DevTokenAuthenticator } from './auth/dev-token-authenticator';
import { EntraAuthenticator } from './auth/entra-authenticator';
import { afterResponse, currentCaller } from './auth/request-context';
import type { Config, M365Config } from './config';
import { DEMO_PEOPLE, DemoDirectory } from '../adapters/embedded/demo-directory';
import { FileDocumentStore, FilePersonalDocumentStores } from '../adapters/embedded/file-document-store';
import { LocalCalendar } from '../adapters/embedded/local-calendar';
import { NOTIFICATIONS_PATH } from './calendar-notifications/change-notifications';

export interface Adapters {
  readonly store: DocumentStore;
  readonly personalStores: PersonalDocumentStores;
  readonly calendar: Calendar;
  readonly directory: Directory;
  readonly authenticator: Authenticator;
  /** Conversation references, job documents, the runner's lease and idempotency marks. */
  readonly operational: DocumentStore;
  /** Embedded mode only: signs demo users' tokens. */
  readonly issueDevToken?: (userId: string) => Promise<string>;
  /** Microsoft 365 mode only. */
  readonly graph?: GraphPrincipals;
  readonly taskMirror?: TaskMirror;
  /** Microsoft 365 mode with a public URL: change notifications on organizers' calendars. */
  readonly subscriptions?: CalendarSubscriptions;
}

/** The adapters chosen by config: files and the local calendar, or Microsoft Graph and Entra ID. */
export function createAdapters(config: Config, logger: Logger): Adapters {
  const operational = operationalStore(config);
  return { ...(config.m365 ? m365Adapters(config.m365, logger) : embeddedAdapters(config)), operational };
}

function embeddedAdapters(config: Config): Omit<Adapters, 'operational'> {
  const store = new FileDocumentStore(path.join(config.dataDir, 'shared'));
  const authenticator = new DevTokenAuthenticator(new Set(DEMO_PEOPLE.map((p) => p.id)));
  return {
    store,
    personalStores: new FilePersonalDocumentStores(path.join(config.dataDir, 'private')),
    calendar: new LocalCalendar(store),
    directory: new DemoDirectory(),
    authenticator,
    issueDevToken: (userId) => authenticator.issue(userId),
  };
}

function m365Adapters(m365: M365Config, logger: Logger): Omit<Adapters, 'operational'> {
  const tokens = new MsalTokenProvider({
    tenantId: m365.tenantId,
    clientId: m365.clientId,
    credential: m365.credential,
    authorityHost: m365.authorityHost,
  });
  const graph = new TokenGraphPrincipals({ baseUrl: m365.graphBaseUrl, tokens, currentCaller });
  // Pair data: one document library, app-only (Sites.Selected grants the app this one site).
  const store = new GraphDriveDocumentStore(
    () => graph.asApp(`drive:${m365.siteDriveId}`),
    async () => ({ driveId: m365.siteDriveId, itemId: 'root' }),
  );
  const subscriptions =
    m365.publicUrl === undefined
      ? undefined
      : new CalendarSubscriptions(graph, store, `${m365.publicUrl}${NOTIFICATIONS_PATH}`);
  // After the answer: the new 1:1 does not wait for it, and a failed subscription must not fail it (the
  // renewal run and the next series try again).
  const subscribe = async (organizerId: string) =>
    afterResponse(
      () =>
        void subscriptions?.ensure(organizerId).catch((error: unknown) => {
          logger.warn({ err: error, organizerId }, 'calendar subscription failed; the renewal run retries');
        }),
    );
  return {
    store,
    personalStores: new GraphPersonalDocumentStores(graph),
    calendar: new GraphCalendar(graph, subscribe),
    directory: new GraphDirectory(graph),
    authenticator: new EntraAuthenticator(entraTokenRules(m365)),
    graph,
    ...(m365.mirrorToDo && { taskMirror: new GraphTodoMirror(graph, store) }),
    ...(subscriptions && { subscriptions }),
  };
}

/** Operational state: Azure Blob Storage at scale, else the data folder. */
function operationalStore(config: Config): DocumentStore {
  if (config.bot.blob) return new BlobDocumentStore(blobContainer(config.bot.blob));
  return new FileDocumentStore(path.join(config.dataDir, 'ops'));
}

/** What an Entra access token for Tandem's API must say (docs/graph-facts.md, Entra token validation). */
export function entraTokenRules(m365: M365Config) {
  const entra = m365.authorityHost === 'https://login.microsoftonline.com';
  return {
    jwksUri: `${m365.authorityHost}/${m365.tenantId}/discovery/v2.0/keys`,
    issuers: m365.allowedTenants.flatMap((tid) => [
      `${m365.authorityHost}/${tid}/v2.0`,
      // v1 tokens come from sts.windows.net; a local provider in tests issues them under its own host.
      entra ? `https://sts.windows.net/${tid}/` : `${m365.authorityHost}/${tid}/`,
    ]),
    audiences: [m365.clientId, `api://${m365.clientId}`],
    allowedTenants: new Set(m365.allowedTenants),
    requiredScope: 'access_as_user',
  };
}
