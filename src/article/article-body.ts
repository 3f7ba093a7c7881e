// What an article body is: the one normalisation every import and the seed apply before hashing
// and storing, so that offsets always refer to the stored text.
import { createHash } from 'node:crypto';

export class InvalidBodyError extends Error {
  override name = 'InvalidBodyError';
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// C0 controls other than tab, line feed and carriage return (which becomes a line feed).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/u;

/**
 * Unicode NFC, CRLF and CR to LF, white space trimmed at the end of every line and of the body.
 * NUL and other control characters are refused rather than silently dropped.
 */
export function normaliseBody(raw: string): string {
  const control = FORBIDDEN_CONTROL.exec(raw);
  if (control) {
    const codePoint = control[0].codePointAt(0) ?? 0;
    throw new InvalidBodyError(
      `contains the control character U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`,
    );
  }
  if (LONE_SURROGATE.test(raw)) throw new InvalidBodyError('contains a lone surrogate: it is not valid Unicode text');
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[^\S\n]+$/gmu, '')
    .trimEnd();
}

/** sha256 of the normalised body, hex: the identity of an article without a URL. */
export function contentHashOf(normalisedBody: string): string {
  return createHash('sha256').update(normalisedBody, 'utf8').digest('hex');
}
