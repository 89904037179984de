import { useCallback } from 'react';
import type { MessageId } from '../../core/i18n/messages';
import { ApiError, FALLBACK } from '../api/api-error';
import { useT } from './intl';

/**
 * The catalog message for a failure: a refusal from the service by its problem code (else its type), a
 * request that never reached the service, or the general one. Never the service's own English detail, and
 * never a browser's or a host's English message.
 */
export function errorMessageId(error: unknown): MessageId {
  if (error instanceof ApiError) return error.said.id;
  // fetch rejects with a TypeError when the network or the service is down.
  if (error instanceof TypeError) return 'problem.unreachable';
  return FALLBACK.id;
}

/** `errorText(e)`: what to show for a failure, in the reader's language. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useT();
  return useCallback((error: unknown) => t(errorMessageId(error)), [t]);
}
