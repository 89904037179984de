/**
 * Tokens for tests that talk to the emulator without an identity provider (the store contract suite). The
 * emulator reads claims only; the signed path is covered by the Microsoft 365 mode tests.
 */
export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ aud: 'https://graph.microsoft.com', ...claims })}.`;
}
