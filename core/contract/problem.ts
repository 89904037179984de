/**
 * The problem type (RFC 9457) every API error is sent as: the service builds it, the UI client and the
 * tests read it. Clients branch on `type`, people read `title`, and `errors` names the fields at fault.
 */
export const PROBLEM_BASE = 'https://tandem.example/problems/';

/** The stable `type` slugs; the full type is PROBLEM_BASE + slug. */
export const PROBLEM_TYPES = [
  'validation',
  'unauthenticated',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'conflict',
  'too-large',
  'unsupported-media-type',
  'busy',
  'graph-unavailable',
  'graph-error',
  'internal',
  'sign-in-unavailable',
  'rate-limited',
  'too-many-streams',
  'foreign-host',
] as const;
export type ProblemType = (typeof PROBLEM_TYPES)[number];

export function problemUri(slug: ProblemType): string {
  return PROBLEM_BASE + slug;
}

export interface FieldError {
  readonly field: string;
  readonly reason: string;
}

export interface ProblemBody {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  readonly errors?: readonly FieldError[];
  /** On a conflict: the current state, so the client can show it instead of dropping anyone's text. */
  readonly current?: unknown;
  /** When Microsoft 365 refused: the request id its support asks for. */
  readonly graphRequestId?: string;
  /** A stable reason within the type (core's `ProblemCode`), for clients to say it in people's words. */
  readonly code?: string;
}

/** The slug of a problem's type, or undefined for a type this service does not send (a proxy's, say). */
export function problemType(problem: Pick<ProblemBody, 'type'>): ProblemType | undefined {
  if (!problem.type.startsWith(PROBLEM_BASE)) return undefined;
  const slug = problem.type.slice(PROBLEM_BASE.length);
  return (PROBLEM_TYPES as readonly string[]).includes(slug) ? (slug as ProblemType) : undefined;
}
