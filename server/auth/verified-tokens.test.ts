import { DevTokenAuthenticator } from './dev-token-authenticator';
import { UnauthenticatedError } from './authenticator';
import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  let now = 1_000_000;
  const clock = () => now;

  it('answers for a token until its expiry, never at or after it', () => {
    const tokens = new VerifiedTokens<string>(10, clock);
    tokens.set('a.b.c', 'avery', (now + 60_000) / 1000);

    expect(tokens.get('a.b.c')).toBe('avery');
    now += 59_999;
    expect(tokens.get('a.b.c')).toBe('avery');
    now += 1;
    expect(tokens.get('a.b.c')).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('keeps nothing for a token already expired or without an expiry', () => {
    const tokens = new VerifiedTokens<string>(10, clock);
    tokens.set('old', 'avery', now / 1000);
    tokens.set('forever', 'avery', undefined);

    expect(tokens.get('old')).toBeUndefined();
    expect(tokens.get('forever')).toBeUndefined();
  });

  it('knows a token only by all of it: the same signature with other claims is another token', () => {
    const tokens = new VerifiedTokens<string>(10, clock);
    tokens.set('header.claims.signature', 'avery', now / 1000 + 60);

    expect(tokens.get('header.other-claims.signature')).toBeUndefined();
  });

  it('holds at most its bound, forgetting the earliest verified first', () => {
    const tokens = new VerifiedTokens<string>(2, clock);
    for (const t of ['t1', 't2', 't3']) tokens.set(t, t, now / 1000 + 60);

    expect(tokens.size).toBe(2);
    expect(tokens.get('t1')).toBeUndefined();
    expect(tokens.get('t3')).toBe('t3');
  });
});

describe('DevTokenAuthenticator with verified tokens kept', () => {
  afterEach(() => jest.useRealTimers());

  it('refuses a token once it has expired, although it was verified before', async () => {
    jest.useFakeTimers({ now: new Date('2026-03-02T08:00:00Z') });
    const auth = new DevTokenAuthenticator(new Set(['avery']), 60);
    const token = await auth.issue('avery');

    await expect(auth.authenticate(token, '127.0.0.1')).resolves.toEqual({ userId: 'avery' });
    await expect(auth.authenticate(token, '127.0.0.1')).resolves.toEqual({ userId: 'avery' });
    jest.setSystemTime(new Date('2026-03-02T08:01:00Z'));

    await expect(auth.authenticate(token, '127.0.0.1')).rejects.toThrow(UnauthenticatedError);
  });

  it('still refuses a verified token from another machine', async () => {
    const auth = new DevTokenAuthenticator(new Set(['avery']));
    const token = await auth.issue('avery');
    await auth.authenticate(token, '127.0.0.1');

    await expect(auth.authenticate(token, '10.0.0.7')).rejects.toThrow(UnauthenticatedError);
  });
});
