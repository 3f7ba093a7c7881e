// Scores the pure pipeline on a PolNeAR split as score.py scores the server: quotes, speakers,
// pronoun referents (speaker-referents.jsonl beside the split, when there), sources, calibration.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ActorRegistry } from './actor-registry';
import type { Misses } from './misses';
import type { PredictionsWriter } from './predictions.writer';
import { predictArticle } from './pipeline.predictor';
import { readPolnearGold, readSpeakerReferents } from './polnear-gold.reader';
import { emptyQuoteTally, type QuoteTally, scoreArticleQuotes } from './quote.scorer';

export interface PolnearResult {
  readonly articles: number;
  readonly referents: boolean;
  readonly tally: QuoteTally;
}

export function evaluatePolnear(
  folder: string,
  registry: ActorRegistry,
  misses: Misses,
  writer: PredictionsWriter,
): PolnearResult {
  const referentsFile = path.join(folder, 'speaker-referents.jsonl');
  const hasReferents = existsSync(referentsFile);
  const referents = hasReferents ? readSpeakerReferents(referentsFile) : new Map<string, string>();
  const tally = emptyQuoteTally();
  const articles = readPolnearGold(folder);
  for (const gold of articles) {
    const prediction = predictArticle(gold.text, registry);
    writer.quotes(gold.id, prediction);
    scoreArticleQuotes(gold, prediction, referents, tally, misses);
  }
  return { articles: articles.length, referents: hasReferents, tally };
}
