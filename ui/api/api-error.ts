import { PROBLEM_CODES, type ProblemCode } from '../../core/errors';
import { PROBLEM_TYPES, problemType, type ProblemType } from '../../core/contract/problem';
import type { ProblemBody } from './types';

/** Something the person can do about a refusal, offered beside its sentence. */
export type ProblemAction = 'add-to-next' | 'open-existing' | 'create-anyway' | 'reload';

export interface Said {
  readonly text: string;
  readonly action?: ProblemAction;
}

/**
 * Every problem `code` the service sends, in people's words: never an API field name. A test checks that
 * each of core's codes has one.
 */
export const CODE_SENTENCES: Readonly<Record<ProblemCode, Said>> = {
  'session-ended': { text: 'This meeting has already ended. Add it to the next one?', action: 'add-to-next' },
  'session-not-started': { text: 'This meeting has not started yet, so it cannot be ended or reopened now.' },
  'session-skipped': { text: 'This meeting was skipped. Add it to the next one?', action: 'add-to-next' },
  'session-cancelled': {
    text: 'This meeting was cancelled in the calendar. Add it to the next one?',
    action: 'add-to-next',
  },
  'reopen-expired': { text: 'This meeting ended too long ago to reopen. Add what is missing to the next one.' },
  'pair-archived': { text: 'This 1:1 is archived: you can read it, but not change it.' },
  'duplicate-pair': {
    text: 'You already have a 1:1 with this person. Open the existing one, or create another anyway?',
    action: 'open-existing',
  },
  'not-invited': { text: 'That person is not invited to this meeting. Pick someone on the invitation.' },
  'title-too-long': { text: 'That title is too long. Shorten it, and put the rest in the details.' },
  'skip-not-undoable': {
    text: 'Outlook cannot bring back a skipped meeting. Move another one, or add a meeting in Outlook.',
  },
};

/** When a problem has no code of its own: one sentence per broad kind. */
export const TYPE_SENTENCES: Readonly<Record<ProblemType, Said>> = {
  validation: { text: 'Something in what you entered was not accepted. Check it and try again.' },
  unauthenticated: { text: 'You are signed out. Sign in again to continue.', action: 'reload' },
  forbidden: { text: 'Only the other person in this 1:1 can do that.' },
  'not-found': { text: 'That is no longer there. It may have been deleted.', action: 'reload' },
  'method-not-allowed': { text: 'That cannot be done here.' },
  conflict: { text: 'Someone changed this at the same time. Here is the latest; try again.', action: 'reload' },
  'too-large': { text: 'That is too long to save. Shorten it and try again.' },
  'unsupported-media-type': { text: 'That could not be sent. Reload Tandem and try again.', action: 'reload' },
  busy: { text: 'Tandem is busy right now. Try again in a moment.' },
  'graph-unavailable': { text: 'Microsoft 365 is not answering right now. Try again in a moment.' },
  'graph-error': { text: 'Microsoft 365 refused that. Try again, or ask your admin if it keeps happening.' },
  internal: { text: 'Something went wrong on our side. Try again in a moment.' },
  'sign-in-unavailable': { text: 'Sign-in is not available right now. Try again in a moment.' },
  'rate-limited': { text: 'That was a lot at once. Wait a moment and try again.' },
  'too-many-streams': { text: 'Tandem is open in too many places. Close a few tabs and reload.', action: 'reload' },
  'foreign-host': { text: 'Open Tandem from its own address to continue.' },
};

const FALLBACK: Said = { text: 'That did not work. Try again in a moment.' };

/** What to tell people about a problem: its code's sentence, else its type's. */
export function sayProblem(problem: Pick<ProblemBody, 'type' | 'code'>): Said {
  if (problem.code && (PROBLEM_CODES as readonly string[]).includes(problem.code))
    return CODE_SENTENCES[problem.code as ProblemCode];
  const type = problemType(problem);
  return (type && TYPE_SENTENCES[type]) ?? FALLBACK;
}

/** Every sentence the UI may show for a problem (tests check none names an API field). */
export function allSentences(): string[] {
  return [...Object.values(CODE_SENTENCES), ...PROBLEM_TYPES.map((t) => TYPE_SENTENCES[t]), FALLBACK].map(
    (s) => s.text,
  );
}

/** A failed API call: the problem the service sent, or a stand-in when the body was not one. */
export class ApiError extends Error {
  /** What to tell people, and what they can do about it. */
  readonly said: Said;

  constructor(readonly problem: ProblemBody) {
    const said = sayProblem(problem);
    // The message is what people see wherever an error is shown: their words, never the API's fields.
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
