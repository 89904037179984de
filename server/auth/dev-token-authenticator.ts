import { createSecretKey, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify } from 'jose';
import { isLoopback, UnauthenticatedError, type Authenticator, type Caller } from './authenticator';
import { VerifiedTokens } from './verified-tokens';

const ISSUER = 'urn:tandem:embedded';
const AUDIENCE = 'urn:tandem:api';

/**
 * Embedded mode only: the service signs short-lived tokens for the demo users with a key that lives only in
 * this process, and accepts them only from loopback. A restart invalidates old tokens; clients ask again.
 */
export class DevTokenAuthenticator implements Authenticator {
  // A KeyObject, so jose does not re-import the key on every verification.
  private readonly key = createSecretKey(randomBytes(32));

  constructor(
    private readonly knownUsers: ReadonlySet<string>,
    private readonly lifetimeSeconds = 3600,
    private readonly verified = new VerifiedTokens<Caller>(),
  ) {}

  async issue(userId: string): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.lifetimeSeconds}s`)
      .sign(this.key);
  }

  async authenticate(token: string | undefined, remoteAddress: string | undefined): Promise<Caller> {
    if (!isLoopback(remoteAddress)) throw new UnauthenticatedError('dev tokens are accepted from this machine only');
    if (!token) throw new UnauthenticatedError('missing bearer token');
    const known = this.verified.get(token);
    if (known) return known;
    try {
      const { payload } = await jwtVerify(token, this.key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      if (!payload.sub || !this.knownUsers.has(payload.sub)) throw new UnauthenticatedError('unknown user');
      const caller = { userId: payload.sub };
      this.verified.set(token, caller, payload.exp);
      return caller;
    } catch (error) {
      if (error instanceof UnauthenticatedError) throw error;
      throw new UnauthenticatedError('invalid or expired token');
    }
  }
}
