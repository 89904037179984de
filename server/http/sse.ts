import type { IncomingMessage, ServerResponse } from 'node:http';
import { LIMITS } from '../../core/contract/limits';
import type { ChangeHub } from '../live/change-hub';
import { problemUri } from '../../core/contract/problem';
import { HttpProblem } from './problem';

const HEARTBEAT_MS = 20_000;
const open = new Set<ServerResponse>();
const openByUser = new Map<string, number>();

/**
 * A text/event-stream of one pair's changes for one user. Events name what changed, never its content; the
 * client re-reads through the API, where authorization applies. Heartbeats keep proxies from closing it.
 */
export function openEventStream(
  hub: ChangeHub,
  pairId: string,
  userId: string,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  const streams = openByUser.get(userId) ?? 0;
  if (streams >= LIMITS.eventStreamsPerUser) {
    throw new HttpProblem(
      {
        type: problemUri('too-many-streams'),
        title: 'Too many live connections',
        status: 429,
        detail: `at most ${LIMITS.eventStreamsPerUser} open event streams per person; close another window first`,
      },
      { 'retry-after': '30' },
    );
  }
  openByUser.set(userId, streams + 1);
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  res.write('retry: 2000\n\n');
  res.write(`event: ready\ndata: ${JSON.stringify({ pairId })}\n\n`);
  const unsubscribe = hub.subscribe(pairId, userId, (change) => {
    res.write(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
  });
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS);
  heartbeat.unref();
  open.add(res);
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    const left = (openByUser.get(userId) ?? 1) - 1;
    if (left > 0) openByUser.set(userId, left);
    else openByUser.delete(userId);
    clearInterval(heartbeat);
    unsubscribe();
    open.delete(res);
  };
  req.on('close', close);
  res.on('close', close);
}

/** On shutdown: end every stream so clients reconnect to the next instance. */
export function closeAllEventStreams(): void {
  for (const res of open) res.end();
  open.clear();
}
