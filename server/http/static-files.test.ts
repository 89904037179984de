import * as fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import * as restify from 'restify';
import { mountStaticSurface } from './static-files';

const SCRIPT = `console.log(${JSON.stringify('the tab '.repeat(2000))});\n`;

let dir: string;
let server: restify.Server;
let base: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-static-'));
  fs.mkdirSync(path.join(dir, 'tab'));
  fs.writeFileSync(path.join(dir, 'tab', 'main.0123456789ab.js'), SCRIPT);
  fs.writeFileSync(path.join(dir, 'tab', 'index.html'), '<!doctype html><title>Tandem</title>');
  fs.writeFileSync(path.join(dir, 'tab', 'logo.0123456789ab.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  server = restify.createServer();
  mountStaticSurface(server, dir, 'tab');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Node's fetch decompresses on its own: these read the bytes as they were sent. */
async function get(pathname: string, acceptEncoding?: string) {
  const { request } = await import('node:http');
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = request(`${base}${pathname}`, {
        headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {},
      });
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('the web surfaces as files', () => {
  it('sends a content-hashed script Brotli-compressed when the browser accepts it, cached for a year', async () => {
    const res = await get('/tab/main.0123456789ab.js', 'gzip, deflate, br, zstd');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['vary']).toBe('accept-encoding');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers['content-length'])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(SCRIPT.length / 4);
    expect(zlib.brotliDecompressSync(res.body).toString('utf8')).toBe(SCRIPT);
  });

  it('sends it gzip-compressed to a client that takes gzip only', async () => {
    const res = await get('/tab/main.0123456789ab.js', 'gzip, deflate');
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(res.body).toString('utf8')).toBe(SCRIPT);
  });

  it('sends it as it is to a client that accepts no compression, or refuses one', async () => {
    for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
      const res = await get('/tab/main.0123456789ab.js', accept);
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.body.toString('utf8')).toBe(SCRIPT);
    }
  });

  it('does not compress images, and revalidates the HTML on every load', async () => {
    const png = await get('/tab/logo.0123456789ab.png', 'gzip, br');
    expect(png.headers['content-encoding']).toBeUndefined();
    const html = await get('/tab/', 'gzip, br');
    expect(html.headers['cache-control']).toBe('no-cache');
    expect(html.body.toString('utf8')).toContain('<title>Tandem</title>');
  });
});
