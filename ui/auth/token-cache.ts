/** Seconds-since-epoch expiry of a JWT, or 0 when it has none we can read. */
function expiryOf(token: string): number {
  try {
    const payload = token.split('.')[1] ?? '';
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/')) as string;
    return ((JSON.parse(json) as { exp?: number }).exp ?? 0) * 1000;
  } catch {
    return 0;
  }
}

/**
 * Reuses a token until a minute before it expires, and shares one request among concurrent callers: every
 * API call asks for a token, and neither Teams SSO nor the dev-token endpoint should see each of them.
 */
export function cachedToken(fetchToken: () => Promise<string>, now: () => number = Date.now): () => Promise<string> {
  let cached: { token: string; expiresAt: number } | undefined;
  let pending: Promise<string> | undefined;
  return () => {
    if (cached && cached.expiresAt - 60_000 > now()) return Promise.resolve(cached.token);
    pending ??= fetchToken()
      .then((token) => {
        cached = { token, expiresAt: expiryOf(token) };
        return token;
      })
      .finally(() => (pending = undefined));
    return pending;
  };
}
