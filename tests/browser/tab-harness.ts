import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { makeDataDir, removeDataDir } from '../support/data-dir';
import { ServerProcess, repoRoot } from '../support/server-process';
import { TeamsHostServer } from '../support/teams-host-server';
import { launchChromium, newContext } from '../support/chromium';
import { HEAVY_MS, STEP_MS } from './assertions';

export const ARTIFACTS = path.join(repoRoot(), 'test-artifacts', 'tab');

/** The Teams theme name the tab reads from its host for a test's theme. */
function hostTheme(theme: OpenOptions['theme']): string {
  return theme === 'dark' || theme === 'contrast' ? theme : 'default';
}

export interface OpenOptions {
  readonly width?: number;
  readonly height?: number;
  readonly theme?: 'light' | 'dark' | 'contrast';
  readonly view?: 'panel' | 'wide';
  /** The browser's language (navigator.language), and in the fake Teams host the context's locale. */
  readonly locale?: string;
}

/**
 * The real built service (fresh data dir, demo data seeded) on a random port, the fake Teams host in front
 * of it on the same origin, and Debian's Chromium. One per test file.
 */
export class TabHarness {
  private readonly contexts: BrowserContext[] = [];
  /** What the pages' Content-Security-Policy blocked, in any frame: stop() fails the file when not empty. */
  readonly cspViolations: string[] = [];

  private constructor(
    readonly server: ServerProcess,
    readonly host: TeamsHostServer,
    readonly browser: Browser,
    readonly dataDir: string,
  ) {}

  static async start(label: string, env: Readonly<Record<string, string>> = {}): Promise<TabHarness> {
    const index = path.join(repoRoot(), 'dist', 'web', 'tab', 'index.html');
    if (!fs.existsSync(index)) throw new Error(`${index} is missing: run npm run build:web`);
    const dataDir = await makeDataDir(label);
    // Start-up gets the room of a heavy step: on a busy machine Node takes a while to load the service.
    const server = await ServerProcess.start({ dataDir, env, timeoutMs: HEAVY_MS });
    const host = await TeamsHostServer.start(server.url);
    const browser = await launchChromium();
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    return new TabHarness(server, host, browser, dataDir);
  }

  async context(options: OpenOptions = {}): Promise<BrowserContext> {
    const context = await newContext(this.browser, {
      width: options.width ?? 1280,
      height: options.height ?? 900,
      colorScheme: options.theme === 'contrast' ? 'dark' : (options.theme ?? 'light'),
      ...(options.locale && { locale: options.locale }),
    });
    // Every wait and navigation in the tests is for a condition; these bound them with room for a busy machine.
    context.setDefaultTimeout(STEP_MS);
    context.setDefaultNavigationTimeout(HEAVY_MS);
    // Chromium logs each blocked load as a console error; the event also catches what it reports silently.
    await context.addInitScript({
      content: `document.addEventListener('securitypolicyviolation', (e) =>
        console.error('Content Security Policy: ' + e.effectiveDirective + ' blocked ' + e.blockedURI + ' in ' + e.documentURI));`,
    });
    context.on('console', (message) => {
      if (/Content.Security.Policy/i.test(message.text())) this.cspViolations.push(message.text());
    });
    this.contexts.push(context);
    return context;
  }

  /**
   * Closes every window opened so far: a test's pages would otherwise keep their live streams open, and one
   * person may hold only a few at once (docs/security.md).
   */
  async closeContexts(): Promise<void> {
    const contexts = this.contexts.splice(0);
    for (const context of contexts) await context.close().catch(() => undefined);
  }

  /** The tab in a plain browser (embedded mode), signed in as `user` through the query string. */
  async standalone(user: string, options: OpenOptions = {}): Promise<Page> {
    const page = await (await this.context(options)).newPage();
    const query = new URLSearchParams({
      user,
      view: options.view ?? 'wide',
      theme: hostTheme(options.theme),
    });
    await page.goto(`${this.server.url}/tab/?${query}`);
    return page;
  }

  /** The tab inside the fake Teams meeting, as `user`, in the meeting side panel. */
  async inTeams(
    user: string,
    options: OpenOptions & { frameContext?: string; meetingStart?: string; initializeDelayMs?: number } = {},
  ): Promise<Page> {
    const page = await (await this.context(options)).newPage();
    const query = new URLSearchParams({
      user,
      frameContext: options.frameContext ?? 'sidePanel',
      theme: hostTheme(options.theme),
      ...(options.meetingStart && { meetingStart: options.meetingStart }),
      ...(options.locale && { locale: options.locale.toLowerCase() }),
      ...(options.initializeDelayMs && { initializeDelayMs: String(options.initializeDelayMs) }),
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
    if (this.cspViolations.length > 0) {
      throw new Error(`the Content-Security-Policy blocked:\n${[...new Set(this.cspViolations)].join('\n')}`);
    }
  }
}
