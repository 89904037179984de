import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeDataDir, removeDataDir } from '../support/data-dir';
import { ServerProcess, repoRoot } from '../support/server-process';
import { TeamsHostServer } from '../support/teams-host-server';
import { launchChromium, newContext } from '../support/chromium';

export const ARTIFACTS = path.join(repoRoot(), 'test-artifacts', 'tab');

export interface OpenOptions {
  readonly width?: number;
  readonly height?: number;
  readonly theme?: 'light' | 'dark';
  readonly view?: 'panel' | 'wide';
}

/**
 * The real built service (fresh data dir, demo data seeded) on a random port, the fake Teams host in front
 * of it on the same origin, and Debian's Chromium. One per test file.
 */
export class TabHarness {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly server: ServerProcess,
    readonly host: TeamsHostServer,
    readonly browser: Browser,
    private readonly dataDir: string,
  ) {}

  static async start(label: string, env: Readonly<Record<string, string>> = {}): Promise<TabHarness> {
    const index = path.join(repoRoot(), 'dist', 'web', 'tab', 'index.html');
    if (!fs.existsSync(index)) throw new Error(`${index} is missing: run npm run build:web`);
    const dataDir = await makeDataDir(label);
    const server = await ServerProcess.start({ dataDir, env });
    const host = await TeamsHostServer.start(server.url);
    const browser = await launchChromium();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    return new TabHarness(server, host, browser, dataDir);
  }

  async context(options: OpenOptions = {}): Promise<BrowserContext> {
    const context = await newContext(this.browser, {
      width: options.width ?? 1280,
      height: options.height ?? 900,
      colorScheme: options.theme ?? 'light',
    });
    this.contexts.push(context);
    return context;
  }

  /** The tab in a plain browser (embedded mode), signed in as `user` through the query string. */
  async standalone(user: string, options: OpenOptions = {}): Promise<Page> {
    const page = await (await this.context(options)).newPage();
    const query = new URLSearchParams({
      user,
      view: options.view ?? 'wide',
      theme: options.theme === 'dark' ? 'dark' : 'default',
    });
    await page.goto(`${this.server.url}/tab/?${query}`);
    return page;
  }

  /** The tab inside the fake Teams meeting, as `user`, in the meeting side panel. */
  async inTeams(
    user: string,
    options: OpenOptions & { frameContext?: string; meetingStart?: string } = {},
  ): Promise<Page> {
    const page = await (await this.context(options)).newPage();
    const query = new URLSearchParams({
      user,
      frameContext: options.frameContext ?? 'sidePanel',
      theme: options.theme === 'dark' ? 'dark' : 'default',
      ...(options.meetingStart && { meetingStart: options.meetingStart }),
    });
    await page.goto(`${this.host.url}/teams-host/index.html?${query}`);
    return page;
  }

  async stop(): Promise<void> {
    for (const context of this.contexts) await context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await this.host.close();
    await this.server.stop();
    await removeDataDir(this.dataDir);
  }
}
