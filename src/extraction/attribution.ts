// Attribution: for each quotation, whether it is speech and who said it, read from the cue around
// it ("X said", "said X", "according to X", "X told Y", "X said: “…”"), from the sentences
// around it, or inherited from the quotation it continues. Offsets are UTF-16.
import { REPORTING_VERBS } from './gazetteer';
import type { Quotation } from './quotations';
import { type Analysis, type Token, tokenIndexAt } from './text-analysis';

export interface SpeakerMention {
  /** The noun phrase as written, without the reporting verb. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly cue: string | null;
  readonly pronoun: boolean;
}

export interface AttributedQuotation {
  readonly quotation: Quotation;
  readonly speaker: SpeakerMention | null;
  /** How the speaker was found: the cue in the sentence, a neighbouring sentence, or continuation. */
  readonly how: 'cue' | 'neighbour' | 'continuation' | 'none';
}

const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you']);
// Words between a speaker and its verb that belong to neither ("has also said", "later told").
const SKIPPABLE = new Set([
  'has',
  'have',
  'had',
  'also',
  'later',
  'then',
  'once',
  'previously',
  'recently',
  'further',
  'again',
  'had',
  'would',
  'will',
  'did',
  'does',
  'reportedly',
  'publicly',
  'privately',
  'repeatedly',
  'simply',
  'just',
  'often',
  'quickly',
  'flatly',
  'bluntly',
  'finally',
  'first',
]);
// Where a speaker phrase after "said" stops: "said Mr. Clarke, who…", "said Trump in a statement".
const PHRASE_STOPS = new Set([
  'who',
  'which',
  'when',
  'while',
  'as',
  'after',
  'before',
  'during',
  'because',
  'adding',
  'in',
  'on',
  'at',
  'to',
  'last',
  'this',
  'during',
  'late',
  'early',
  'earlier',
  'recently',
  'yesterday',
  'today',
  'tonight',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'about',
  'of',
  'that',
]);
const CLAUSE_BREAKS = new Set([
  ',',
  ';',
  ':',
  '—',
  '–',
  '(',
  ')',
  'and',
  'but',
  'while',
  'as',
  'because',
  'although',
  'though',
  'if',
  'so',
]);
const QUOTE_MARKS = /^[“”"‘’'«»„]+$/;
const MIN_WORDS = 3;

const ABBREVIATIONS = new Set([
  'Rev',
  'St',
  'Jr',
  'Sr',
  'Mt',
  'Ft',
  'Gen',
  'Gov',
  'Sen',
  'Rep',
  'Lt',
  'Col',
  'Sgt',
  'Capt',
  'Cmdr',
  'Adm',
  'Maj',
  'Dr',
  'Mr',
  'Mrs',
  'Ms',
  'Prof',
  'Inc',
  'Co',
  'Corp',
  'Ltd',
  'No',
  'U.S',
  'D.C',
]);

/** A full stop that ends a sentence, not an abbreviation ("the Rev. Peter Wherry", "(D-Mo.)"). */
function endsSentence(tokens: Token[], i: number): boolean {
  if (!/^[.!?]$/.test(tokens[i].text)) return false;
  if (tokens[i].text !== '.') return true;
  const previous = tokens[i - 1]?.text ?? '';
  const next = tokens[i + 1]?.text ?? '';
  return !(next === ')' || next === ',' || ABBREVIATIONS.has(previous) || /^\p{Lu}$/u.test(previous));
}

function isVerb(token: Token | undefined): boolean {
  return token !== undefined && REPORTING_VERBS.has(token.lower) && token.pos !== 'PROPN' && token.pos !== 'NOUN';
}

function isPunct(token: Token | undefined): boolean {
  return token !== undefined && (token.pos === 'PUNCT' || token.pos === 'SYM' || QUOTE_MARKS.test(token.text));
}

function mention(text: string, tokens: Token[], cue: Token | null): SpeakerMention | null {
  // Leading and trailing punctuation and skippable words are not part of the phrase.
  let first = 0;
  let last = tokens.length;
  while (first < last && (isPunct(tokens[first]) || SKIPPABLE.has(tokens[first].lower))) first += 1;
  while (last > first && (isPunct(tokens[last - 1]) || SKIPPABLE.has(tokens[last - 1].lower))) last -= 1;
  if (first >= last || last - first > 14) return null;
  const start = tokens[first].start;
  const end = tokens[last - 1].end;
  const phrase = text.slice(start, end);
  if (!/\p{L}/u.test(phrase)) return null;
  return {
    text: phrase,
    start,
    end,
    cue: cue?.lower ?? null,
    pronoun: last - first === 1 && PRONOUNS.has(tokens[first].lower),
  };
}

/** Tokens of the quotation's sentence after its closing mark, up to the next quotation. */
function tokensAfter(analysis: Analysis, quotation: Quotation): Token[] {
  const from = tokenIndexAt(analysis, quotation.outerEnd);
  const first = analysis.tokens[from];
  if (!first || first.paragraph !== analysis.tokens[tokenIndexAt(analysis, quotation.outerEnd - 1)]?.paragraph)
    return [];
  const result: Token[] = [];
  for (let i = from; i < analysis.tokens.length; i += 1) {
    const token = analysis.tokens[i];
    if (token.paragraph !== first.paragraph || QUOTE_MARKS.test(token.text)) break;
    if (endsSentence(analysis.tokens, i)) break;
    result.push(token);
  }
  return result;
}

/** Tokens before the opening mark, back to the start of its sentence or the previous quotation. */
function tokensBefore(analysis: Analysis, quotation: Quotation): Token[] {
  const to = tokenIndexAt(analysis, quotation.outerStart);
  const result: Token[] = [];
  for (let i = to - 1; i >= 0; i -= 1) {
    const token = analysis.tokens[i];
    if (QUOTE_MARKS.test(token.text) || endsSentence(analysis.tokens, i)) break;
    if (analysis.text.slice(token.end, analysis.tokens[i + 1]?.start ?? token.end).includes('\n')) break;
    result.unshift(token);
  }
  return result;
}

/** "…,” said a European official" / "…,” a Ukrainian defense source said" / "…,” according to X". */
function speakerAfter(text: string, after: Token[]): SpeakerMention | null {
  let i = 0;
  while (i < after.length && isPunct(after[i]) && !/^[—―–]$/.test(after[i].text)) i += 1;
  // “…” ― Pamela Padilla: a dash then the speaker's name.
  if (/^[—―–-]$/.test(after[i]?.text ?? '')) return phraseFrom(text, after.slice(i + 1), after[i]);
  while (i < after.length && isPunct(after[i])) i += 1;
  const window = after.slice(i);
  if (!window.length) return null;
  if (window[0].lower === 'according' && window[1]?.lower === 'to') {
    return phraseFrom(text, window.slice(2), window[0]);
  }
  if (isVerb(window[0])) return phraseFrom(text, window.slice(1), window[0]);
  // A speaker phrase then its verb, within a few words and no clause break.
  for (let v = 1; v < Math.min(window.length, 14); v += 1) {
    if (window[v].text === ',' || window[v].lower === 'who') break;
    if (isVerb(window[v])) return mention(text, window.slice(0, v), window[v]);
  }
  return null;
}

/** The phrase after "said": up to punctuation, a relative clause or a time or place adverbial. */
function phraseFrom(text: string, tokens: Token[], cue: Token): SpeakerMention | null {
  const phrase: Token[] = [];
  for (const [k, token] of tokens.entries()) {
    if (/^[,;:!?()—–]$/.test(token.text) || (token.text === '.' && endsSentence(tokens, k))) break;
    // "said Edward Alden of the Council…" keeps "of" inside a name-led phrase only.
    if (k > 0 && PHRASE_STOPS.has(token.lower) && !(token.lower === 'of' && tokens[k + 1]?.pos === 'PROPN')) {
      if (!(token.lower === 'with' || token.lower === 'familiar')) break;
    }
    phrase.push(token);
  }
  return mention(text, phrase, cue);
}

/** "X said: “…”", "X told reporters, “…”", "according to X, “…”". */
function speakerBefore(text: string, before: Token[]): SpeakerMention | null {
  const trimmed = [...before];
  while (trimmed.length && isPunct(trimmed[trimmed.length - 1])) trimmed.pop();
  if (!trimmed.length) return null;
  for (let v = trimmed.length - 1; v >= Math.max(0, trimmed.length - 9); v -= 1) {
    const token = trimmed[v];
    if (token.lower === 'to' && trimmed[v - 1]?.lower === 'according') {
      return phraseFrom(text, trimmed.slice(v + 1), trimmed[v - 1]);
    }
    if (!isVerb(token)) continue;
    // Back from the verb to the start of its clause.
    let s = v - 1;
    while (s >= 0 && SKIPPABLE.has(trimmed[s].lower)) s -= 1;
    let b = s;
    // "Rep. Gwen Moore (D-Wis.) tweeted": a parenthesis just before the verb belongs to the name.
    if (trimmed[b]?.text === ')') {
      while (b >= 0 && trimmed[b].text !== '(') b -= 1;
      b -= 1;
    }
    while (b >= 0 && !CLAUSE_BREAKS.has(trimmed[b].lower) && !CLAUSE_BREAKS.has(trimmed[b].text)) b -= 1;
    if (s < 0 || b === s) return null;
    return mention(text, trimmed.slice(b + 1, s + 1), token);
  }
  return null;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Titles and scare quotes: few words, mostly capitalised or no sentence punctuation at all. */
function looksLikeTitle(inner: string): boolean {
  const words = inner.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  const capitalised = words.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  const hasClause = /[.,!?;:…—]\s*$/.test(inner.trim()) || /[.!?]\s/.test(inner);
  return !hasClause && (capitalised >= words.length * 0.6 || words.length < 6);
}

/** The sentence holding `offset`. */
function sentenceAt(analysis: Analysis, offset: number) {
  const token = analysis.tokens[Math.min(tokenIndexAt(analysis, offset), analysis.tokens.length - 1)];
  return token ? analysis.sentences[token.sentence] : undefined;
}

/** The last "X said" / "X says that" clause of a sentence, for quotes introduced a sentence earlier. */
function speakerOfSentence(analysis: Analysis, sentenceIndex: number): SpeakerMention | null {
  const sentence = analysis.sentences[sentenceIndex];
  if (!sentence) return null;
  const tokens = analysis.tokens.slice(sentence.firstToken, sentence.lastToken);
  if (tokens.some((t) => QUOTE_MARKS.test(t.text))) return null;
  return speakerBefore(analysis.text, tokens) ?? speakerAfter(analysis.text, tokens);
}

/** "“…” Clinton told the crowd on Monday.": a next sentence of the paragraph that opens with its speaker. */
function followedBy(analysis: Analysis, quotation: Quotation): SpeakerMention | null {
  const next = analysis.tokens[tokenIndexAt(analysis, quotation.outerEnd)];
  if (!next || analysis.text.slice(quotation.outerEnd, next.start).includes('\n')) return null;
  const sentence = analysis.sentences[next.sentence];
  if (!sentence || sentence.start < quotation.outerEnd) return null;
  const tokens = analysis.tokens.slice(sentence.firstToken, Math.min(sentence.lastToken, sentence.firstToken + 8));
  const verb = tokens.findIndex((t, i) => i > 0 && isVerb(t));
  if (verb < 1 || tokens.slice(0, verb).some((t) => isPunct(t))) return null;
  return mention(analysis.text, tokens.slice(0, verb), tokens[verb]);
}

export function attributeQuotations(analysis: Analysis, quotations: Quotation[]): AttributedQuotation[] {
  const { text } = analysis;
  const results: AttributedQuotation[] = [];
  let previous: AttributedQuotation | undefined;
  for (const quotation of quotations) {
    const inner = text.slice(quotation.start, quotation.end);
    const after = tokensAfter(analysis, quotation);
    const before = tokensBefore(analysis, quotation);
    let speaker = speakerAfter(text, after) ?? speakerBefore(text, before);
    let how: AttributedQuotation['how'] = speaker ? 'cue' : 'none';
    const words = wordCount(inner);
    const standsAlone = !before.some((t) => !isPunct(t)) && !after.some((t) => !isPunct(t));
    const speech = speaker
      ? words >= 1 && !(words < MIN_WORDS && looksLikeTitle(inner) && !/[,.!?]\s*$/.test(inner))
      : words >= MIN_WORDS && !looksLikeTitle(inner) && (standsAlone || /[.!?,]\s*$/.test(inner));
    if (!speech) {
      continue;
    }
    if (!speaker) {
      const sentence = sentenceAt(analysis, quotation.outerStart);
      const continues =
        previous && sentence && text.slice(previous.quotation.outerEnd, quotation.outerStart).split('\n').length <= 2;
      if (continues && previous?.speaker) {
        speaker = previous.speaker;
        how = 'continuation';
      } else if (sentence) {
        // "Clinton said Monday:" then the quote, or the quote then "she added" in the next sentence.
        const introduced =
          text.slice(sentence.start, quotation.outerStart).trim() === ''
            ? speakerOfSentence(analysis, sentence.index - 1)
            : null;
        speaker = introduced ?? followedBy(analysis, quotation);
        how = speaker ? 'neighbour' : 'none';
      }
    }
    const result = { quotation, speaker, how };
    results.push(result);
    previous = result;
  }
  return results;
}
