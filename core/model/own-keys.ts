/**
 * Look-ups by a key that came from outside (a user id, a Teams id, a query parameter) read own properties
 * only: on a plain object `constructor`, `toString` or `__proto__` would otherwise find Object.prototype's
 * members, and an assignment to `__proto__` would replace the prototype instead of storing a value.
 */
export function ownValue<V>(record: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Stores `value` under `key` as an own, enumerable property whatever the key is. */
export function setOwn<V>(record: Record<string, V>, key: string, value: V): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}
