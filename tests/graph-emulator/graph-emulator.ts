import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as https from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import * as path from 'node:path';
import { expandSeries, newSeries, occurrenceId, type GraphRecurrence, type SeriesState } from './calendar-state';
import { DriveState, type DriveItemState } from './drive-state';
import { OpenApiSubset } from './openapi-subset';
import { toInstant as toInstantIn } from '../../core/model/zoned-time';

export interface EmulatedUser {
  readonly id: string;
  readonly displayName: string;
  readonly mail: string;
  readonly jobTitle?: string;
  readonly managerId?: string;
}

/** A fault for the next `times` requests that match. */
export interface Fault {
  readonly method?: string;
  readonly path?: RegExp;
  /** drop: the connection closes before Graph acts; lost-answer: Graph acts, then the connection closes. */
  readonly kind: 'status' | 'delay' | 'drop' | 'lost-answer';
  readonly status?: 429 | 503 | 504;
  readonly retryAfterSeconds?: number;
  readonly delayMs?: number;
  /** Applies to requests inside a $batch (each answered with its own status) instead of top-level ones. */
  readonly inBatch?: boolean;
  times: number;
}

export interface LoggedRequest {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly principal: string;
  /** Inside a $batch. */
  readonly batched: boolean;
  /** Graph itself, or the download host its pre-authenticated content URLs point to. */
  readonly host: 'graph' | 'download';
  /** When the request arrived and when its answer was sent (performance.now(), ms). */
  readonly startedAt: number;
  readonly endedAt: number;
}

/** A pre-authenticated download URL handed out by Graph: which item, until when. */
interface DownloadGrant {
  readonly driveId: string;
  readonly itemId: string;
  readonly expiresAt: number;
}

interface Answer {
  readonly status: number;
  readonly body?: unknown;
  readonly raw?: string;
  readonly headers?: Record<string, string>;
}

interface Req {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string | undefined>;
  readonly body: string;
  readonly principal: Principal;
}

interface Principal {
  /** The user id for delegated tokens; undefined for app-only. */
  readonly userId?: string;
  readonly label: string;
}

type Handler = (req: Req, params: string[]) => Answer | Promise<Answer>;

const APP_FOLDER = 'Apps/Tandem';

export function testTls(): { key: Buffer; cert: Buffer } {
  const dir = path.join(__dirname, '..', '..', '.data', 'test-tls');
  const alt = path.join(__dirname, '..', '..', '..', '.data', 'test-tls');
  const base = fs.existsSync(dir) ? dir : alt;
  return { key: fs.readFileSync(path.join(base, 'key.pem')), cert: fs.readFileSync(path.join(base, 'cert.pem')) };
}

/**
 * A local Microsoft Graph for exactly what Tandem uses, with Graph's semantics (ETags and 412, the app folder
 * made on first use, recurrence expanded for /instances, /cancel, $batch with dependsOn, paging, OData error
 * bodies) over https, so graph-client attaches tokens as it does for graph.microsoft.com. Every request is
 * checked against the OpenAPI subset; `violations` lists the ones that are not in it.
 */
export class GraphEmulator {
  readonly requests: LoggedRequest[] = [];
  readonly violations: string[] = [];
  readonly faults: Fault[] = [];
  readonly drives = new Map<string, DriveState>();
  readonly series = new Map<string, SeriesState>();
  readonly subscriptions = new Map<string, SubscriptionState>();
  /** Microsoft To Do: each user's lists, each with its tasks by id. */
  readonly todo = new Map<string, Map<string, { displayName: string; tasks: Map<string, Record<string, unknown>> }>>();
  /** Notifications delivered to Tandem: how it answered and how fast. */
  readonly deliveries: { readonly status: number; readonly ms: number }[] = [];
  /** Most requests of one principal in progress at once, by principal. */
  readonly maxInFlight = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();
  /** Page size for collections; small in tests so paging is exercised. */
  pageSize = 50;
  private readonly users = new Map<string, EmulatedUser>();
  private readonly routes: { method: string; regex: RegExp; handler: Handler }[] = [];
  private readonly subset = new OpenApiSubset();
  private readonly sockets = new Set<Socket>();
  private server: https.Server | undefined;
  private downloadServer: https.Server | undefined;
  private readonly downloads = new Map<string, DownloadGrant>();
  /** Graph's base URL (https://localhost:port). */
  url = '';
  /** Where download URLs point: another host name and port (https://127.0.0.1:port), as Graph's CDN hosts are. */
  downloadUrl = '';
  /** How long a download URL works ("a few minutes" in Graph's documentation). */
  downloadUrlLifetimeMs = 5 * 60_000;
  /** Added to every answer on both hosts: a network's round trip, so requests sent together overlap. */
  latencyMs = 0;

  static async start(users: readonly EmulatedUser[] = []): Promise<GraphEmulator> {
    const emulator = new GraphEmulator(users);
    await emulator.listen();
    return emulator;
  }

  private constructor(users: readonly EmulatedUser[]) {
    for (const u of users) this.users.set(u.id, u);
    this.defineRoutes();
  }

  addDrive(id = `b!${randomUUID()}`): string {
    this.drives.set(id, new DriveState(id));
    return id;
  }

  /** Writes a file below a user's app folder, as an earlier process of Tandem would have left it. */
  writeInAppFolder(userId: string, relative: string, content: string): void {
    const driveId = `me-${userId}`;
    if (!this.drives.has(driveId)) this.addDrive(driveId);
    this.drives.get(driveId)!.write(`${APP_FOLDER}/${relative}`, content);
  }

  inject(fault: Fault): void {
    this.faults.push(fault);
  }

  /** Requests seen since `mark` (an index into `requests`). */
  since(mark: number): LoggedRequest[] {
    return this.requests.slice(mark);
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await Promise.all(
      [this.server, this.downloadServer].map(
        (server) => new Promise<void>((resolve) => server?.close(() => resolve()) ?? resolve()),
      ),
    );
  }

  /** As Outlook does when the organizer drags an occurrence, then Graph's change notification. */
  async moveInOutlook(seriesId: string, originalStart: string, newStart: Date): Promise<void> {
    const series = this.series.get(seriesId);
    if (!series) throw new Error(`no series ${seriesId}`);
    const at = new Date(originalStart);
    series.exceptions.set(at.toISOString(), { start: newStart });
    await this.notify(series.ownerId, occurrenceId(series, at));
  }

  /** As Outlook does when the organizer deletes one occurrence, then Graph's change notification. */
  async cancelInOutlook(seriesId: string, originalStart: string): Promise<void> {
    const series = this.series.get(seriesId);
    if (!series) throw new Error(`no series ${seriesId}`);
    const at = new Date(originalStart);
    series.exceptions.set(at.toISOString(), { cancelled: true });
    await this.notify(series.ownerId, occurrenceId(series, at));
  }

  /**
   * Outlook's "this and all following" from `fromDate` (YYYY-MM-DD, in the series' zone) with a new pattern,
   * time or length: the old series ends the day before (its exceptions from then on are gone) and a new series
   * master with the same subject and attendees starts, with a Teams meeting of its own. Notifies both.
   */
  async splitInOutlook(
    seriesId: string,
    fromDate: string,
    next: { start: Date; timeZone: string; durationMs: number; recurrence: GraphRecurrence },
  ): Promise<string> {
    const series = this.series.get(seriesId);
    if (!series) throw new Error(`no series ${seriesId}`);
    const end = new Date(Date.parse(`${fromDate}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    series.recurrence = { ...series.recurrence, range: { ...series.recurrence.range, type: 'endDate', endDate: end } };
    for (const key of [...series.exceptions.keys()]) if (key.slice(0, 10) >= fromDate) series.exceptions.delete(key);
    const created = this.addSeriesInOutlook(series.ownerId, {
      subject: series.subject,
      ...next,
      attendees: series.attendees ?? [],
    });
    await this.notify(series.ownerId, series.id);
    await this.notify(series.ownerId, created);
    return created;
  }

  /** As Outlook does when the organizer deletes the whole series: gone for everyone, then the notification. */
  async deleteInOutlook(seriesId: string): Promise<void> {
    const series = this.series.get(seriesId);
    if (!series) throw new Error(`no series ${seriesId}`);
    this.series.delete(seriesId);
    await this.notify(series.ownerId, seriesId);
  }

  /** A new recurring Teams meeting someone makes in Outlook (not through Tandem); returns its id. */
  addSeriesInOutlook(
    ownerId: string,
    init: {
      subject: string;
      start: Date;
      timeZone: string;
      durationMs: number;
      recurrence: GraphRecurrence;
      attendees: readonly string[];
    },
  ): string {
    const series = newSeries(ownerId, init);
    this.series.set(series.id, series);
    return series.id;
  }

  /** Delivers an `updated` notification for the event to every subscription on its owner's events. */
  async notify(ownerId: string, eventId: string): Promise<void> {
    for (const sub of this.subscriptions.values()) {
      if (sub.resource.toLowerCase() !== `/users/${ownerId}/events`.toLowerCase()) continue;
      const started = Date.now();
      const response = await fetch(sub.notificationUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          value: [
            {
              subscriptionId: sub.id,
              subscriptionExpirationDateTime: sub.expirationDateTime,
              clientState: sub.clientState,
              changeType: 'updated',
              resource: `Users/${ownerId}/Events/${eventId}`,
              resourceData: {
                '@odata.type': '#Microsoft.Graph.Event',
                '@odata.id': `Users/${ownerId}/Events/${eventId}`,
                id: eventId,
              },
              tenantId: 'emulated',
            },
          ],
        }),
      });
      this.deliveries.push({ status: response.status, ms: Date.now() - started });
    }
  }

  private async listen(): Promise<void> {
    this.server = await this.serve((req, res) => void this.onRequest(req, res));
    this.url = `https://localhost:${(this.server.address() as AddressInfo).port}`;
    this.downloadServer = await this.serve((req, res) => void this.onDownload(req, res));
    this.downloadUrl = `https://127.0.0.1:${(this.downloadServer.address() as AddressInfo).port}`;
  }

  private async serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<https.Server> {
    const server = https.createServer(testTls(), handler);
    server.on('connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return server;
  }

  /**
   * The download host: the URL is the credential, valid a few minutes. A request that carries an Authorization
   * header is refused, so a client that leaks its Graph token to this host fails its tests.
   */
  private async onDownload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    for await (const _chunk of req) void _chunk;
    const url = new URL(req.url ?? '/', this.downloadUrl);
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const grant = this.downloads.get(url.pathname.replace(/^\/download\//, ''));
    let answer: Answer;
    if (req.method !== 'GET') answer = { status: 405, raw: '' };
    else if (req.headers.authorization !== undefined)
      answer = { status: 401, raw: 'a pre-authenticated download URL takes no Authorization header' };
    else if (!grant || grant.expiresAt < Date.now()) answer = { status: 401, raw: 'the download URL has expired' };
    else {
      const item = this.drives.get(grant.driveId)?.item(grant.itemId);
      answer = item
        ? { status: 200, raw: item.content ?? '', headers: { 'content-type': 'application/octet-stream' } }
        : { status: 404, raw: '' };
    }
    this.write(res, answer);
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      status: answer.status,
      principal: '-',
      batched: false,
      host: 'download',
      startedAt,
      endedAt: performance.now(),
    });
  }

  private downloadUrlOf(drive: DriveState, item: DriveItemState): string {
    const token = randomUUID();
    this.downloads.set(token, {
      driveId: drive.id,
      itemId: item.id,
      expiresAt: Date.now() + this.downloadUrlLifetimeMs,
    });
    return `${this.downloadUrl}/download/${token}`;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = performance.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? '/', this.url);
    const who = principalOf(req.headers.authorization)?.label ?? '-';
    const now = (this.inFlight.get(who) ?? 0) + 1;
    this.inFlight.set(who, now);
    this.maxInFlight.set(who, Math.max(now, this.maxInFlight.get(who) ?? 0));
    try {
      if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
      await this.answer(req, res, chunks, url, startedAt);
    } finally {
      this.inFlight.set(who, (this.inFlight.get(who) ?? 1) - 1);
    }
  }

  private async answer(
    req: IncomingMessage,
    res: ServerResponse,
    chunks: Buffer[],
    url: URL,
    startedAt: number,
  ): Promise<void> {
    const fault = this.takeFault(req.method ?? 'GET', url.pathname);
    if (fault?.kind === 'drop') {
      this.requests.push({
        method: req.method ?? '',
        path: url.pathname,
        status: 0,
        principal: '-',
        batched: false,
        host: 'graph',
        startedAt,
        endedAt: performance.now(),
      });
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
    let answer: Answer;
    let principal: Principal = { label: '-' };
    if (fault?.kind === 'status') {
      answer = odataError(
        fault.status ?? 429,
        fault.status === 429 ? 'TooManyRequests' : 'ServiceUnavailable',
        'injected',
      );
      if (fault.retryAfterSeconds !== undefined)
        answer = { ...answer, headers: { 'Retry-After': String(fault.retryAfterSeconds) } };
    } else {
      const auth = principalOf(headers.authorization);
      if (!auth) answer = odataError(401, 'InvalidAuthenticationToken', 'Access token is empty.');
      else {
        principal = auth;
        answer = await this.dispatch(
          { method: req.method ?? 'GET', url, headers, body: Buffer.concat(chunks).toString('utf8'), principal },
          false,
        );
      }
    }
    if (fault?.kind === 'lost-answer') req.socket.destroy();
    else this.write(res, answer);
    this.requests.push({
      method: req.method ?? '',
      path: url.pathname,
      status: answer.status,
      principal: principal.label,
      batched: false,
      host: 'graph',
      startedAt,
      endedAt: performance.now(),
    });
  }

  private takeFault(method: string, pathname: string, inBatch = false): Fault | undefined {
    const index = this.faults.findIndex(
      (f) =>
        f.times > 0 &&
        (f.inBatch ?? false) === inBatch &&
        (!f.method || f.method === method) &&
        (!f.path || f.path.test(pathname)),
    );
    if (index < 0) return undefined;
    const fault = this.faults[index]!;
    fault.times--;
    if (fault.times === 0) this.faults.splice(index, 1);
    return fault;
  }

  private write(res: ServerResponse, answer: Answer): void {
    const requestId = randomUUID();
    const body = answer.raw ?? (answer.body === undefined ? '' : JSON.stringify(answer.body));
    res.writeHead(answer.status, {
      'request-id': requestId,
      ...(answer.raw === undefined && answer.body !== undefined && { 'content-type': 'application/json' }),
      ...answer.headers,
    });
    res.end(body);
  }

  private async dispatch(req: Req, batched: boolean): Promise<Answer> {
    const pathname = req.url.pathname.replace(/^\/v1\.0/, '');
    const violation = this.subset.check(req.method, decodeURIComponent(pathname), req.body);
    if (violation) {
      this.violations.push(violation);
      return odataError(400, 'BadRequest', `emulator: ${violation}`);
    }
    const normalized = decodeURIComponent(pathname);
    for (const route of this.routes) {
      if (route.method !== req.method) continue;
      const match = route.regex.exec(normalized);
      if (match) {
        try {
          return await route.handler(req, match.slice(1));
        } catch (error) {
          return odataError(400, 'BadRequest', error instanceof Error ? error.message : String(error));
        }
      }
    }
    const why = `${req.method} ${normalized} is in the subset but not emulated`;
    if (!batched) this.violations.push(why);
    return odataError(501, 'NotImplemented', why);
  }

  private on(method: string, pattern: string, handler: Handler): void {
    this.routes.push({ method, regex: new RegExp(`^${pattern}$`), handler });
  }

  private defineRoutes(): void {
    const ITEM = '/drives/([^/]+)/items/([^/:]+)(?::/([^:]*):)?';
    this.on('GET', '/me/drive/special/approot', (req) => this.appFolder(req));
    // Path-based addressing below the signed-in user's app folder, which is created on first access.
    const APPROOT = '/me/drive/special/approot:/([^:]*):';
    this.on('GET', APPROOT, (req, [p]) => this.inAppFolder(req, p!, (d, i) => this.getItem(req, d, i, p)));
    this.on('PUT', `${APPROOT}/content`, (req, [p]) =>
      this.inAppFolder(req, p!, (d, i) => this.putContent(req, d, i, p)),
    );
    this.on('GET', `${APPROOT}/children`, (req, [p]) =>
      this.inAppFolder(req, p!, (d, i) => this.children(req, d, i, p)),
    );
    this.on('GET', ITEM, (req, [d, i, p]) => this.getItem(req, d!, i!, p));
    this.on('GET', `${ITEM}/content`, (req, [d, i, p]) => this.getContent(req, d!, i!, p));
    this.on('PUT', `${ITEM}/content`, (req, [d, i, p]) => this.putContent(req, d!, i!, p));
    this.on('DELETE', ITEM, (req, [d, i, p]) => this.deleteItem(req, d!, i!, p));
    this.on('GET', `${ITEM}/children`, (req, [d, i, p]) => this.children(req, d!, i!, p));
    this.on('GET', '/me', (req) => this.user(this.me(req)));
    this.on('GET', '/users/([^/]+)', (_req, [id]) => this.user(id!));
    this.on('GET', '/(?:me|users/([^/]+))/manager', (req, [id]) => {
      const manager = this.users.get(this.users.get(id ?? this.me(req))?.managerId ?? '');
      return manager
        ? { status: 200, body: userBody(manager) }
        : odataError(404, 'Request_ResourceNotFound', 'no manager');
    });
    this.on('GET', '/(?:me|users/([^/]+))/directReports', (req, [id]) => {
      const managerId = id ?? this.me(req);
      // As Graph: a user who does not exist has no collection to list.
      if (!this.users.has(managerId)) return odataError(404, 'Request_ResourceNotFound', 'no such user');
      const reports = [...this.users.values()].filter((u) => u.managerId === managerId).map(userBody);
      return this.page(req, reports);
    });
    this.on('POST', '/me/events', (req) => this.createEvent(req));
    this.on('GET', '/(?:me|users/([^/]+))/events/([^/]+)', (req, [u, id]) => this.getEvent(req, u, id!));
    this.on('GET', '/(?:me|users/([^/]+))/events/([^/]+)/instances', (req, [u, id]) => this.instances(req, u, id!));
    this.on('PATCH', '/me/events/([^/]+)', (req, [id]) => this.patchOccurrence(req, id!));
    this.on('POST', '/me/events/([^/]+)/cancel', (req, [id]) => this.cancelOccurrence(req, id!));
    this.on('POST', '/\\$batch', (req) => this.batch(req));
    this.on('POST', '/subscriptions', (req) => this.subscribe(req));
    this.on('GET', '/me/todo/lists', (req) =>
      this.page(
        req,
        [...this.todoOf(req)].map(([id, l]) => ({ id, displayName: l.displayName })),
      ),
    );
    this.on('POST', '/me/todo/lists', (req) => {
      const { displayName } = JSON.parse(req.body) as { displayName?: string };
      if (!displayName) throw new Error('displayName is required');
      const id = `list-${randomUUID()}`;
      this.todoOf(req).set(id, { displayName, tasks: new Map() });
      return { status: 201, body: { id, displayName } };
    });
    this.on('POST', '/me/todo/lists/([^/]+)/tasks', (req, [listId]) => {
      const list = this.todoOf(req).get(listId!);
      if (!list) return odataError(404, 'NotFound', 'no such list');
      const fields = JSON.parse(req.body) as Record<string, unknown>;
      if (!fields.title) throw new Error('title is required');
      const task = { ...fields, id: `task-${randomUUID()}` };
      list.tasks.set(task.id, task);
      return { status: 201, body: task };
    });
    this.on('PATCH', '/me/todo/lists/([^/]+)/tasks/([^/]+)', (req, [listId, taskId]) => {
      const task = this.todoOf(req).get(listId!)?.tasks.get(taskId!);
      if (!task) return odataError(404, 'NotFound', 'no such task');
      Object.assign(task, JSON.parse(req.body));
      return { status: 200, body: task };
    });
    this.on('PATCH', '/subscriptions/([^/]+)', (req, [id]) => this.renew(req, id!));
    this.on('GET', '/subscriptions/([^/]+)', (_req, [id]) => {
      const sub = this.subscriptions.get(id!);
      return sub ? { status: 200, body: sub } : odataError(404, 'ResourceNotFound', 'no such subscription');
    });
    this.on('DELETE', '/subscriptions/([^/]+)', (_req, [id]) =>
      this.subscriptions.delete(id!) ? { status: 204 } : odataError(404, 'ResourceNotFound', 'no such subscription'),
    );
  }

  private todoOf(req: Req) {
    const user = this.me(req);
    if (!this.todo.has(user)) this.todo.set(user, new Map());
    return this.todo.get(user)!;
  }

  private me(req: Req): string {
    if (!req.principal.userId) throw new Error('/me needs a delegated token');
    return req.principal.userId;
  }

  private user(id: string): Answer {
    const user = this.users.get(id);
    return user ? { status: 200, body: userBody(user) } : odataError(404, 'Request_ResourceNotFound', `no user ${id}`);
  }

  private page(req: Req, all: unknown[]): Answer {
    const skip = Number(req.url.searchParams.get('$skiptoken') ?? '0');
    const top = Math.min(Number(req.url.searchParams.get('$top') ?? this.pageSize), this.pageSize);
    const value = all.slice(skip, skip + top);
    const next = new URL(req.url);
    next.searchParams.set('$skiptoken', String(skip + top));
    return {
      status: 200,
      body: { value, ...(skip + top < all.length && { '@odata.nextLink': next.toString() }) },
    };
  }

  // --- drives ---

  private appFolder(req: Req): Answer {
    const driveId = `me-${this.me(req)}`;
    if (!this.drives.has(driveId)) this.addDrive(driveId);
    const drive = this.drives.get(driveId)!;
    const folder = drive.ensureFolder(APP_FOLDER);
    return { status: 200, body: this.itemBody(drive, folder, { specialFolder: { name: 'approot' } }) };
  }

  /** What `handle` answers for the item at `relative` below the caller's app folder (made now if missing). */
  private inAppFolder(req: Req, relative: string, handle: (driveId: string, folderId: string) => Answer): Answer {
    if (relative === '') return odataError(400, 'invalidRequest', 'the path below approot is empty');
    const driveId = `me-${this.me(req)}`;
    if (!this.drives.has(driveId)) this.addDrive(driveId);
    return handle(driveId, this.drives.get(driveId)!.ensureFolder(APP_FOLDER).id);
  }

  private locate(req: Req, driveId: string, itemId: string, relative: string | undefined) {
    const drive = this.drives.get(driveId);
    if (!drive) return { error: odataError(404, 'itemNotFound', 'drive not found') };
    const base = drive.item(itemId);
    if (!base) return { error: odataError(404, 'itemNotFound', 'item not found') };
    if (driveId.startsWith('me-') && driveId !== `me-${req.principal.userId}`) {
      return { error: odataError(403, 'accessDenied', 'not your drive') };
    }
    const itemPath = relative === undefined ? base.path : [base.path, relative].filter((s) => s !== '').join('/');
    return { drive, itemPath, item: drive.at(itemPath) };
  }

  /** The item's metadata; `if-none-match` with its eTag or cTag → 304 (Graph docs, "Get driveItem"). */
  private getItem(req: Req, d: string, i: string, p: string | undefined): Answer {
    const at = this.locate(req, d, i, p);
    if (at.error) return at.error;
    if (!at.item) return odataError(404, 'itemNotFound', 'The resource could not be found.');
    if (this.tagMatches(req, at.drive, at.item)) return { status: 304, raw: '' };
    const body = this.itemBody(at.drive, at.item, {
      ...(!at.item.isFolder && { '@microsoft.graph.downloadUrl': this.downloadUrlOf(at.drive, at.item) }),
    }) as Record<string, unknown>;
    const select = req.url.searchParams.get('$select');
    if (!select) return { status: 200, body };
    const wanted = new Set(select.split(','));
    return { status: 200, body: Object.fromEntries(Object.entries(body).filter(([k]) => wanted.has(k))) };
  }

  /**
   * As Graph documents "Download driveItem content": `302 Found` to a pre-authenticated URL on another host
   * (the item's `@microsoft.graph.downloadUrl`), or 304 when `if-none-match` names its eTag or cTag. No
   * ETag header: the documentation promises none on this answer.
   */
  private getContent(req: Req, d: string, i: string, p: string | undefined): Answer {
    const at = this.locate(req, d, i, p);
    if (at.error) return at.error;
    if (!at.item || at.item.isFolder) return odataError(404, 'itemNotFound', 'The resource could not be found.');
    if (this.tagMatches(req, at.drive, at.item)) return { status: 304, raw: '' };
    return { status: 302, raw: '', headers: { Location: this.downloadUrlOf(at.drive, at.item) } };
  }

  private tagMatches(req: Req, drive: DriveState, item: DriveItemState): boolean {
    const tag = req.headers['if-none-match'];
    return tag !== undefined && (tag === drive.etag(item) || tag === drive.ctag(item));
  }

  private putContent(req: Req, d: string, i: string, p: string | undefined): Answer {
    const at = this.locate(req, d, i, p);
    if (at.error) return at.error;
    const ifMatch = req.headers['if-match'];
    const ifNoneMatch = req.headers['if-none-match'];
    if (at.item?.isFolder) return odataError(409, 'nameAlreadyExists', 'a folder has this name');
    if (ifMatch !== undefined) {
      if (!at.item) return odataError(404, 'itemNotFound', 'The resource could not be found.');
      if (ifMatch !== '*' && ifMatch !== at.drive.etag(at.item))
        return odataError(412, 'resourceModified', "ETag does not match current item's value");
    }
    if (ifNoneMatch === '*' && at.item) return odataError(412, 'resourceModified', 'The item already exists');
    const { item, created } = at.drive.write(at.itemPath, req.body);
    return { status: created ? 201 : 200, body: this.itemBody(at.drive, item) };
  }

  private deleteItem(req: Req, d: string, i: string, p: string | undefined): Answer {
    const at = this.locate(req, d, i, p);
    if (at.error) return at.error;
    if (!at.item) return odataError(404, 'itemNotFound', 'The resource could not be found.');
    const ifMatch = req.headers['if-match'];
    if (ifMatch !== undefined && ifMatch !== at.drive.etag(at.item))
      return odataError(412, 'resourceModified', "ETag does not match current item's value");
    at.drive.remove(at.item);
    return { status: 204 };
  }

  private children(req: Req, d: string, i: string, p: string | undefined): Answer {
    const at = this.locate(req, d, i, p);
    if (at.error) return at.error;
    if (!at.item?.isFolder) return odataError(404, 'itemNotFound', 'The resource could not be found.');
    const drive = at.drive;
    return this.page(
      req,
      drive.children(at.item).map((c) => this.itemBody(drive, c)),
    );
  }

  private itemBody(drive: DriveState, item: DriveItemState, extra: Record<string, unknown> = {}): unknown {
    return {
      id: item.id,
      name: item.name,
      eTag: drive.etag(item),
      cTag: drive.ctag(item),
      parentReference: { driveId: drive.id },
      ...(item.isFolder
        ? { folder: { childCount: drive.children(item).length } }
        : { file: {}, size: item.content?.length ?? 0 }),
      ...extra,
    };
  }

  // --- calendar ---

  private createEvent(req: Req): Answer {
    const owner = this.me(req);
    const body = JSON.parse(req.body) as {
      subject: string;
      start: { dateTime: string; timeZone: string };
      end: { dateTime: string; timeZone: string };
      recurrence?: GraphRecurrence;
      transactionId?: string;
      isOnlineMeeting?: boolean;
      attendees?: Array<{ emailAddress?: { address?: string } }>;
    };
    if (body.transactionId) {
      const existing = [...this.series.values()].find(
        (s) => s.ownerId === owner && s.transactionId === body.transactionId,
      );
      if (existing) return { status: 201, body: this.eventBody(existing) };
    }
    if (!body.recurrence) throw new Error('the emulator only creates recurring series');
    const p = body.recurrence.pattern;
    if (p.type === 'weekly' && (!p.daysOfWeek?.length || !p.firstDayOfWeek))
      throw new Error('weekly recurrence needs daysOfWeek and firstDayOfWeek');
    if (body.recurrence.range.startDate !== body.start.dateTime.slice(0, 10))
      throw new Error('recurrence.range.startDate must equal the date of start');
    const start = wallToInstant(body.start.dateTime, body.start.timeZone);
    const end = wallToInstant(body.end.dateTime, body.end.timeZone);
    const series = newSeries(owner, {
      subject: body.subject,
      timeZone: body.start.timeZone,
      start,
      durationMs: end.getTime() - start.getTime(),
      recurrence: body.recurrence,
      ...(body.transactionId && { transactionId: body.transactionId }),
      attendees: (body.attendees ?? []).flatMap((a) => (a.emailAddress?.address ? [a.emailAddress.address] : [])),
    });
    this.series.set(series.id, series);
    return { status: 201, body: this.eventBody(series) };
  }

  private ownSeries(req: Req, userId: string | undefined, id: string): SeriesState | undefined {
    const owner = userId ?? this.me(req);
    const series = this.series.get(id.split('.OCC.')[0]!);
    return series && series.ownerId === owner ? series : undefined;
  }

  private getEvent(req: Req, userId: string | undefined, id: string): Answer {
    const series = this.ownSeries(req, userId, id);
    if (!series) return odataError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    return { status: 200, body: this.eventBody(series) };
  }

  private instances(req: Req, userId: string | undefined, id: string): Answer {
    const series = this.ownSeries(req, userId, id);
    if (!series) return odataError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const from = req.url.searchParams.get('startDateTime');
    const to = req.url.searchParams.get('endDateTime');
    if (!from || !to) throw new Error('startDateTime and endDateTime are required');
    const occurrences = expandSeries(series, new Date(from), new Date(to))
      .filter((o) => !o.cancelled)
      .map((o) => ({
        id: o.id,
        type: o.moved ? 'exception' : 'occurrence',
        seriesMasterId: series.id,
        originalStart: o.originalStart.toISOString(),
        start: { dateTime: o.start.toISOString().replace('Z', '0000'), timeZone: 'UTC' },
        end: { dateTime: o.end.toISOString().replace('Z', '0000'), timeZone: 'UTC' },
        isCancelled: false,
      }));
    return this.page(req, occurrences);
  }

  private occurrence(req: Req, id: string) {
    const series = this.ownSeries(req, undefined, id);
    const stamp = id.split('.OCC.')[1];
    if (!series || !stamp) return undefined;
    const iso = stamp.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)(\d{3})Z$/, '$1-$2-$3T$4:$5:$6.$7Z');
    return { series, originalStart: new Date(iso) };
  }

  private patchOccurrence(req: Req, id: string): Answer {
    if (!id.includes('.OCC.')) return this.patchSeries(req, id);
    const found = this.occurrence(req, id);
    if (!found) return odataError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const body = JSON.parse(req.body) as { start?: { dateTime: string; timeZone: string }; body?: unknown };
    if (body.body !== undefined)
      throw new Error('Tandem must never write the event body (it regenerates the Teams link)');
    if (!body.start) throw new Error('only start changes are emulated');
    const key = found.originalStart.toISOString();
    if (found.series.exceptions.get(key)?.cancelled)
      return odataError(404, 'ErrorItemNotFound', 'occurrence was cancelled');
    found.series.exceptions.set(key, { start: wallToInstant(body.start.dateTime, body.start.timeZone) });
    return { status: 200, body: { id, seriesMasterId: found.series.id, type: 'exception', originalStart: key } };
  }

  /**
   * A new pattern, start or end on the series master: the series follows it from the range's start date, and
   * its moved and cancelled occurrences are gone, as in Outlook. The Teams meeting (join URL) stays.
   */
  private patchSeries(req: Req, id: string): Answer {
    const series = this.ownSeries(req, undefined, id);
    if (!series) return odataError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const body = JSON.parse(req.body) as {
      start?: { dateTime: string; timeZone: string };
      end?: { dateTime: string; timeZone: string };
      recurrence?: GraphRecurrence;
      body?: unknown;
    };
    if (body.body !== undefined)
      throw new Error('Tandem must never write the event body (it regenerates the Teams link)');
    if (!body.start || !body.end || !body.recurrence)
      throw new Error('only a new start, end and recurrence together are emulated on a series master');
    if (body.recurrence.range.startDate !== body.start.dateTime.slice(0, 10))
      throw new Error('recurrence.range.startDate must equal the date of start');
    const start = wallToInstant(body.start.dateTime, body.start.timeZone);
    series.start = start;
    series.timeZone = body.start.timeZone;
    series.durationMs = wallToInstant(body.end.dateTime, body.end.timeZone).getTime() - start.getTime();
    series.recurrence = body.recurrence;
    series.exceptions.clear();
    return { status: 200, body: this.eventBody(series) };
  }

  private cancelOccurrence(req: Req, id: string): Answer {
    // The series master: the whole series is cancelled, gone from the organizer's and attendees' calendars.
    if (!id.includes('.OCC.')) {
      const series = this.ownSeries(req, undefined, id);
      if (!series) return odataError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      this.series.delete(series.id);
      return { status: 202 };
    }
    const found = this.occurrence(req, id);
    if (!found) return odataError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
    const key = found.originalStart.toISOString();
    if (found.series.exceptions.get(key)?.cancelled) return odataError(404, 'ErrorItemNotFound', 'already cancelled');
    found.series.exceptions.set(key, { cancelled: true });
    return { status: 202 };
  }

  private eventBody(series: SeriesState): unknown {
    const cancelled = [...series.exceptions]
      .filter(([, e]) => e.cancelled)
      .map(([start]) => `OID.${series.id}.${start.slice(0, 10)}`);
    return {
      id: series.id,
      type: 'seriesMaster',
      subject: series.subject,
      start: { dateTime: series.start.toISOString().replace('Z', '0000'), timeZone: 'UTC' },
      end: {
        dateTime: new Date(series.start.getTime() + series.durationMs).toISOString().replace('Z', '0000'),
        timeZone: 'UTC',
      },
      originalStartTimeZone: series.timeZone,
      recurrence: series.recurrence,
      transactionId: series.transactionId ?? null,
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      onlineMeeting: { joinUrl: series.joinUrl },
      attendees: (series.attendees ?? []).map((address) => ({ emailAddress: { address }, type: 'required' })),
      cancelledOccurrences: cancelled,
    };
  }

  // --- subscriptions ---

  private async subscribe(req: Req): Promise<Answer> {
    const body = JSON.parse(req.body) as Omit<SubscriptionState, 'id'> & { changeType: string };
    for (const field of ['changeType', 'notificationUrl', 'resource', 'expirationDateTime'] as const) {
      if (!body[field]) throw new Error(`${field} is required`);
    }
    const problem = lifetimeProblem(body.expirationDateTime);
    if (problem) return odataError(400, 'InvalidRequest', problem);
    if ((body.clientState?.length ?? 0) > 128) return odataError(400, 'InvalidRequest', 'clientState is too long');
    // The validation handshake: 200, text/plain, the decoded token, within 10 seconds.
    const token = `Validation: Testing client application reachability ${randomUUID()}`;
    const url = `${body.notificationUrl}?validationToken=${encodeURIComponent(token)}`;
    const answer = await fetch(url, { method: 'POST', signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
    const text = answer ? await answer.text() : '';
    if (answer?.status !== 200 || !answer.headers.get('content-type')?.startsWith('text/plain') || text !== token) {
      return odataError(
        400,
        'ValidationError',
        'Subscription validation request failed. Notification endpoint must respond with 200 OK and the validation token.',
      );
    }
    const sub: SubscriptionState = {
      id: randomUUID(),
      resource: body.resource,
      notificationUrl: body.notificationUrl,
      clientState: body.clientState,
      expirationDateTime: body.expirationDateTime,
    };
    this.subscriptions.set(sub.id, sub);
    return { status: 201, body: { ...sub, changeType: body.changeType } };
  }

  private renew(req: Req, id: string): Answer {
    const sub = this.subscriptions.get(id);
    if (!sub) return odataError(404, 'ResourceNotFound', 'no such subscription');
    const { expirationDateTime } = JSON.parse(req.body) as { expirationDateTime: string };
    const problem = lifetimeProblem(expirationDateTime);
    if (problem) return odataError(400, 'InvalidRequest', problem);
    sub.expirationDateTime = expirationDateTime;
    return { status: 200, body: sub };
  }

  // --- $batch ---

  private async batch(req: Req): Promise<Answer> {
    const body = JSON.parse(req.body) as {
      requests: {
        id: string;
        method: string;
        url: string;
        body?: unknown;
        headers?: Record<string, string>;
        dependsOn?: string[];
      }[];
    };
    if (!Array.isArray(body.requests) || body.requests.length === 0 || body.requests.length > 20)
      return odataError(400, 'BadRequest', 'a batch holds 1 to 20 requests');
    const statuses = new Map<string, number>();
    const responses = [];
    for (const r of body.requests) {
      const failedDependency = (r.dependsOn ?? []).some((d) => (statuses.get(d) ?? 0) >= 400);
      let answer: Answer;
      const fault = this.takeFault(r.method, r.url, true);
      if (failedDependency) answer = odataError(424, 'FailedDependency', 'a request it depends on failed');
      else if (fault?.kind === 'status') {
        answer = odataError(fault.status ?? 429, 'TooManyRequests', 'injected');
        answer = { ...answer, headers: { 'Retry-After': String(fault.retryAfterSeconds ?? 0) } };
      } else {
        const headers = Object.fromEntries(Object.entries(r.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
        const url = new URL(`/v1.0${r.url.startsWith('/') ? r.url : `/${r.url}`}`, this.url);
        answer = await this.dispatch(
          {
            method: r.method,
            url,
            headers,
            body: r.body === undefined ? '' : JSON.stringify(r.body),
            principal: req.principal,
          },
          true,
        );
        this.requests.push({
          method: r.method,
          path: url.pathname,
          status: answer.status,
          principal: req.principal.label,
          batched: true,
          host: 'graph',
          startedAt: performance.now(),
          endedAt: performance.now(),
        });
      }
      statuses.set(r.id, answer.status);
      responses.push({
        id: r.id,
        status: answer.status,
        headers: answer.headers ?? {},
        body: answer.raw ?? answer.body,
      });
    }
    return { status: 200, body: { responses: responses.reverse() } };
  }
}

export interface SubscriptionState {
  readonly id: string;
  readonly resource: string;
  readonly notificationUrl: string;
  readonly clientState?: string;
  expirationDateTime: string;
}

/** Outlook events: at most 10,080 minutes (docs/graph-facts.md, Change notifications). */
function lifetimeProblem(expiration: string): string | undefined {
  const minutes = (Date.parse(expiration) - Date.now()) / 60_000;
  if (!Number.isFinite(minutes) || minutes <= 0) return 'expirationDateTime must be in the future';
  if (minutes > 10_080) return 'expirationDateTime exceeds the maximum of 10080 minutes for events';
  return undefined;
}

function odataError(status: number, code: string, message: string): Answer {
  return {
    status,
    body: { error: { code, message, innerError: { date: new Date().toISOString(), 'request-id': randomUUID() } } },
  };
}

function userBody(u: EmulatedUser): unknown {
  return {
    id: u.id,
    displayName: u.displayName,
    mail: u.mail,
    userPrincipalName: u.mail,
    jobTitle: u.jobTitle ?? null,
  };
}

/** The emulator trusts the token's claims: signature checks are the service's job, tested there. */
function principalOf(authorization: string | undefined): Principal | undefined {
  if (!authorization?.startsWith('Bearer ')) return undefined;
  const payload = authorization.slice(7).split('.')[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { oid?: string; scp?: string };
    return claims.scp && claims.oid ? { userId: claims.oid, label: claims.oid } : { label: 'app' };
  } catch {
    return undefined;
  }
}

function wallToInstant(dateTime: string, timeZone: string): Date {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)/.exec(dateTime);
  if (!m) throw new Error(`bad dateTime ${dateTime}`);
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  return toInstantIn({ year: y, month: mo, day: d, hour: h, minute: mi }, timeZone);
}
