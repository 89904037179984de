/**
 * Errors the use-cases raise; the service maps each to one HTTP status and a stable problem type.
 * An outsider always gets NotFoundError, exactly as for a pair that does not exist.
 */
export class DomainError extends Error {
  /** A stable reason clients branch on to say it in people's words (e.g. `session-ended`). */
  code?: ProblemCode;

  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }

  withCode(code: ProblemCode): this {
    this.code = code;
    return this;
  }
}

/**
 * Reasons worth a sentence of their own in the UI (problem member `code`); the problem `type` stays the
 * broad class (conflict, validation, …).
 */
export const PROBLEM_CODES = [
  'session-ended',
  'session-not-started',
  'session-skipped',
  'session-cancelled',
  'reopen-expired',
  'pair-archived',
  'duplicate-pair',
  'not-invited',
  'title-too-long',
  'skip-not-undoable',
  'report-owns-plan',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** Input that breaks a rule (HTTP 400/422 at the edge). */
export class ValidationError extends DomainError {
  override readonly name = 'ValidationError';
}

export class NotFoundError extends DomainError {
  override readonly name = 'NotFoundError';
}

/** A member of the pair asked for something only the other role (or the author) may do. */
export class ForbiddenError extends DomainError {
  override readonly name = 'ForbiddenError';
}

/** The request clashes with the current state (a stale revision, a reused id, a held session). */
export class ConflictError extends DomainError {
  override readonly name = 'ConflictError';
  constructor(
    message: string,
    field?: string,
    readonly current?: unknown,
  ) {
    super(message, field);
  }
}

/**
 * A service behind an adapter (Microsoft Graph, the Bot Connector) refused or failed: the HTTP status, its
 * code, and the id its support asks for. Adapters throw subclasses; the edge maps them without knowing which.
 */
export class UpstreamError extends Error {
  constructor(
    message: string,
    readonly service: string,
    readonly status: number,
    readonly code: string,
    readonly requestId: string | undefined,
  ) {
    super(message);
  }

  /** Throttled or unavailable even after the adapter's bounded retries. */
  get transient(): boolean {
    return this.status === 429 || this.status === 503 || this.status === 504 || this.status === 0;
  }
}

/** Optimistic concurrency gave up after its bounded retries. */
export class ContentionError extends DomainError {
  override readonly name = 'ContentionError';
}

/** Making an event a 1:1 with someone the event does not invite (a calendar adapter decides). */
export function notInvited(): ValidationError {
  return new ValidationError('is not invited to this event', 'reportId').withCode('not-invited');
}
