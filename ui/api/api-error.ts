import { PROBLEM_CODES, type ProblemCode } from '../../core/errors';
import { problemType, type ProblemType } from '../../core/contract/problem';
import type { MessageId } from '../../core/i18n/messages';
import { englishTranslator } from '../i18n/english';
import type { ProblemBody } from './types';

/** Something the person can do about a refusal, offered beside its sentence. */
export type ProblemAction = 'add-to-next' | 'open-existing' | 'create-anyway' | 'reload';

export interface Said {
  /** The catalog message people read, in their language (`useErrorText`, ui/i18n/use-error-text.ts). */
  readonly id: MessageId;
  /** The same in English: the Error's message, for logs and developers. */
  readonly text: string;
  readonly action?: ProblemAction;
}

/** `text` is formatted when first read (an error's message), not for every sentence as the page starts. */
const said = (id: MessageId, action?: ProblemAction): Said => ({
  id,
  get text() {
    return englishTranslator().t(id);
  },
  ...(action && { action }),
});

/**
 * Every problem `code` the service sends, in people's words: never an API field name. A test checks that
 * each of core's codes has one.
 */
export const CODE_SENTENCES: Readonly<Record<ProblemCode, Said>> = {
  'session-ended': said('problem.code.session-ended', 'add-to-next'),
  'session-not-started': said('problem.code.session-not-started'),
  'session-skipped': said('problem.code.session-skipped', 'add-to-next'),
  'session-cancelled': said('problem.code.session-cancelled', 'add-to-next'),
  'reopen-expired': said('problem.code.reopen-expired'),
  'pair-archived': said('problem.code.pair-archived'),
  'duplicate-pair': said('problem.code.duplicate-pair', 'open-existing'),
  'not-invited': said('problem.code.not-invited'),
  'title-too-long': said('problem.code.title-too-long'),
  'skip-not-undoable': said('problem.code.skip-not-undoable'),
  'report-owns-plan': said('problem.code.report-owns-plan'),
};

/** When a problem has no code of its own: one sentence per broad kind. */
export const TYPE_SENTENCES: Readonly<Record<ProblemType, Said>> = {
  validation: said('problem.type.validation'),
  unauthenticated: said('problem.type.unauthenticated', 'reload'),
  forbidden: said('problem.type.forbidden'),
  'not-found': said('problem.type.not-found', 'reload'),
  'method-not-allowed': said('problem.type.method-not-allowed'),
  conflict: said('problem.type.conflict', 'reload'),
  'too-large': said('problem.type.too-large'),
  'unsupported-media-type': said('problem.type.unsupported-media-type', 'reload'),
  busy: said('problem.type.busy'),
  'graph-unavailable': said('problem.type.graph-unavailable'),
  'graph-error': said('problem.type.graph-error'),
  internal: said('problem.type.internal'),
  'sign-in-unavailable': said('problem.type.sign-in-unavailable'),
  'rate-limited': said('problem.type.rate-limited'),
  'too-many-streams': said('problem.type.too-many-streams', 'reload'),
  'foreign-host': said('problem.type.foreign-host'),
};

export const FALLBACK: Said = said('problem.fallback');

/** What to tell people about a problem: its code's sentence, else its type's. */
export function sayProblem(problem: Pick<ProblemBody, 'type' | 'code'>): Said {
  if (problem.code && (PROBLEM_CODES as readonly string[]).includes(problem.code))
    return CODE_SENTENCES[problem.code as ProblemCode];
  const type = problemType(problem);
  return (type && TYPE_SENTENCES[type]) ?? FALLBACK;
}

/** A failed API call: the problem the service sent, or a stand-in when the body was not one. */
export class ApiError extends Error {
  /** What to tell people, and what they can do about it. */
  readonly said: Said;

  constructor(readonly problem: ProblemBody) {
    const said = sayProblem(problem);
    // People read `said.id` in their language; the message is the same in English, for logs.
    super(said.text);
    this.name = 'ApiError';
    this.said = said;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string | undefined {
    return this.problem.code;
  }

  /** A stale revision: `current` holds what is stored now, so nobody's text is dropped. */
  get isConflict(): boolean {
    return this.problem.status === 409;
  }
}

export async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as Partial<ProblemBody>;
    if (typeof body.title === 'string') return new ApiError({ ...body, status: response.status } as ProblemBody);
  } catch {
    // Not JSON: fall through.
  }
  return new ApiError({ type: 'about:blank', title: response.statusText || 'Request failed', status: response.status });
}
