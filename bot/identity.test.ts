import { ConfiguredIdentities } from './identity';

describe('ConfiguredIdentities', () => {
  const table = { 'teams-blake': 'blake' };

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'knows nobody by the Teams id %s unless the table names it',
    (id) => {
      expect(new ConfiguredIdentities(table, false).tandemUserOf({ id })).toBeUndefined();
      expect(new ConfiguredIdentities(table, false).tandemUserOf({ id: 'x', aadObjectId: id })).toBeUndefined();
      expect(new ConfiguredIdentities(table, true).tandemUserOf({ id })).toBeUndefined();
    },
  );

  it('maps configured ids, and in Microsoft 365 mode takes the aadObjectId as the Tandem id', () => {
    expect(new ConfiguredIdentities(table, false).tandemUserOf({ id: 'teams-blake' })).toBe('blake');
    expect(new ConfiguredIdentities(table, true).tandemUserOf({ id: 'x', aadObjectId: 'oid-1' })).toBe('oid-1');
  });
});
