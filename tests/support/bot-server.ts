import type { Logger } from 'pino';
import type { Clock } from '../../core/clock';
import type { RunningTandem } from '../../server/app';
import { startInProcess, type InProcessTandem } from './in-process';
import { LocalConnector } from './local-connector';

/** The bot's own Teams account, as the recipient of what people send it. */
export const BOT_ACCOUNT = { id: 'bot-tandem', name: 'Tandem' };

export interface BotAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** POSTs one activity to the service's bot endpoint, as the Bot Connector would. */
export async function postActivity(url: string, activity: Record<string, unknown>): Promise<BotAnswer> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

export interface BotServer {
  readonly url: string;
  readonly dataDir: string;
  readonly tandem: RunningTandem;
  /** Receives everything the bot sends (replies and proactive messages). */
  readonly connector: LocalConnector;
  /** An activity from Teams: channel msteams, the local connector as its service URL, the bot as recipient. */
  post(activity: Record<string, unknown>): Promise<BotAnswer>;
  /** Stops the service, as a deploy would, and starts it again on the same data folder. */
  restart(): Promise<void>;
}

/**
 * The service in this process with a local Bot Connector for its bot, both started before the enclosing
 * describe block's first test and stopped (the data folder removed) after its last.
 */
export function useBotServer(
  label: string,
  options: { env: Record<string, string>; clock?: Clock; logger?: Logger },
): BotServer {
  const connector = new LocalConnector();
  let server: InProcessTandem | undefined;
  let n = 0;
  beforeAll(async () => {
    await connector.start();
    // Embedded mode answers only the connectors it is told about: this one.
    server = await startInProcess(label, {
      ...options,
      env: { ...options.env, TANDEM_BOT_SERVICE_URLS: connector.serviceUrl },
    });
  });
  afterAll(async () => {
    await server?.close();
    server = undefined;
    await connector.stop();
  });
  const running = () => {
    if (!server) throw new Error('useBotServer: the server runs only inside its describe block’s tests');
    return server;
  };
  return {
    get url() {
      return running().url;
    },
    get dataDir() {
      return running().dataDir;
    },
    get tandem() {
      return running().tandem;
    },
    connector,
    post: (activity) =>
      postActivity(running().url, {
        channelId: 'msteams',
        serviceUrl: connector.serviceUrl,
        recipient: BOT_ACCOUNT,
        id: `in-${++n}`,
        ...(options.clock && { timestamp: options.clock.now().toISOString() }),
        ...activity,
      }),
    restart: async () => {
      const stopped = running();
      await stopped.tandem.close();
      server = await startInProcess(label, {
        ...options,
        env: { ...options.env, TANDEM_BOT_SERVICE_URLS: connector.serviceUrl },
        dataDir: stopped.dataDir,
      });
    },
  };
}
