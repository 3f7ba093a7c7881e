// Scores predicted direct quotes and speakers against gold attributions, by the rules of the
// evaluation (../shared/eval/polnear-dev/README.md): a predicted quote matches a gold one (one to
// one) when they overlap by at least half of the longer; predictions inside indirect speech count
// neither way; speakers are scored over matched quotes whose gold source is not a pronoun.

export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface GoldQuote extends Range {
  /** The gold source as written; undefined when not annotated. */
  readonly speaker?: string;
}

export interface PredictedQuote extends Range {
  /** The predicted source: its descriptor, and the actor's name when named. */
  readonly speaker?: string;
  readonly speakerName?: string;
}

export interface QuoteScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  ignored: number;
  speakersRight: number;
  speakersScored: number;
  /** Unmatched and wrongly attributed quotes, for reading the failures. */
  misses: { kind: 'missed' | 'spurious' | 'speaker'; text: string; gold?: string; predicted?: string }[];
}

export const PRONOUNS = new Set([
  'i',
  'me',
  'my',
  'we',
  'us',
  'our',
  'you',
  'your',
  'he',
  'him',
  'his',
  'she',
  'her',
  'hers',
  'they',
  'them',
  'their',
  'it',
  'its',
  'who',
  'whom',
  'whose',
  'which',
  'that',
  'this',
  'these',
  'those',
  'himself',
  'herself',
  'themselves',
]);

const STOP_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'in',
  'on',
  'for',
  'to',
  'at',
  'with',
  'from',
  'by',
  'mr',
  'mrs',
  'ms',
  'dr',
  'sen',
  'rep',
  'gov',
  'gen',
]);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP_WORDS.has(w));
}

export function isPronoun(source: string): boolean {
  return words(source).every((w) => PRONOUNS.has(w)) || PRONOUNS.has(source.trim().toLowerCase());
}

/** Same person by surname, or, for descriptions, most of the gold words. */
export function sameSpeaker(gold: string, predicted: string | undefined, predictedName?: string): boolean {
  if (!predicted && !predictedName) return false;
  const goldWords = words(gold);
  const predictedWords = new Set([...words(predicted ?? ''), ...words(predictedName ?? '')]);
  // The person a description names: the last capitalised run before any comma or parenthesis
  // ("Rep. G.K. Butterfield (D-N.C.), head of…" -> Butterfield; "campaign spokesman Jason Miller" -> Miller).
  const head = gold.split(/[,(]/)[0];
  const runs =
    head
      .match(/(\p{Lu}[\p{L}'’.-]*\s*)+/gu)
      ?.map((r) => r.trim())
      .filter((r) => !/^(The|A|An)$/.test(r)) ?? [];
  if (runs.length) {
    const surname = words(runs[runs.length - 1]).pop();
    if (surname && predictedWords.has(surname)) return true;
  }
  if (!goldWords.length) return false;
  const shared = goldWords.filter((w) => predictedWords.has(w)).length;
  return shared / goldWords.length >= 0.5;
}

function overlap(a: Range, b: Range): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

export function scoreQuotes(
  text: string,
  gold: GoldQuote[],
  predicted: PredictedQuote[],
  indirect: Range[],
): QuoteScore {
  const chars = Array.from(text);
  const slice = (r: Range) => chars.slice(r.start, r.end).join('');
  const score: QuoteScore = {
    truePositives: 0,
    falsePositives: 0,
    falseNegatives: 0,
    ignored: 0,
    speakersRight: 0,
    speakersScored: 0,
    misses: [],
  };
  const pairs: { g: number; p: number; o: number }[] = [];
  gold.forEach((g, gi) =>
    predicted.forEach((p, pi) => {
      const o = overlap(g, p);
      if (o > 0 && o * 2 >= Math.max(g.end - g.start, p.end - p.start)) pairs.push({ g: gi, p: pi, o });
    }),
  );
  pairs.sort((a, b) => b.o - a.o);
  const goldMatched = new Map<number, number>();
  const predictedMatched = new Set<number>();
  for (const pair of pairs) {
    if (goldMatched.has(pair.g) || predictedMatched.has(pair.p)) continue;
    goldMatched.set(pair.g, pair.p);
    predictedMatched.add(pair.p);
  }
  score.truePositives = goldMatched.size;
  predicted.forEach((p, pi) => {
    if (predictedMatched.has(pi)) return;
    if (indirect.some((r) => p.start >= r.start && p.end <= r.end)) score.ignored += 1;
    else {
      score.falsePositives += 1;
      score.misses.push({ kind: 'spurious', text: slice(p), predicted: p.speaker });
    }
  });
  gold.forEach((g, gi) => {
    const pi = goldMatched.get(gi);
    if (pi === undefined) {
      score.falseNegatives += 1;
      score.misses.push({ kind: 'missed', text: slice(g), gold: g.speaker });
      return;
    }
    if (!g.speaker || isPronoun(g.speaker)) return;
    score.speakersScored += 1;
    const p = predicted[pi];
    if (sameSpeaker(g.speaker, p.speaker, p.speakerName)) score.speakersRight += 1;
    else score.misses.push({ kind: 'speaker', text: slice(g), gold: g.speaker, predicted: p.speakerName ?? p.speaker });
  });
  return score;
}

const OPENING = /^[\s“"‘'«„‹]+/u;
const EDGE = /^[\s“”"‘’'«»„‹›.,;:!?…—–-]+|[\s“”"‘’'«»„‹›.,;:!?…—–-]+$/gu;

/** A gold piece trimmed of its marks and edge punctuation, as a code point range. */
export function trimRange(text: string, start: number, end: number): Range {
  const chars = Array.from(text).slice(start, end).join('');
  const lead = Array.from(chars.match(/^[\s“”"‘’'«»„‹›.,;:!?…—–-]*/u)?.[0] ?? '').length;
  const trail = Array.from(chars.match(/[\s“”"‘’'«»„‹›.,;:!?…—–-]*$/u)?.[0] ?? '').length;
  return { start: start + lead, end: Math.max(start + lead, end - trail) };
}

export function startsWithQuotationMark(text: string): boolean {
  return /^\s*[“"‘'«„‹]/u.test(text) && OPENING.test(text) && text.replace(EDGE, '').length > 0;
}
