/**
 * A stand-in for a value a fixture makes in a hook (beforeAll, beforeEach): each property read goes to the value
 * of the moment. So a fixture is declared at the top of its describe block and read in its tests.
 */
export function lateBound<T extends object>(current: () => T | undefined, fixture: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      const value = current();
      if (!value) throw new Error(`${fixture}: exists only inside the tests of its describe block`);
      return Reflect.get(value, key);
    },
  });
}
