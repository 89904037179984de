import { createReadStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import type * as restify from 'restify';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
};

/**
 * Serves the built web surfaces (`<staticDir>/<surface>/…` at `/<surface>/…`): the Teams tab and the Outlook
 * add-in. Hashed assets are cached for a year; HTML is always revalidated so a deploy shows at once.
 * Nothing outside the surface's folder is reachable.
 */
export function mountStaticSurface(server: restify.Server, staticDir: string, surface: string): void {
  const root = path.join(staticDir, surface);
  const handler = (req: restify.Request, res: restify.Response, next: restify.Next) => {
    serve(root, surface, req, res).then(
      () => next(),
      (error: unknown) => next(error as Error),
    );
  };
  // restify's sanitizePath strips the trailing slash, so `/tab/` arrives as `/tab`: serve the index there
  // (bundles use absolute `/tab/…` asset paths).
  server.get(`/${surface}`, handler);
  server.get(`/${surface}/*`, handler);
}

async function serve(root: string, surface: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  let relative = pathname.slice(surface.length + 2) || 'index.html';
  if (relative.endsWith('/')) relative += 'index.html';
  const file = path.resolve(root, relative);
  if (!file.startsWith(root + path.sep)) return notFound(res);
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return notFound(res);
  }
  if (!stat.isFile()) return notFound(res);
  const ext = path.extname(file);
  const immutable = /\.[0-9a-f]{8,}\./.test(path.basename(file));
  res.writeHead(200, {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'content-length': stat.size,
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    createReadStream(file).on('error', reject).on('end', resolve).pipe(res);
  });
}

function notFound(res: ServerResponse): void {
  const body = JSON.stringify({
    type: 'https://tandem.example/problems/not-found',
    title: 'No such file',
    status: 404,
    detail: 'Build the web surfaces with npm run build:web',
  });
  res.writeHead(404, { 'content-type': 'application/problem+json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}
