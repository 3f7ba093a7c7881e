// The hand-annotation format of the example corpus (../shared/corpus/*.gold.json), read as is.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ActorKind } from '../actor/actor.entity';
import type { QuoteKind } from '../quote/quote.entity';
import type { Position } from '../stance/stance.entity';

type Range = [number, number];

export interface GoldArticle {
  article: { file: string; title: string; reportedBy?: string; language?: string; publishedAt: string | null };
  quotes: { id: string; span: Range; speaker: string; cue?: string; text: string; kind: keyof typeof QuoteKind }[];
  sources: {
    id: string;
    anonymous: boolean;
    actor?: string;
    affiliation: string | null;
    role?: string;
    descriptor: string;
    span: Range;
  }[];
  actors: {
    id: string;
    kind: keyof typeof ActorKind;
    name: string;
    aliases: string[];
    roles?: string[];
    affiliation?: string;
    memberOf?: string[];
  }[];
  policyQuestions: {
    id: string;
    slug: string;
    text: string;
    stances: { position: keyof typeof Position; evidence: Range | null; source: string; note?: string }[];
  }[];
}

export interface GoldDocument {
  readonly gold: GoldArticle;
  /** The article text exactly as annotated. */
  readonly text: string;
}

/** Reads `<name>.gold.json` and the text file it names from `folder`. */
export function readGoldDocument(folder: string, name: string): GoldDocument {
  const gold = JSON.parse(readFileSync(path.join(folder, `${name}.gold.json`), 'utf8')) as GoldArticle;
  const text = readFileSync(path.join(folder, gold.article.file), 'utf8');
  return { gold, text };
}
