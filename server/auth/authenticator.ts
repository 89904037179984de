/** Who is calling. Embedded mode: dev tokens; Microsoft 365 mode: Entra access tokens. */
export interface Caller {
  readonly userId: string;
  /** Microsoft 365 mode: the caller's own API token, the assertion for on-behalf-of Graph calls. */
  readonly assertion?: string;
}

export interface Authenticator {
  /** Throws UnauthenticatedError when the token is missing, malformed, expired or not for Tandem. */
  authenticate(token: string | undefined, remoteAddress: string | undefined): Promise<Caller>;
}

export class UnauthenticatedError extends Error {
  override readonly name = 'UnauthenticatedError';
}

/** The token cannot be checked now (the identity provider's keys are out of reach): try again later. */
export class AuthenticationUnavailableError extends Error {
  override readonly name = 'AuthenticationUnavailableError';
}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}
