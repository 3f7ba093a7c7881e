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

export function analyse(text: string): Analysis {
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let offset = 0;
  text.split('\n').forEach((line, paragraph) => {
    if (line.trim()) {
      const doc = nlp().readDoc(line);
      const its = nlp().its;
      const values = doc.tokens().out();
      // wink-nlp picks what out() returns by the helper's identity (any other function gets
      // its.value), so its helpers go in as they are, not wrapped; they never use `this`.
      /* eslint-disable @typescript-eslint/unbound-method -- wink-nlp matches its helpers by identity */
      const tags = doc.tokens().out<string>(its.pos);
      const spaces = doc.tokens().out<string>(its.precedingSpaces);
      const sentenceSpans = doc.sentences().out(its.span) as unknown as [number, number][];
      /* eslint-enable @typescript-eslint/unbound-method */
      let at = offset;
      const lineTokens = values.map((value, i) => {
        // Found in the line rather than summed from the spaces before it: wink drops some space
        // characters (U+3000, a BOM), which would shift every later offset.
        const found = text.indexOf(value, at);
        at = found >= 0 && found <= at + spaces[i].length + 8 ? found : at + spaces[i].length;
        const token = {
          text: value,
          lower: value.toLowerCase(),
          pos: tags[i],
          start: at,
          end: at + value.length,
          sentence: 0,
          paragraph,
        };
        at += value.length;
        return token;
      });
      for (const [first, last] of sentenceSpans) {
        const index = sentences.length;
        for (let i = first; i <= last; i += 1) lineTokens[i].sentence = index;
        sentences.push({
          index,
          paragraph,
          start: lineTokens[first].start,
          end: lineTokens[last].end,
          firstToken: tokens.length + first,
          lastToken: tokens.length + last + 1,
        });
      }
      tokens.push(...lineTokens);
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
