import { ConflictError, ValidationError } from '../errors';
import { LIMITS } from '../contract/limits';

/** Trimmed user text within bounds; the field name goes into the error so the client can point at it. */
export function requiredText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (text.length === 0) throw new ValidationError('must not be empty', field);
  if (text.length > max) throw new ValidationError(`must be at most ${max} characters`, field);
  return text;
}

export function optionalText(value: string | undefined, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text.length > max) throw new ValidationError(`must be at most ${max} characters`, field);
  return text.length > 0 ? text : undefined;
}

export function assertDate(value: string, field: string): void {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new ValidationError('must be a date YYYY-MM-DD', field);
  }
  if (new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new ValidationError('is not a real calendar date', field);
  }
}

export function assertScore(value: number, field: string): asserts value is 1 | 2 | 3 | 4 | 5 {
  if (!Number.isInteger(value) || value < 1 || value > 5)
    throw new ValidationError('must be a whole number from 1 to 5', field);
}

/** The last guard on growth: a document that would exceed LIMITS.documentBytes is not written. */
export function assertDocumentSize(doc: unknown, what: string): void {
  const bytes = new TextEncoder().encode(JSON.stringify(doc)).length;
  if (bytes > LIMITS.documentBytes) {
    throw new ConflictError(`${what} is full: at most ${LIMITS.documentBytes} bytes of text`, 'body');
  }
}
