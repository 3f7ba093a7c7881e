// score.py in TypeScript: direct quotes matched one to one, greedy by overlap (at least half the
// longer span, after trimming edge punctuation); predictions inside indirect contents ignored;
// speakers over matched gold quotes, named and described apart, pronouns through their referents;
// sources precise when they overlap an annotated Source span by half the longer span.
import { compareTuplesDescending, inside, overlap, type Span, trimSpan } from './judge-text';
import { excerpt, type Misses } from './misses';
import type { PolnearArticle } from './polnear-gold.reader';
import { referentKey } from './polnear-gold.reader';
import type { Prediction, PredictedQuote } from './pipeline.predictor';
import { isPronounSpeaker, speakerForm, speakerOk } from './speaker-match';

export interface Count {
  right: number;
  scored: number;
}

/** One scored attribution: the confidence the pipeline gave it and whether its speaker was right. */
export interface Attribution {
  readonly confidence: number;
  readonly method: string;
  readonly right: boolean;
}

export interface QuoteTally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  readonly speakers: { named: Count; described: Count };
  readonly pronouns: Count;
  readonly sources: { NAMED: Count; ANONYMOUS: Count };
  readonly attributions: Attribution[];
}

export function emptyQuoteTally(): QuoteTally {
  const count = () => ({ right: 0, scored: 0 });
  return {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    speakers: { named: count(), described: count() },
    pronouns: count(),
    sources: { NAMED: count(), ANONYMOUS: count() },
    attributions: [],
  };
}

/** Pairs (prediction, gold) in score.py's order: overlap, then the later prediction and gold first. */
function matchQuotes(predicted: readonly Span[], gold: readonly Span[]): [number, number][] {
  const pairs: [number, number, number][] = [];
  predicted.forEach((p, i) => gold.forEach((g, j) => pairs.push([overlap(p, g), i, j])));
  pairs.sort(compareTuplesDescending);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const matched: [number, number][] = [];
  for (const [share, i, j] of pairs) {
    if (share < 0.5) break;
    if (usedP.has(i) || usedG.has(j)) continue;
    usedP.add(i);
    usedG.add(j);
    matched.push([i, j]);
  }
  return matched;
}

function scoreSources(gold: PolnearArticle, prediction: Prediction, tally: QuoteTally, misses: Misses): void {
  for (const source of prediction.sources) {
    const count = tally.sources[source.anonymity];
    count.scored += 1;
    if (gold.sources.some((g) => overlap(source.span, g) >= 0.5)) count.right += 1;
    else
      misses.add(
        'fragment source',
        () => `${gold.id}: ${source.anonymity} ${excerpt(gold.text.slice(source.span[0], source.span[1]))}`,
      );
  }
}

function scoreUnmatched(
  gold: PolnearArticle,
  preds: readonly PredictedQuote[],
  matched: readonly [number, number][],
  tally: QuoteTally,
  misses: Misses,
): void {
  const usedP = new Set(matched.map(([i]) => i));
  const usedG = new Set(matched.map(([, j]) => j));
  preds.forEach((p, i) => {
    if (usedP.has(i) || gold.contents.some((c) => inside(p.span, c))) return;
    tally.falsePositives += 1;
    misses.add(
      'spurious quote',
      () => `${gold.id}: ${excerpt(gold.text.slice(...p.span))} (speaker: ${p.speaker ?? '-'})`,
    );
  });
  gold.quotes.forEach((g, j) => {
    if (usedG.has(j)) return;
    tally.falseNegatives += 1;
    misses.add(
      'missed quote',
      () => `${gold.id}: ${excerpt(gold.text.slice(...g.span))} (gold speaker: ${g.speaker ?? '-'})`,
    );
  });
}

/** A matched quote's speaker: against the gold source, or, for a pronoun, against its referent. */
function scoreSpeaker(
  gold: PolnearArticle,
  quote: { span: Span; speaker: string | null },
  predicted: PredictedQuote,
  referents: ReadonlyMap<string, string>,
  tally: QuoteTally,
  misses: Misses,
): void {
  const goldSpeaker = quote.speaker;
  if (!goldSpeaker) return;
  const pronoun = isPronounSpeaker(goldSpeaker);
  const expected = pronoun ? referents.get(referentKey(gold.id, quote.span)) : goldSpeaker;
  if (!expected) return;
  const right = speakerOk(predicted.speaker, expected);
  const count = pronoun ? tally.pronouns : tally.speakers[speakerForm(goldSpeaker)];
  count.scored += 1;
  if (right) count.right += 1;
  tally.attributions.push({ confidence: predicted.confidence, method: predicted.attribution, right });
  if (!right)
    misses.add(
      pronoun ? 'wrong pronoun referent' : 'wrong speaker',
      () =>
        `${gold.id}: ${excerpt(gold.text.slice(...quote.span), 70)} gold: ${expected}${pronoun ? ` (${goldSpeaker})` : ''} | predicted: ${predicted.speaker ?? '-'} [${predicted.attribution} ${predicted.confidence}]`,
    );
}

export function scoreArticleQuotes(
  gold: PolnearArticle,
  prediction: Prediction,
  referents: ReadonlyMap<string, string>,
  tally: QuoteTally,
  misses: Misses,
): void {
  scoreSources(gold, prediction, tally, misses);
  const preds = prediction.quotes.map((q) => ({ ...q, span: trimSpan(gold.text, q.span[0], q.span[1]) }));
  const matched = matchQuotes(
    preds.map((p) => p.span),
    gold.quotes.map((g) => g.span),
  );
  tally.truePositives += matched.length;
  scoreUnmatched(gold, preds, matched, tally, misses);
  for (const [i, j] of matched) scoreSpeaker(gold, gold.quotes[j], preds[i], referents, tally, misses);
}
