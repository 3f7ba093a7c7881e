// Scores the pure pipeline's actors on the Wikinews corpus as score_entities.py scores the server:
// mentions, kinds, and clustering within and across articles, with actors linked across articles.
import type { ActorRegistry } from './actor-registry';
import { clusteringScores, clusterMisses, type PairScore } from './clustering.scorer';
import { emptyEntityTally, type EntityTally, scoreArticleEntities } from './entity.scorer';
import type { Misses } from './misses';
import { predictArticle } from './pipeline.predictor';
import type { PredictionsWriter } from './predictions.writer';
import { readWikinews } from './wikinews.reader';

export interface WikinewsResult {
  readonly articles: number;
  readonly tally: EntityTally;
  readonly clustering: { within: PairScore; across: PairScore; all: PairScore };
}

export function evaluateWikinews(
  folder: string,
  registry: ActorRegistry,
  misses: Misses,
  writer: PredictionsWriter,
): WikinewsResult {
  const tally = emptyEntityTally();
  let articles = 0;
  for (const article of readWikinews(folder)) {
    const prediction = predictArticle(article.body, registry);
    writer.mentions(article.id, prediction);
    if (!article.mentions) continue;
    articles += 1;
    scoreArticleEntities(article.id, article.mentions, prediction.mentions, tally, misses);
  }
  clusterMisses(tally.items, misses);
  return { articles, tally, clustering: clusteringScores(tally.items) };
}
