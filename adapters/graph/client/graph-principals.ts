import type { GraphTokenProvider } from '../auth/msal-token-provider';
import { KeyedConcurrencyLimiter } from './concurrency-limiter';
import { GraphHttp, type GraphApi } from './graph-http';
import type { RetryPolicy } from './middleware';

/** Who a Graph call is made as. */
export interface GraphPrincipals {
  /** Delegated as this user: only while serving a request by them (throws otherwise). */
  asUser(userId: string): GraphApi;
  /** App-only, counted against `mailbox` for the per-mailbox concurrency limit. */
  asApp(mailbox: string): GraphApi;
  /** The user whose request is being served, if any. */
  currentUser(): string | undefined;
}

export interface CurrentCaller {
  readonly userId: string;
  readonly assertion?: string;
}

export class NotServingUserError extends Error {
  override readonly name = 'NotServingUserError';
}

export interface TokenGraphPrincipalsOptions {
  readonly baseUrl: string;
  readonly tokens: GraphTokenProvider;
  readonly currentCaller: () => CurrentCaller | undefined;
  readonly retry?: RetryPolicy;
  /** Outlook's limit: 4 concurrent requests per app and mailbox. */
  readonly perMailbox?: number;
}

/**
 * Delegated calls use an on-behalf-of token for the caller of the request being served; there is no way to
 * act as anyone else, so a user's private store or calendar is reachable only from their own requests.
 */
export class TokenGraphPrincipals implements GraphPrincipals {
  private readonly limiter: KeyedConcurrencyLimiter;

  constructor(private readonly options: TokenGraphPrincipalsOptions) {
    this.limiter = new KeyedConcurrencyLimiter(options.perMailbox ?? 4);
  }

  asUser(userId: string): GraphApi {
    const caller = this.options.currentCaller();
    if (!caller || caller.userId !== userId || !caller.assertion) {
      throw new NotServingUserError(`delegated Graph access as ${userId} outside a request by that user`);
    }
    const assertion = caller.assertion;
    return this.http(userId, () => this.options.tokens.onBehalfOf(assertion));
  }

  asApp(mailbox: string): GraphApi {
    return this.http(mailbox, () => this.options.tokens.appToken());
  }

  currentUser(): string | undefined {
    return this.options.currentCaller()?.userId;
  }

  private http(mailbox: string, token: () => Promise<string>): GraphApi {
    return new GraphHttp({
      baseUrl: this.options.baseUrl,
      token,
      limiter: this.limiter,
      limiterKey: mailbox,
      ...(this.options.retry && { retry: this.options.retry }),
    });
  }
}
