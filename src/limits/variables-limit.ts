// The size and nesting of a request's variables, measured before GraphQL coerces them (coercion
// walks every value: a 12 MB variables object once kept the server busy for 7.5 s). The walk stops
// as soon as a limit is passed, so an oversized object costs no more than one at the limit.
import { QueryLimitError } from './query-limit-error';

export interface VariablesLimits {
  /** Bytes of the variables written as JSON, in UTF-8 (escapes inside strings count as one character). */
  readonly maxVariablesBytes: number;
  /** Objects and arrays nested in one another, the variables object itself included. */
  readonly maxVariablesDepth: number;
}

function scalarBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8') + 2;
  if (typeof value === 'number' || typeof value === 'bigint') return String(value).length;
  if (value === true) return 4;
  if (value === false) return 5;
  return 4; // null
}

/** Throws the variables refusal when the variables are larger or deeper than the limits allow. */
export function checkVariables(variables: unknown, limits: VariablesLimits): void {
  if (variables === null || variables === undefined) return;
  let bytes = 0;
  const add = (count: number): void => {
    bytes += count;
    if (bytes > limits.maxVariablesBytes)
      throw new QueryLimitError(
        'variables',
        `the variables are larger than the limit of ${limits.maxVariablesBytes} bytes (as JSON)`,
      );
  };
  const visit = (value: unknown, depth: number): void => {
    if (value === null || typeof value !== 'object') return add(scalarBytes(value));
    if (depth > limits.maxVariablesDepth)
      throw new QueryLimitError(
        'variables',
        `the variables nest objects and lists deeper than the limit of ${limits.maxVariablesDepth} levels`,
      );
    // The opening bracket; then each item brings a comma, the last the closing bracket instead.
    add(1);
    let items = 0;
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) {
        items += 1;
        add(1);
        visit(item, depth + 1);
      }
    } else {
      // for…in, not Object.entries: an object of a million keys is not copied before the walk stops.
      for (const key in value) {
        if (!Object.hasOwn(value, key)) continue;
        items += 1;
        add(Buffer.byteLength(key, 'utf8') + 4); // its quotes, the colon, the comma
        visit((value as Record<string, unknown>)[key], depth + 1);
      }
    }
    if (items === 0) add(1);
  };
  visit(variables, 1);
}
