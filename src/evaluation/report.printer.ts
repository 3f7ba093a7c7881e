// Prints the evaluation: every figure with the counts behind it, so that each can be checked
// against the judges' output, and the examples kept for `--misses N`.
import { accuracyByMethod, calibrationBands, MIN_BAND_SIZE } from './calibration.scorer';
import type { PairScore } from './clustering.scorer';
import { precisionRecall, ratio } from './judge-text';
import type { Misses } from './misses';
import type { PolnearResult } from './polnear.evaluator';
import type { Count } from './quote.scorer';
import type { WikinewsResult } from './wikinews.evaluator';

const f = (x: number) => x.toFixed(3);
const share = (c: Count) => `${f(ratio(c.right, c.scored))} (${c.right}/${c.scored})`;
const sum = (...counts: Count[]): Count => ({
  right: counts.reduce((n, c) => n + c.right, 0),
  scored: counts.reduce((n, c) => n + c.scored, 0),
});

function printCalibration(result: PolnearResult): void {
  console.log(`  calibration (attribution confidence in bands of 0.1; judged where a band holds >= ${MIN_BAND_SIZE}):`);
  for (const band of calibrationBands(result.tally.attributions)) {
    const verdict =
      band.calibrated === null ? 'too few to judge' : band.calibrated ? 'within 0.1: yes' : 'within 0.1: NO';
    console.log(
      `    ${band.low.toFixed(1)}-${(band.low + 0.1).toFixed(1)}: ${String(band.count).padStart(4)} attributions, ${f(band.shareRight)} right, mean confidence ${f(band.meanConfidence)}; ${verdict}`,
    );
  }
  const methods = accuracyByMethod(result.tally.attributions);
  console.log(
    `  share right by attribution method: ${methods.map((m) => `${m.method} ${f(m.shareRight)} of ${m.count} (confidence ${m.confidences.join('/')})`).join('; ')}`,
  );
}

export function printPolnear(folder: string, result: PolnearResult): void {
  const { tally } = result;
  const quotes = precisionRecall(
    tally.truePositives,
    tally.truePositives + tally.falsePositives,
    tally.truePositives + tally.falseNegatives,
  );
  const { named, described } = tally.speakers;
  console.log(`${folder}: ${result.articles} articles (PolNeAR, rules of score.py)`);
  console.log(
    `  direct quotes: precision ${f(quotes.precision)}, recall ${f(quotes.recall)}, F1 ${f(quotes.f1)}  (tp ${tally.truePositives}, fp ${tally.falsePositives}, fn ${tally.falseNegatives})`,
  );
  console.log(
    `  speaker accuracy: ${share(sum(named, described))}; named ${share(named)}, described ${share(described)}`,
  );
  console.log(
    `  pronoun speaker accuracy: ${result.referents ? share(tally.pronouns) : 'no speaker-referents.jsonl in the folder'}`,
  );
  const { NAMED, ANONYMOUS } = tally.sources;
  console.log(
    `  source precision: ${share(sum(NAMED, ANONYMOUS))}; named ${share(NAMED)}, anonymous ${share(ANONYMOUS)}`,
  );
  printCalibration(result);
}

const pairLine = (name: string, c: PairScore) =>
  `  clustering ${name}: precision ${f(c.precision)}, recall ${f(c.recall)}, F1 ${f(c.f1)}  (pairs: predicted ${c.predictedPairs}, gold ${c.goldPairs}, both ${c.bothPairs})`;

export function printWikinews(folder: string, result: WikinewsResult): void {
  const { tally } = result;
  const detection = precisionRecall(tally.matched, tally.matched + tally.falsePositives, tally.required);
  console.log(`${folder}: ${result.articles} articles (GUM entities, rules of score_entities.py)`);
  console.log(
    `  actor mentions: precision ${f(detection.precision)}, recall ${f(detection.recall)}, F1 ${f(detection.f1)}  (matched ${tally.matched} of ${tally.required} required; predicted ${tally.predicted}: false ${tally.falsePositives}, ignored ${tally.ignored})`,
  );
  console.log(`  kind accuracy: ${share({ right: tally.kindRight, scored: tally.matched })}`);
  console.log(pairLine('within articles', result.clustering.within));
  console.log(pairLine('across articles', result.clustering.across));
  console.log(pairLine('overall', result.clustering.all));
}

export function printSpeed(cost: { microseconds: number; articles: number; firstMicroseconds: number }): void {
  const seconds = cost.microseconds / 1e6;
  const warm = (cost.articles - 1) / ((cost.microseconds - cost.firstMicroseconds) / 1e6);
  console.log(
    `extraction speed: ${cost.articles} articles in ${seconds.toFixed(2)} CPU-seconds of extractArticle: ${(cost.articles / seconds).toFixed(0)} articles per CPU-second (${warm.toFixed(0)} after the first, which loads the gazetteers and models)`,
  );
}

export function printMisses(misses: Misses): void {
  for (const [kind, count] of misses.counts) {
    console.log(`\n${kind}: ${count}`);
    for (const example of misses.examples.get(kind) ?? []) console.log(`  ${example}`);
  }
}
