import { createHash } from 'node:crypto';

/**
 * The strong ETag of a JSON answer's text: what `etag: true` routes send, and what an answer carrying another
 * route's value names it by, so a client's later If-None-Match to that route matches.
 */
export function strongEtag(text: string): string {
  return `"${createHash('sha256').update(text).digest('base64url').slice(0, 27)}"`;
}
