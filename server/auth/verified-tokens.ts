/** Tokens kept at most; beyond this the least recently verified go first. */
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * Tokens whose signature and claims were verified, with what they proved, until they expire: a client sends
 * the same token with every request for its lifetime, and checking a signature again (HMAC for dev tokens,
 * RSA for Entra's) is most of what authenticating costs. Keyed by the whole token (its signature over its
 * exact header and claims), so a token that differs in any byte is verified afresh. An entry is never used at
 * or past the token's `exp` (no clock tolerance here), and only successes are kept.
 */
export class VerifiedTokens<T> {
  private readonly entries = new Map<string, { readonly value: T; readonly expiresAtMs: number }>();

  constructor(
    private readonly maxEntries = DEFAULT_MAX_ENTRIES,
    private readonly now: () => number = Date.now,
  ) {}

  get(token: string): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (this.now() >= entry.expiresAtMs) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  /** `expiresAt`: the token's `exp` claim, in seconds; a token without one is not kept. */
  set(token: string, value: T, expiresAt: number | undefined): void {
    if (expiresAt === undefined || !Number.isFinite(expiresAt)) return;
    const expiresAtMs = expiresAt * 1000;
    if (this.now() >= expiresAtMs) return;
    this.entries.delete(token);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { value, expiresAtMs });
  }

  get size(): number {
    return this.entries.size;
  }
}
