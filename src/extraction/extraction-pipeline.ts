// Extraction on import: small extractors behind one interface, run in the import's transaction
// over one shared draft of the article. Each records its name and version on what it writes
// (origin EXTRACTED, with a confidence).
import type { EntityManager } from 'typeorm';
import type { Article } from '../article/article.entity';
import { Origin } from '../common/annotation';
import { codePointIndexer } from '../common/code-points';
import { recordCreated, type RevisedType } from '../revision/revision.service';
import { type ArticleDraft, extractArticle } from './extract-article';

export interface ExtractionCounts {
  quotes: number;
  sources: number;
  mentions: number;
  newActors: number;
}

export interface ExtractionContext {
  readonly db: EntityManager;
  readonly article: Article;
  readonly draft: ArticleDraft;
  /** Converts the draft's UTF-16 offsets to the code point offsets spans use. */
  readonly toCodePoints: (utf16Index: number) => number;
  /** Actor ids by canonical name: filled by the entity linker, read by attribution. */
  readonly actorIds: Map<string, string>;
  /** The id of each draft source once written, by its index in the draft. */
  readonly sourceIds: string[];
  /** Rows the extractors created, recorded as revisions once every extractor has run. */
  readonly created: Map<RevisedType, string[]>;
}

export interface Extractor {
  readonly name: string;
  readonly version: string;
  /** Writes what it finds through `context.db` (the import transaction) and counts it. */
  extract(context: ExtractionContext): Promise<Partial<ExtractionCounts>>;
}

export function noteCreated(context: ExtractionContext, type: RevisedType, ids: readonly string[]): void {
  context.created.set(type, [...(context.created.get(type) ?? []), ...ids]);
}

/** The provenance columns of a row an extractor writes. */
export function extractedBy(extractor: Extractor, confidence: number) {
  return { origin: Origin.EXTRACTED, extractor: extractor.name, extractorVersion: extractor.version, confidence: Math.round(confidence * 1000) / 1000 };
}

export class ExtractionPipeline {
  constructor(readonly extractors: readonly Extractor[]) {}

  async run(db: EntityManager, article: Article): Promise<ExtractionCounts> {
    const total: ExtractionCounts = { quotes: 0, sources: 0, mentions: 0, newActors: 0 };
    if (!this.extractors.length) return total;
    const context: ExtractionContext = {
      db,
      article,
      draft: extractArticle(article.body),
      toCodePoints: codePointIndexer(article.body),
      actorIds: new Map(),
      sourceIds: [],
      created: new Map(),
    };
    for (const extractor of this.extractors) {
      const counts = await extractor.extract(context);
      for (const key of Object.keys(total) as (keyof ExtractionCounts)[]) total[key] += counts[key] ?? 0;
    }
    await recordCreated(db, context.created);
    return total;
  }
}
