// Tokens, parts of speech and sentences of an article from wink-nlp, with character offsets.
// Paragraphs (lines) are analysed one by one: a line break always ends a sentence. The analysis
// takes time linear in the text: see LONGEST_WORD.
import winkNLP from 'wink-nlp';

// The model takes tens of megabytes: loaded on the first analysis, not when the app starts.
let loaded: ReturnType<typeof winkNLP> | undefined;
// Only the annotations read below: sentences and parts of speech. wink's entities, negation and
// sentiment took about a third of its time, and parts of speech do not depend on them.
const PIPE = ['sbd', 'pos'];
function nlp(): ReturnType<typeof winkNLP> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy and synchronous: an import would load the model at startup, and analyse() cannot await import()
  loaded ??= winkNLP(require('wink-eng-lite-web-model') as Parameters<typeof winkNLP>[0], PIPE);
  return loaded;
}

export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly pos: string;
  /** UTF-16 offsets into the article body. */
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly paragraph: number;
}

export interface Sentence {
  readonly index: number;
  readonly paragraph: number;
  readonly start: number;
  readonly end: number;
  readonly firstToken: number;
  /** Exclusive. */
  readonly lastToken: number;
}

export interface Analysis {
  readonly text: string;
  readonly tokens: Token[];
  readonly sentences: Sentence[];
}

/**
 * A possessive or "is" clitic left on its word ("Trump's", "Putin’s"). wink splits it off as a rule,
 * but not before a full stop or a comma ("Mr. Putin's."), and once it has kept such a word whole it
 * caches it and keeps it whole everywhere after, in every later article of the process ("Donald
 * Trump's new proposal"). Split here, the word is the same token whatever was read before.
 * Found by the word's end rather than by one pattern over the whole word, which backtracks over
 * every letter from every letter.
 */
function withoutClitic(value: string): string | undefined {
  if (!/['’]s$/.test(value)) return undefined;
  const word = value.slice(0, -2);
  return /\p{L}/u.test(word) ? word : undefined;
}

/**
 * The longest run of characters between wink's spaces that is read as a word (in UTF-16 units);
 * a longer one is no word of prose (the longest in the evaluation corpora has 39), and is left
 * out of the analysis as if it were space. wink tests every word with patterns quadratic in its
 * length (its abbreviation test, `/[a-z].*\.$/i`, among them): a body of one 160 kB "word" took
 * minutes. Bounded, analysis is linear in the text.
 */
export const LONGEST_WORD = 100;
/** What wink splits a line's words at: its model's `splitter`. */
const WINK_WORD = /[^ \u00a0\u2002-\u2005\u2009\u200a\u202f\u205f\t\r\n]+/g;
const isWinkSpace = (code: number) =>
  code === 0x20 ||
  code === 0x09 ||
  code === 0x0a ||
  code === 0x0d ||
  code === 0xa0 ||
  (code >= 0x2002 && code <= 0x2005) ||
  code === 0x2009 ||
  code === 0x200a ||
  code === 0x202f ||
  code === 0x205f;

/** The line with each word longer than LONGEST_WORD (in UTF-16 units) blanked out, offsets kept. */
export function withoutOverlongWords(line: string): string {
  let run = 0;
  let overlong = false;
  for (let i = 0; i < line.length && !overlong; i += 1) {
    run = isWinkSpace(line.charCodeAt(i)) ? 0 : run + 1;
    overlong = run > LONGEST_WORD;
  }
  if (!overlong) return line;
  return line.replace(WINK_WORD, (word) => (word.length > LONGEST_WORD ? ' '.repeat(word.length) : word));
}

/** wink counts at most this many spaces before a token (its `maxPrecedingSpaces`, less one). */
const MOST_SPACES_COUNTED = 65534;

function endOfSpaces(line: string, at: number): number {
  let end = at;
  while (end < line.length && /\s/.test(line[end])) end += 1;
  return end;
}

/** A token whose sentence is set once the line's sentences are known. */
type LineToken = Omit<Token, 'sentence'> & { sentence: number };

/** wink's tokens of one line as ours, a clitic split off its word; `firstOf[i]` is where wink's token i begins among them. */
function lineTokens(
  line: string,
  wink: { values: string[]; tags: string[]; spaces: string[] },
  offset: number,
  paragraph: number,
): { tokens: LineToken[]; firstOf: number[] } {
  const tokens: LineToken[] = [];
  const firstOf: number[] = [];
  const piece = (value: string, pos: string, start: number) =>
    tokens.push({
      text: value,
      lower: value.toLowerCase(),
      pos,
      start,
      end: start + value.length,
      sentence: 0,
      paragraph,
    });
  let at = 0;
  wink.values.forEach((value, i) => {
    // Found in the line rather than summed from the spaces before it: wink drops some space
    // characters (U+3000, a BOM), which would shift every later offset. Looked for only as far
    // as it may be, not through the rest of the line; after more spaces than wink counts (a word
    // left out makes such a run), past all of them.
    const counted = wink.spaces[i].length;
    const from = counted < MOST_SPACES_COUNTED ? at : endOfSpaces(line, at);
    const reach = (counted < MOST_SPACES_COUNTED ? at + counted : from) + 8;
    const found = line.slice(from, reach + value.length).indexOf(value);
    at = found >= 0 ? from + found : at + counted;
    firstOf.push(tokens.length);
    const word = withoutClitic(value);
    if (word !== undefined) {
      piece(word, wink.tags[i], offset + at);
      piece(value.slice(word.length), 'PART', offset + at + word.length);
    } else piece(value, wink.tags[i], offset + at);
    at += value.length;
  });
  firstOf.push(tokens.length);
  return { tokens, firstOf };
}

export function analyse(text: string): Analysis {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  text.split('\n').forEach((whole, paragraph) => {
    const line = withoutOverlongWords(whole);
    if (line.trim()) {
      const doc = nlp().readDoc(line);
      const its = nlp().its;
      // wink-nlp picks what out() returns by the helper's identity (any other function gets
      // its.value), so its helpers go in as they are, not wrapped; they never use `this`.
      /* eslint-disable @typescript-eslint/unbound-method -- wink-nlp matches its helpers by identity */
      const wink = {
        values: doc.tokens().out(),
        tags: doc.tokens().out<string>(its.pos),
        spaces: doc.tokens().out<string>(its.precedingSpaces),
      };
      const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];
      /* eslint-enable @typescript-eslint/unbound-method */
      const split = lineTokens(line, wink, offset, paragraph);
      for (const [firstWink, lastWink] of sentenceSpans) {
        const index = sentences.length;
        const first = split.firstOf[firstWink];
        const last = split.firstOf[lastWink + 1] - 1;
        for (let i = first; i <= last; i += 1) split.tokens[i].sentence = index;
        sentences.push({
          index,
          paragraph,
          start: split.tokens[first].start,
          end: split.tokens[last].end,
          firstToken: tokens.length + first,
          lastToken: tokens.length + last + 1,
        });
      }
      // One by one: a long paragraph has more tokens than a call may take arguments.
      for (const token of split.tokens) tokens.push(token);
    }
    offset += whole.length + 1;
  });
  return { text, tokens, sentences };
}

/** Index of the first token that starts at or after `offset`. */
export function tokenIndexAt(analysis: Analysis, offset: number): number {
  let low = 0;
  let high = analysis.tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (analysis.tokens[mid].start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}
