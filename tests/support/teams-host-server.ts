import * as fs from 'node:fs/promises';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { repoRoot } from './server-process';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/**
 * The fake Teams host page (sandbox/teams-host) on the same origin as the tab: this server serves
 * `/teams-host/…` itself and passes every other request (the tab, the API, server-sent events) through to
 * the service (which also serves it at /sandbox/teams-host/ in embedded mode).
 */
export class TeamsHostServer {
  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  /** `ssoToken`: Teams SSO against a local identity provider (the page's `sso=host`), for Microsoft 365 mode. */
  static async start(
    serviceUrl: string,
    options: { ssoToken?: (user: string) => Promise<string> } = {},
  ): Promise<TeamsHostServer> {
    const root = path.join(repoRoot(), 'sandbox', 'teams-host');
    const target = new URL(serviceUrl);
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://host');
      const pathname = url.pathname;
      if (pathname === '/teams-host/sso-token' && options.ssoToken) {
        options.ssoToken(url.searchParams.get('user') ?? '').then(
          (token) => {
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ token }));
          },
          () => {
            res.writeHead(404);
            res.end();
          },
        );
        return;
      }
      if (pathname.startsWith('/teams-host/')) {
        void serveFile(root, pathname.slice('/teams-host/'.length) || 'index.html', res);
        return;
      }
      const upstream = http.request(
        // As a well-behaved local proxy: the service answers only to its own name (embedded mode's Host check).
        {
          host: target.hostname,
          port: target.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: target.host },
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
      res.on('close', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new TeamsHostServer(server, `http://127.0.0.1:${port}`);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function serveFile(root: string, relative: string, res: http.ServerResponse): Promise<void> {
  const file = path.resolve(root, relative);
  try {
    if (!file.startsWith(root + path.sep)) throw new Error('outside');
    const body = await fs.readFile(file);
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    // restify, loaded in the same process by in-process tests, patches writeHead so that it does not chain.
    res.writeHead(404);
    res.end();
  }
}
