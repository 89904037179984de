import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { AuthenticationUnavailableError, UnauthenticatedError, type Authenticator, type Caller } from './authenticator';
import { VerifiedTokens } from './verified-tokens';

export interface EntraAuthenticatorOptions {
  readonly jwksUri: string;
  /** v2 (`https://login.microsoftonline.com/{tid}/v2.0`) and v1 (`https://sts.windows.net/{tid}/`) issuers. */
  readonly issuers: readonly string[];
  /** The client id (v2 tokens) and the App ID URI `api://…` (v1 tokens). */
  readonly audiences: readonly string[];
  readonly allowedTenants: ReadonlySet<string>;
  readonly requiredScope: string;
}

interface EntraClaims extends JWTPayload {
  readonly tid?: string;
  readonly oid?: string;
  readonly scp?: string;
}

/**
 * Microsoft 365 mode: the caller's Entra access token for Tandem's API, checked with jose against the tenant's
 * keys (signature), issuer, audience, expiry (5 minutes of skew), tenant and the `access_as_user` scope. The
 * token itself is kept as the assertion for on-behalf-of Graph calls made while serving this request. A verified
 * token is not checked again until it expires (VerifiedTokens): a key Entra withdraws meanwhile stops new
 * tokens, not one already verified, which stays a bearer token until its expiry as everywhere else.
 */
export class EntraAuthenticator implements Authenticator {
  private readonly keys: JWTVerifyGetKey;

  constructor(
    private readonly options: EntraAuthenticatorOptions,
    private readonly verified = new VerifiedTokens<Caller>(),
  ) {
    this.keys = createRemoteJWKSet(new URL(options.jwksUri));
  }

  async authenticate(token: string | undefined): Promise<Caller> {
    if (!token) throw new UnauthenticatedError('missing bearer token');
    const known = this.verified.get(token);
    if (known) return known;
    let claims: EntraClaims;
    try {
      ({ payload: claims } = await jwtVerify<EntraClaims>(token, this.keys, {
        issuer: [...this.options.issuers],
        audience: [...this.options.audiences],
        algorithms: ['RS256'],
        clockTolerance: 300,
      }));
    } catch (error) {
      if (error instanceof errors.JWTExpired) throw new UnauthenticatedError('token expired');
      // Entra's keys out of reach (timed out, refused, an error answer): nothing is wrong with the token.
      if (error instanceof errors.JWKSTimeout || !(error instanceof errors.JOSEError)) {
        throw new AuthenticationUnavailableError(
          `the sign-in keys could not be fetched (${error instanceof Error ? error.message : String(error)})`,
        );
      }
      throw new UnauthenticatedError(`invalid token (${error.code})`);
    }
    if (!claims.tid || !this.options.allowedTenants.has(claims.tid))
      throw new UnauthenticatedError('tenant not allowed');
    if (!(claims.scp ?? '').split(' ').includes(this.options.requiredScope)) {
      throw new UnauthenticatedError(`token lacks the ${this.options.requiredScope} scope`);
    }
    if (!claims.oid) throw new UnauthenticatedError('token has no user (oid)');
    const caller = { userId: claims.oid, assertion: token };
    // Kept until its `exp` only, without the 5 minutes of skew jose allows: then verified afresh.
    this.verified.set(token, caller, claims.exp);
    return caller;
  }
}
