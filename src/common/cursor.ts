// Opaque cursors: base64url of the JSON array of the row's sort-key values, as PostgreSQL wrote
// them as text (so timestamps keep their microseconds).
import { AppError } from '../errors/app-error';

export function encodeCursor(values: readonly string[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, expectedLength: number, field = 'after'): string[] {
  let values: unknown;
  try {
    values = /^[A-Za-z0-9_-]+$/.test(cursor)
      ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
      : undefined;
  } catch {
    values = undefined;
  }
  if (!Array.isArray(values) || values.length !== expectedLength || !values.every((v) => typeof v === 'string')) {
    throw AppError.badInput(`${field} is not a cursor of this list`, field);
  }
  return values;
}
