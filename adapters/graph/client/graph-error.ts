import { UpstreamError } from '../../../core/errors';

/**
 * A Graph request that failed, with what support needs: the HTTP status, the OData error code and the
 * `request-id` Microsoft asks for when a call is investigated.
 */
export class GraphRequestError extends UpstreamError {
  override readonly name = 'GraphRequestError';

  constructor(
    status: number,
    code: string,
    message: string,
    requestId: string | undefined,
    readonly method: string,
    readonly path: string,
  ) {
    super(
      `Graph ${method} ${path} failed: ${status} ${code}: ${message}${requestId ? ` (request-id ${requestId})` : ''}`,
      'Microsoft Graph',
      status,
      code,
      requestId,
    );
  }
}

interface ODataErrorBody {
  readonly error?: {
    readonly code?: string;
    readonly message?: string;
    readonly innerError?: { 'request-id'?: string };
  };
}

export function graphErrorFrom(
  status: number,
  headers: Headers,
  bodyText: string,
  method: string,
  path: string,
): GraphRequestError {
  let body: ODataErrorBody = {};
  try {
    body = JSON.parse(bodyText) as ODataErrorBody;
  } catch {
    // Not an OData error body (a proxy's HTML page, an empty 503): keep the status.
  }
  const requestId = headers.get('request-id') ?? body.error?.innerError?.['request-id'] ?? undefined;
  return new GraphRequestError(
    status,
    body.error?.code ?? `http${status}`,
    body.error?.message ?? (bodyText.slice(0, 200) || 'no error body'),
    requestId,
    method,
    path,
  );
}
