import { cachedToken } from './token-cache';

/** Embedded mode: a cached dev token for a demo user from the service (loopback only). */
export function devTokenSource(user: string, fetchImpl: typeof fetch = (i, init) => fetch(i, init)) {
  return cachedToken(async () => {
    const response = await fetchImpl('/api/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user }),
    });
    if (!response.ok) throw new Error(`No dev token for ${user}: ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  });
}
