import { AsyncLocalStorage } from 'node:async_hooks';
import type { Caller } from './authenticator';

/**
 * The caller of the request being served, carried through every await of its handler. Delegated Graph calls
 * (a user's OneDrive app folder, the organizer's calendar) take their token from here, so a store or calendar
 * acting as user X can only be used while serving a request by X.
 */
const storage = new AsyncLocalStorage<Caller>();

export function runAsCaller<T>(caller: Caller, work: () => T): T {
  return storage.run(caller, work);
}

export function currentCaller(): Caller | undefined {
  return storage.getStore();
}

const later = new AsyncLocalStorage<Array<() => void>>();

/** Runs `work` collecting what `afterResponse` defers into `tasks`, for the server to start once it answered. */
export function collectingAfterResponse<T>(tasks: Array<() => void>, work: () => T): T {
  return later.run(tasks, work);
}

/**
 * Work the answer does not wait for (a calendar subscription after a series is created): started once the
 * current request has been answered, or at once outside a request. The task handles its own errors.
 */
export function afterResponse(task: () => void): void {
  const tasks = later.getStore();
  if (tasks) tasks.push(task);
  else setImmediate(task);
}
