import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { testTls } from '../graph-emulator/graph-emulator';

/** One Application Insights envelope as the exporter sends it (only the fields the rehearsal reads). */
export interface Envelope {
  readonly name: string;
  readonly iKey?: string;
  readonly data?: { baseType?: string; baseData?: Record<string, unknown> };
}

/**
 * Application Insights' ingestion endpoint on loopback over https: `POST /v2.1/track` with a JSON array of
 * envelopes (gzipped or not), answered as Breeze answers, every envelope kept, with the raw bodies for the
 * rehearsal to search for what must never be sent.
 */
export class TelemetryIngestion {
  readonly envelopes: Envelope[] = [];
  readonly bodies: string[] = [];
  url = '';
  private readonly server: https.Server;

  private constructor() {
    this.server = https.createServer(testTls(), (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        if (req.method !== 'POST' || !/^\/v2(\.1)?\/track$/.test(new URL(req.url ?? '/', 'https://h').pathname)) {
          res.writeHead(404);
          res.end();
          return;
        }
        const raw = Buffer.concat(chunks);
        const body = (req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        this.bodies.push(body);
        const trimmed = body.trim();
        const items = (
          trimmed.startsWith('[') ? JSON.parse(trimmed) : trimmed.split('\n').map((l) => JSON.parse(l))
        ) as Envelope[];
        this.envelopes.push(...items);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
      });
    });
  }

  static async start(): Promise<TelemetryIngestion> {
    const ingestion = new TelemetryIngestion();
    await new Promise<void>((resolve) => ingestion.server.listen(0, '127.0.0.1', resolve));
    ingestion.url = `https://127.0.0.1:${(ingestion.server.address() as AddressInfo).port}/`;
    return ingestion;
  }

  /** The connection string with its ingestion endpoint (and live metrics endpoint) moved here. */
  connectionString(original: string): string {
    const parts = original
      .split(';')
      .filter((p) => p && !/^(IngestionEndpoint|LiveEndpoint)=/i.test(p))
      .concat(`IngestionEndpoint=${this.url}`);
    return parts.join(';');
  }

  ofType(baseType: string): Array<Record<string, unknown>> {
    return this.envelopes.filter((e) => e.data?.baseType === baseType).map((e) => e.data?.baseData ?? {});
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
