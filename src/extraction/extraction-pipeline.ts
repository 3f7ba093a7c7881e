// Extraction on import: small extractors behind one interface, run in the import's transaction.
// Each records its name and version on what it writes (origin EXTRACTED).
import type { EntityManager } from 'typeorm';
import type { Article } from '../article/article.entity';

export interface ExtractionCounts {
  quotes: number;
  sources: number;
  mentions: number;
  newActors: number;
}

export interface Extractor {
  readonly name: string;
  readonly version: string;
  /** Writes what it finds in `article` through `db` (the import transaction) and counts it. */
  extract(db: EntityManager, article: Article): Promise<Partial<ExtractionCounts>>;
}

export class ExtractionPipeline {
  constructor(readonly extractors: readonly Extractor[]) {}

  async run(db: EntityManager, article: Article): Promise<ExtractionCounts> {
    const total: ExtractionCounts = { quotes: 0, sources: 0, mentions: 0, newActors: 0 };
    for (const extractor of this.extractors) {
      const counts = await extractor.extract(db, article);
      for (const key of Object.keys(total) as (keyof ExtractionCounts)[]) total[key] += counts[key] ?? 0;
    }
    return total;
  }
}

/** The extractors an import runs. None is registered yet: a report of zeros is the truth. */
export const defaultExtractionPipeline = new ExtractionPipeline([]);
