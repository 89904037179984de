import type { Next, Request, Response, Server } from 'restify';
import type { Clock } from '../../core/clock';
import type { Caller } from '../auth/authenticator';
import type { RateLimitConfig } from '../config';
import { hostCheck } from './host-check';
import { sendProblem, toProblem } from './problem';
import { RateLimiter } from './rate-limit';
import { securityHeaders } from './security-headers';

export interface RequestGuards {
  /** Called once a request is authenticated: the per-user rate limit. */
  readonly authenticated: (caller: Caller) => void;
}

/**
 * What runs before any route, static file or event stream: the security headers, embedded mode's Host
 * check, and the per-address rate limit on the API (tighter on dev tokens). The per-user limit runs once
 * the caller is known.
 */
export function installRequestGuards(
  server: Server,
  options: {
    readonly mode: 'embedded' | 'm365';
    /** Embedded mode bound to loopback: check the Host header. */
    readonly checkHost: boolean;
    readonly limits: RateLimitConfig;
    readonly clock: Clock;
  },
): RequestGuards {
  const headers = securityHeaders(options.mode);
  // The port is known once the server listens (0 before) and never changes: read once, not a system call per
  // request (a twentieth of the service's CPU under load, in a profile of the bench).
  let port = 0;
  const localHost = hostCheck(() => {
    if (port === 0) {
      const address = server.address();
      port = typeof address === 'object' && address ? address.port : 0;
    }
    return port;
  });
  const perAddress = new RateLimiter(options.limits.addressPerMinute, options.clock, 'requests');
  const devTokens = new RateLimiter(options.limits.devTokensPerMinute, options.clock, 'dev tokens');
  const perUser = new RateLimiter(options.limits.userPerMinute, options.clock, 'requests');
  server.pre((req: Request, res: Response, next: Next) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    headers(pathname, res);
    if (options.checkHost && !localHost(req, res)) return next(false);
    if (pathname.startsWith('/api/')) {
      const address = req.socket.remoteAddress ?? 'unknown';
      try {
        perAddress.take(address);
        if (pathname === '/api/dev/token') devTokens.take(address);
      } catch (error) {
        sendProblem(res, toProblem(error));
        return next(false);
      }
    }
    return next();
  });
  return { authenticated: (caller) => perUser.take(caller.userId) };
}
