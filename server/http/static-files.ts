import { createReadStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import { promisify } from 'node:util';
import * as zlib from 'node:zlib';
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

/** Text worth compressing; images (PNG) are compressed already. */
const COMPRESSIBLE = new Set(['.js', '.css', '.json', '.svg', '.map', '.txt', '.xml', '.html']);
const ENCODERS = {
  br: promisify(zlib.brotliCompress),
  gzip: promisify(zlib.gzip),
} as const;
type Encoding = keyof typeof ENCODERS;

/** A content-hashed file never changes under its name: each is compressed once per encoding and kept. */
const compressed = new Map<string, Promise<Buffer>>();

function encodingFor(req: IncomingMessage): Encoding | undefined {
  const accepted = String(req.headers['accept-encoding'] ?? '')
    .split(',')
    .map((part) => part.trim().split(';'))
    .filter(([, q]) => q?.trim() !== 'q=0')
    .map(([name]) => name?.toLowerCase());
  return (['br', 'gzip'] as const).find((encoding) => accepted.includes(encoding));
}

function compressedFile(file: string, encoding: Encoding): Promise<Buffer> {
  const key = `${encoding}:${file}`;
  let body = compressed.get(key);
  if (!body) {
    const options =
      encoding === 'br'
        ? { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }
        : { level: zlib.constants.Z_BEST_COMPRESSION };
    body = fs.readFile(file).then((raw) => ENCODERS[encoding](raw, options));
    body.catch(() => compressed.delete(key));
    compressed.set(key, body);
  }
  return body;
}

/**
 * Serves the built web surfaces (`<staticDir>/<surface>/…` at `/<surface>/…`): the Teams tab and the Outlook
 * add-in. Hashed assets are cached for a year and sent compressed (Brotli or gzip, as the browser accepts;
 * about a quarter of the bytes), compressed once per process; HTML is always revalidated so a deploy shows at
 * once. Nothing outside the surface's folder is reachable.
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
  const headers = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  const encoding = immutable && COMPRESSIBLE.has(ext) ? encodingFor(req) : undefined;
  if (encoding) {
    const body = await compressedFile(file, encoding);
    res.writeHead(200, {
      ...headers,
      'content-encoding': encoding,
      'content-length': body.length,
      vary: 'accept-encoding',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return;
  }
  res.writeHead(200, {
    ...headers,
    'content-length': stat.size,
    ...(immutable && COMPRESSIBLE.has(ext) && { vary: 'accept-encoding' }),
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
