import type { IncomingMessage } from 'node:http';
import { problem } from './problem';

export const MAX_BODY_BYTES = 256 * 1024;
/** What is read and thrown away after a 413, so the client can finish sending and read the answer. */
const MAX_DISCARD_BYTES = 16 * 1024 * 1024;

/**
 * The request body as text, at most `max` bytes of valid UTF-8 (a 400 otherwise, never U+FFFD stored).
 * An oversized body is refused with 413 at once, and the rest of it is read and dropped rather than
 * resetting the connection: a keep-alive client still sending would otherwise lose the answer. Past
 * MAX_DISCARD_BYTES the connection is closed.
 */
export function readBody(req: IncomingMessage, max = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length']);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    const refuse = () => {
      refused = true;
      chunks.length = 0;
      reject(tooLarge(max));
    };
    if (Number.isFinite(declared) && declared > max) refuse();
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (refused) {
        if (size > MAX_DISCARD_BYTES) req.socket.destroy();
        return;
      }
      if (size > max) return refuse();
      chunks.push(chunk);
    });
    req.on('error', (error) => {
      if (!refused) reject(error);
    });
    req.on('end', () => {
      if (refused) return;
      try {
        resolve(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks)));
      } catch {
        reject(
          problem(400, 'validation', 'The request body is not valid UTF-8', {
            errors: [{ field: 'body', reason: 'is not valid UTF-8' }],
          }),
        );
      }
    });
  });
}

function tooLarge(max: number) {
  return problem(413, 'too-large', 'The request body is too large', {
    detail: `at most ${max} bytes`,
    errors: [{ field: 'body', reason: `must be at most ${max} bytes` }],
  });
}
