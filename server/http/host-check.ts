import type { IncomingMessage, ServerResponse } from 'node:http';
import { problem, sendProblem } from './problem';

/**
 * Embedded mode answers only requests addressed to this machine by name: `localhost`, `127.0.0.1` or
 * `[::1]` with the port it listens on. A page on another site that re-points its own name at 127.0.0.1
 * (DNS rebinding) sends its own name as Host, and a local reverse proxy or tunnel forwards a foreign one:
 * both are refused before any route, static file or event stream runs.
 */
export function hostCheck(port: () => number) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    if (isLocalHost(req.headers.host, port())) return true;
    sendProblem(
      res,
      problem(421, 'foreign-host', 'This service answers on this machine only', {
        detail:
          'Embedded mode accepts Host localhost, 127.0.0.1 or [::1] with its port; use Microsoft 365 mode to serve others',
        errors: [{ field: 'host', reason: 'must be localhost, 127.0.0.1 or [::1] with the service port' }],
      }),
    );
    return false;
  };
}

export function isLocalHost(host: string | undefined, port: number): boolean {
  if (!host) return false;
  const match = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/i.exec(host);
  if (!match) return false;
  // Browsers leave out the default port.
  return match[2] === undefined ? port === 80 : Number(match[2]) === port;
}
