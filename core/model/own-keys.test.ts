import { ownValue, setOwn } from './own-keys';

describe('own-key look-ups', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])(
    'finds nothing for %s in a record that does not hold it, and stores it as data',
    (key) => {
      const record: Record<string, number> = { a: 1 };
      expect(ownValue(record, key)).toBeUndefined();
      setOwn(record, key, 2);
      expect(ownValue(record, key)).toBe(2);
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      expect(JSON.parse(JSON.stringify(record))).toEqual(JSON.parse(`{"a":1,"${key}":2}`));
    },
  );
});
