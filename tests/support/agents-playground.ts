import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import WebSocket from 'ws';
import { repoRoot } from './server-process';

export interface PlaygroundMessage {
  readonly messageId: string;
  readonly text?: string;
  readonly from?: { readonly id: string };
  readonly conversation?: { readonly id: string };
  readonly attachments?: ReadonlyArray<{ readonly contentType: string; readonly content: unknown }>;
}

/** A free TCP port on loopback (taken and released: good enough for a test on one machine). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The connector URLs the Playground on `port` sends as serviceUrl: what Tandem's allow-list must hold. */
export function playgroundServiceUrls(port: number): string {
  return `http://localhost:${port}/_connector,http://127.0.0.1:${port}/_connector`;
}

/**
 * The Microsoft 365 Agents Playground, headless, as a real Teams client for the bot: driven over the HTTP
 * API its own page uses, reading the bot's messages (replies and proactive sends) on its WebSocket.
 */
export class AgentsPlayground {
  readonly messages: PlaygroundMessage[] = [];
  private constructor(
    readonly url: string,
    readonly conversationId: string,
    private readonly child: ChildProcess,
    private readonly ws: WebSocket,
    private readonly dir: string,
  ) {}

  static async start(
    botEndpoint: string,
    conversationId = 'personal-e2e',
    timeoutMs = 30_000,
    /** Chosen beforehand when Tandem must know it (its connector allow-list); else a free one. */
    port?: number,
  ): Promise<AgentsPlayground> {
    port ??= await freePort();
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'tandem-playground-'));
    const bin = path.join(repoRoot(), 'node_modules', '.bin', 'agentsplayground');
    const child = spawn(
      bin,
      [
        '-e',
        botEndpoint,
        '-c',
        'msteams',
        '-p',
        String(port),
        '--conversation-id',
        conversationId,
        '--disable-telemetry',
      ],
      {
        cwd: dir,
        env: {
          ...process.env,
          TEAMSAPPTESTER_BROWSER: 'none',
          M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dir, 'playground.log'),
        },
        stdio: 'ignore',
      },
    );
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const ok = await fetch(`${url}/_internal/v1/customActivities/template?conversationId=${conversationId}`)
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) break;
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill('SIGKILL');
        throw new Error(`the Agents Playground did not start within ${timeoutMs} ms`);
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    const ws = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    const playground = new AgentsPlayground(url, conversationId, child, ws, dir);
    ws.on('message', (data: WebSocket.RawData) => {
      const event = JSON.parse(String(data)) as { action?: string; message?: PlaygroundMessage };
      if (event.action === 'createMessage' && event.message) playground.messages.push(event.message);
    });
    return playground;
  }

  /** The user types a message in the conversation. */
  async say(text: string, userId = 'user-id-0'): Promise<void> {
    await this.post(`/_conversation/v1/conversations/${this.conversationId}/messages`, {
      text,
      textFormat: 'plain',
      from: { id: userId },
    });
  }

  /** Any activity (install, meeting events), from the Playground's template for this conversation. */
  async sendActivity(activity: Record<string, unknown>): Promise<void> {
    const template = (await (
      await fetch(
        `${this.url}/_internal/v1/customActivities/template?conversationId=${this.conversationId}&type=install`,
      )
    ).json()) as Record<string, unknown>;
    const { action: _action, channelData: _channelData, ...base } = template;
    await this.post('/_internal/v1/customActivities', { ...base, id: `e2e-${Date.now()}`, ...activity });
  }

  /** Clicks an Action.Execute button of a card the bot sent, as the Playground's page does. */
  async execute(
    message: PlaygroundMessage,
    verb: string,
    data: Record<string, unknown>,
    userId = 'user-id-0',
  ): Promise<unknown> {
    return this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
      from: { id: userId },
      conversation: { id: this.conversationId },
      replyToId: message.messageId,
    });
  }

  async waitFor(predicate: (messages: readonly PlaygroundMessage[]) => boolean, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      if (Date.now() > deadline) {
        throw new Error(
          `timed out; the bot sent:\n${this.messages.map((m) => JSON.stringify({ ...m, attachments: undefined, text: undefined })).join('\n')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    this.ws.close();
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    }
    await fs.rm(this.dir, { recursive: true, force: true });
  }

  private async post(pathname: string, body: unknown): Promise<unknown> {
    const res = await fetch(`${this.url}${pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${pathname}: ${res.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }
}

/** Everything readable in a message: its text and every string inside its cards. */
export function contentOf(message: PlaygroundMessage): string {
  return `${message.text ?? ''} ${JSON.stringify(message.attachments ?? [])}`;
}
