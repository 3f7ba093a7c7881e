// Lookups by position in lists kept in the text's order (tokens, entities, mentions, quotations):
// a binary search instead of a scan, so that an extractor asking once per quote or per name
// stays linear in the article, not quadratic.

/**
 * The index of the first item `before` rejects, where `before` accepts a prefix of the list and
 * rejects the rest (`items.length` when it accepts every item).
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (before(items[mid])) low = mid + 1;
    else high = mid;
  }
  return low;
}

interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Whether one of the spans holds start…end, for spans in order and apart (the quotations of a
 * text): only the last one starting at or before `start` can.
 */
export function insideOneOf(spans: readonly Span[], start: number, end: number): boolean {
  const last = partitionPoint(spans, (s) => s.start <= start) - 1;
  return last >= 0 && end <= spans[last].end;
}

/**
 * Whether one of the spans overlaps start…end, for spans in order and apart: only the first one
 * ending after `start` can.
 */
export function overlapsOneOf(spans: readonly Span[], start: number, end: number): boolean {
  const first = spans[partitionPoint(spans, (s) => s.end <= start)];
  return first !== undefined && first.start < end;
}

/**
 * The items that start within start…end (both included), for items in order of their start: the
 * only ones that can lie inside that span.
 */
export function startingWithin<T extends Span>(items: readonly T[], start: number, end: number): T[] {
  const from = partitionPoint(items, (item) => item.start < start);
  const to = partitionPoint(items, (item) => item.start <= end);
  return items.slice(from, Math.max(from, to));
}

/** Whether any of a set of spans overlaps a span, in a binary search: by start, with the furthest end so far. */
export class OverlapIndex {
  private readonly starts: number[] = [];
  private readonly furthest: number[] = [];

  constructor(spans: readonly Span[]) {
    let furthest = -Infinity;
    for (const span of [...spans].sort((a, b) => a.start - b.start)) {
      furthest = Math.max(furthest, span.end);
      this.starts.push(span.start);
      this.furthest.push(furthest);
    }
  }

  overlaps(start: number, end: number): boolean {
    // The spans that start before `end` are the first `before`; one overlaps when one ends after `start`.
    const before = partitionPoint(this.starts, (s) => s < end);
    return before > 0 && this.furthest[before - 1] > start;
  }
}
