// The names and versions extracted rows carry, so a researcher can tell which extractor wrote a
// row and re-run or filter by it. Raise a version when its extractor's output changes.
export interface ExtractorName {
  readonly name: string;
  readonly version: string;
}

export const EXTRACTORS = {
  /** Actors and their mentions. */
  entityLinker: { name: 'entity-linker', version: '2.0.0' },
  /** The sources quotes are attributed to. */
  attribution: { name: 'attribution', version: '2.1.0' },
  /** Direct quotes and paraphrases. */
  quoteFinder: { name: 'quote-finder', version: '2.0.0' },
} as const satisfies Record<string, ExtractorName>;
