// What every curation shares: a curated row is MANUAL, and an edit of an extracted row makes it
// MANUAL while keeping which extractor first wrote it (the revision keeps the rest).
import { Origin } from './annotation';

export const CURATED = { origin: Origin.MANUAL, confidence: null } as const;

/** `undefined` means "leave as is", `null` means "clear": GraphQL's absent and null. */
export function given<T>(value: T | undefined): value is T {
  return value !== undefined;
}
