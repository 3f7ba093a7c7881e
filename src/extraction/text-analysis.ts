// Tokens, parts of speech and sentences of an article from wink-nlp, with character offsets.
// Paragraphs (lines) are analysed one by one: a line break always ends a sentence.
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
 */
const CLITIC = /^(.*\p{L}.*?)(['’]s)$/su;

/** A token whose sentence is set once the line's sentences are known. */
type LineToken = Omit<Token, 'sentence'> & { sentence: number };

/** wink's tokens of one line as ours, a clitic split off its word; `firstOf[i]` is where wink's token i begins among them. */
function lineTokens(
  text: string,
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
  let at = offset;
  wink.values.forEach((value, i) => {
    // Found in the line rather than summed from the spaces before it: wink drops some space
    // characters (U+3000, a BOM), which would shift every later offset.
    const found = text.indexOf(value, at);
    at = found >= 0 && found <= at + wink.spaces[i].length + 8 ? found : at + wink.spaces[i].length;
    firstOf.push(tokens.length);
    const clitic = CLITIC.exec(value);
    if (clitic) {
      piece(clitic[1], wink.tags[i], at);
      piece(clitic[2], 'PART', at + clitic[1].length);
    } else piece(value, wink.tags[i], at);
    at += value.length;
  });
  firstOf.push(tokens.length);
  return { tokens, firstOf };
}

export function analyse(text: string): Analysis {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  text.split('\n').forEach((line, paragraph) => {
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
      const split = lineTokens(text, wink, offset, paragraph);
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
      tokens.push(...split.tokens);
    }
    offset += line.length + 1;
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
