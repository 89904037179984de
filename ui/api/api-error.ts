import type { ProblemBody } from './types';

/** A failed API call: the problem the service sent, or a stand-in when the body was not one. */
export class ApiError extends Error {
  constructor(readonly problem: ProblemBody) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
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
