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
