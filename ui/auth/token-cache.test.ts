import { cachedToken } from './token-cache';

const jwt = (exp: number) => `h.${btoa(JSON.stringify({ exp })).replace(/=+$/, '')}.s`;

describe('cachedToken', () => {
  it('asks once for concurrent callers and reuses the token until a minute before it expires', async () => {
    let now = 1_000_000_000_000;
    let calls = 0;
    const get = cachedToken(
      async () => {
        calls += 1;
        return jwt(now / 1000 + 3600);
      },
      () => now,
    );
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(calls).toBe(1);
    now += 3600_000 - 61_000;
    await get();
    expect(calls).toBe(1);
    now += 2_000;
    await get();
    expect(calls).toBe(2);
  });

  it('asks again after a failure', async () => {
    let calls = 0;
    const get = cachedToken(async () => {
      calls += 1;
      if (calls === 1) throw new Error('offline');
      return jwt(Date.now() / 1000 + 3600);
    });
    await expect(get()).rejects.toThrow('offline');
    await expect(get()).resolves.toMatch(/^h\./);
  });
});
