// How re-extraction decides, for one kind of row of one article, what stays, what goes and what is
// new: a pure diff, so that running it twice changes nothing the second time.
//
// A stored EXTRACTED row equal to a fresh one (same signature: every column the extractor writes)
// is kept as it is. A fresh row that equals none, but overlaps a row curated work rests on (a
// MANUAL row, or an EXTRACTED row a curated row links to), is that row: the curator's word stands
// and no duplicate is inserted. Every other fresh row is new; every other stored EXTRACTED row goes.

export interface StoredRow {
  readonly id: string;
  readonly manual: boolean;
  /** An EXTRACTED row that curated work links to: kept even when extraction no longer finds it. */
  readonly linked: boolean;
  /** Only compared between rows of one kind; MANUAL rows need none. */
  readonly signature: string;
  readonly start: number | null;
  readonly end: number | null;
}

export interface FreshRow {
  readonly signature: string;
  readonly start: number | null;
  readonly end: number | null;
}

export interface RowDiff {
  /** For each fresh row, in order: the stored row that stands for it, or null when it is to be inserted. */
  readonly standsFor: readonly (string | null)[];
  /** Stored EXTRACTED rows to delete. */
  readonly removed: readonly string[];
  /** Stored rows left as they are, MANUAL ones included. */
  readonly kept: number;
  /** Of those, EXTRACTED rows extraction no longer finds, kept because curated work links them. */
  readonly keptLinked: number;
}

function overlaps(a: { start: number | null; end: number | null }, b: { start: number | null; end: number | null }) {
  return a.start !== null && a.end !== null && b.start !== null && b.end !== null && a.start < b.end && b.start < a.end;
}

/** The columns an extractor writes, as one comparable string; confidences as stored (3 decimals). */
export function signatureOf(...columns: readonly (string | number | null | undefined)[]): string {
  return JSON.stringify(columns.map((column) => column ?? null));
}

export function roundedConfidence(confidence: number | null): number | null {
  return confidence === null ? null : Math.round(confidence * 1000);
}

export function diffRows(stored: readonly StoredRow[], fresh: readonly FreshRow[]): RowDiff {
  const unclaimed = new Map<string, string[]>();
  for (const row of stored) {
    if (!row.manual) unclaimed.set(row.signature, [...(unclaimed.get(row.signature) ?? []), row.id]);
  }
  const claimed = new Set<string>();
  const standsFor = fresh.map((row) => {
    const id = unclaimed.get(row.signature)?.shift() ?? null;
    if (id) claimed.add(id);
    return id;
  });
  const curated = stored.filter((row) => row.manual || (row.linked && !claimed.has(row.id)));
  const resolved = standsFor.map((id, i) => id ?? curated.find((row) => overlaps(row, fresh[i]))?.id ?? null);
  const removed = stored.filter((row) => !row.manual && !row.linked && !claimed.has(row.id)).map((row) => row.id);
  return {
    standsFor: resolved,
    removed,
    kept: stored.length - removed.length,
    keptLinked: stored.filter((row) => !row.manual && row.linked && !claimed.has(row.id)).length,
  };
}
