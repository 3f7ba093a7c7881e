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

const PRONOUNS = new Set(['he', 'she', 'they', 'i', 'we', 'it', 'you', 'who']);
// Words that open a clause before its subject ("and he said", "though she added").
const LEAD_WORDS = new Set([
  'and',
  'but',
  'or',
  'nor',
  'so',
  'yet',
  'though',
  'although',
  'when',
  'while',
  'to',
  'which',
  'as',
  'now',
  'even',
  'still',
  'because',
  'since',
  'for',
  'before',
  'after',
  'if',
  'once',
  'where',
  'here',
  'there',
]);
// Participles that stay inside a source's noun phrase ("officials familiar with", "people briefed on").
const RELATIVE_WORDS = new Set(['who', 'whose', 'which', 'whom']);
const PARTICIPLE_MODIFIERS = new Set(['familiar', 'briefed', 'involved', 'close', 'speaking', 'based', 'retired']);
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
/** The most words a speaker phrase with an appositive may have. */
const LONG_PHRASE = 45;
// Titles that may open a name ("Rep. Jim Jordan", "Sen. Elizabeth Warren").
const TITLE_WORDS = new Set([
  'Rep.',
  'Sen.',
  'Gov.',
  'Gen.',
  'Dr.',
  'Mr.',
  'Mrs.',
  'Ms.',
  'Del.',
  'Lt.',
  'Col.',
  'Adm.',
  'Sgt.',
  'Capt.',
  'Prof.',
  'Rev.',
  'President',
  'Senator',
  'Governor',
  'Mayor',
  'Secretary',
  'Former',
]);

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

/** "and he", "To which she", "even now at 86 she still": a pronoun that ends the phrase is the speaker. */
function pronounAtEnd(tokens: Token[]): number {
  const last = tokens.length - 1;
  if (last < 0 || !PRONOUNS.has(tokens[last].lower)) return -1;
  return tokens.slice(0, last).some((t) => t.pos === 'PROPN' || t.pos === 'NOUN') ? -1 : last;
}

/**
 * The noun phrase in the words before a verb or after "said": words that open a clause ("and",
 * "though") go, and a verb inside ends it ("Protesters marching through…" -> Protesters), for a
 * phrase is a party, never a clause ("a majority of Americans have come to"). An appositive after
 * the name's comma is kept whole.
 */
function nounPhrase(tokens: Token[]): Token[] | null {
  const comma = tokens.findIndex((t) => t.text === ',');
  const head = comma < 0 ? tokens : tokens.slice(0, comma);
  const pronoun = pronounAtEnd(head);
  if (pronoun >= 0) return comma < 0 ? [head[pronoun]] : null;
  let first = 0;
  while (first < head.length && (LEAD_WORDS.has(head[first].lower) || SKIPPABLE.has(head[first].lower))) first += 1;
  if (first < head.length && opensWithVerb(head, first)) return null;
  let last = first + 1;
  while (last < head.length && !isClauseVerb(head, last)) last += 1;
  if (last < head.length) return comma < 0 ? head.slice(first, last) : null;
  return comma < 0 ? head.slice(first) : [...head.slice(first), ...tokens.slice(comma)];
}

/** "going on to", "Having", "remove loopholes like…", "invoked the famous story…": a clause, not a party. */
function opensWithVerb(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.pos === 'AUX') return true;
  if (token.pos !== 'VERB' || PARTICIPLE_MODIFIERS.has(token.lower)) return false;
  // A capitalised word the tagger calls a verb is mostly a name ("Lynch said"), unless a gerund.
  if (/^\p{Lu}/u.test(token.text)) return /ing$/.test(token.lower);
  return !/ed$/.test(token.lower) || tokens[i + 1]?.pos === 'DET';
}

/** A verb or auxiliary that makes the words a clause, not a participle inside a noun phrase. */
function isClauseVerb(tokens: Token[], i: number): boolean {
  const token = tokens[i];
  if (token.pos === 'AUX') return true;
  if (token.pos !== 'VERB' || PARTICIPLE_MODIFIERS.has(token.lower)) return false;
  // "retired Air Force general", "a Washington-based developer": a participle before a noun.
  const next = tokens[i + 1];
  return !(next && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ'));
}

/** The speaker phrase in the words before or after a reporting verb, or null for a fragment. */
export function speakerPhrase(text: string, tokens: Token[], cue: Token | null): SpeakerMention | null {
  return mention(text, tokens, cue);
}

function mention(text: string, tokens: Token[], cue: Token | null, limit = 14): SpeakerMention | null {
  // Leading and trailing punctuation and skippable words are not part of the phrase.
  let first = 0;
  let last = tokens.length;
  while (first < last && (isPunct(tokens[first]) || SKIPPABLE.has(tokens[first].lower))) first += 1;
  while (last > first && (isPunct(tokens[last - 1]) || SKIPPABLE.has(tokens[last - 1].lower))) last -= 1;
  if (first >= last) return null;
  const phrase = nounPhrase(tokens.slice(first, last));
  if (!phrase || !phrase.length || phrase.length > limit) return null;
  while (phrase.length > 1 && isPunct(phrase[phrase.length - 1])) phrase.pop();
  const start = phrase[0].start;
  const end = phrase[phrase.length - 1].end;
  if (!/\p{L}/u.test(text.slice(start, end))) return null;
  return {
    text: text.slice(start, end),
    start,
    end,
    cue: cue?.lower ?? null,
    pronoun: phrase.length === 1 && PRONOUNS.has(phrase[0].lower),
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
  let from = to;
  while (from > 0) {
    const token = analysis.tokens[from - 1];
    if (QUOTE_MARKS.test(token.text) || endsSentence(analysis.tokens, from - 1)) break;
    if (analysis.text.slice(token.end, analysis.tokens[from]?.start ?? token.end).includes('\n')) break;
    from -= 1;
  }
  return analysis.tokens.slice(from, to);
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
  // A speaker phrase then its verb, within a few words and no clause break; after a name, an
  // appositive closed by a comma may come between ("Scott Pruitt, the attorney general of Oklahoma, said").
  const named = startsWithName(window);
  for (let v = 1; v < Math.min(window.length, named ? LONG_PHRASE : 14); v += 1) {
    if (!named && (window[v].text === ',' || window[v].lower === 'who')) break;
    if (!isVerb(window[v])) continue;
    const subject = window.slice(0, v);
    const closed = !subject.some((t) => t.text === ',') || window[v - 1].text === ',';
    return closed ? mention(text, subject, window[v], LONG_PHRASE) : null;
  }
  return null;
}

/** A capitalised name (or a title before one) opens the words. */
function startsWithName(tokens: Token[]): boolean {
  const first = tokens[0];
  return first !== undefined && /^\p{Lu}/u.test(first.text) && (first.pos === 'PROPN' || TITLE_WORDS.has(first.text));
}

/** What may follow a name and its comma as an appositive: "a writer", "the director", "who runs", "25". */
function opensAppositive(token: Token | undefined): boolean {
  if (!token) return false;
  return (
    ['a', 'an', 'the', 'who', 'whose', 'now', 'then', 'former', 'head', 'chief', 'of'].includes(token.lower) ||
    token.pos === 'NUM' ||
    (/^\p{Ll}/u.test(token.text) && (token.pos === 'NOUN' || token.pos === 'ADJ'))
  );
}

/** "…,” said Alan Cole, an economist at the Tax Foundation." : the appositive to the sentence's end. */
function appositiveAfter(tokens: Token[], comma: number): Token[] {
  const rest: Token[] = [tokens[comma]];
  const relative = RELATIVE_WORDS.has(tokens[comma + 1]?.lower ?? '');
  for (let k = comma + 1; k < tokens.length; k += 1) {
    const token = tokens[k];
    if (/^[;:!?()]$/.test(token.text) || (token.text === '.' && endsSentence(tokens, k))) break;
    // One appositive: a second one (", an E.U. institution whose…") or a relative clause after a
    // noun ("a law professor at the university who has…") is about something else.
    if (token.text === ',' || (!relative && RELATIVE_WORDS.has(token.lower))) break;
    rest.push(token);
  }
  return rest;
}

/** The phrase after "said": up to punctuation, a relative clause or a time or place adverbial. */
/** The index of the first ")" less than `reach` tokens after `k`, or -1. */
function closingBracketNear(tokens: Token[], k: number, reach: number): number {
  for (let j = k + 1; j < Math.min(tokens.length, k + reach); j += 1) if (tokens[j].text === ')') return j;
  return -1;
}

function phraseFrom(text: string, tokens: Token[], cue: Token): SpeakerMention | null {
  const phrase: Token[] = [];
  // The phrase's first word but "the", which says whether a name leads it: looked for as the
  // phrase grows, not over the whole phrase at each word.
  let lead: Token | undefined;
  let looked = 0;
  for (let k = 0; k < tokens.length; k += 1) {
    const token = tokens[k];
    for (; lead === undefined && looked < phrase.length; looked += 1)
      if (phrase[looked].lower !== 'the') lead = phrase[looked];
    const named = lead !== undefined && startsWithName([lead]);
    // "said Rep. G.K. Butterfield (D-N.C.), head of…": a party note stays with the name.
    const close = token.text === '(' && named ? closingBracketNear(tokens, k, 8) : -1;
    if (close > k) {
      phrase.push(...tokens.slice(k, close + 1));
      k = close;
      continue;
    }
    if (token.text === ',' && k > 0 && named && opensAppositive(tokens[k + 1])) {
      return mention(text, [...phrase, ...appositiveAfter(tokens, k)], cue, LONG_PHRASE);
    }
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
    if (!isVerb(token) && !(v === trimmed.length - 1 && isVerbTaggedNoun(token, trimmed[v - 1]))) continue;
    // "Said Ellis:": the verb opens the label and the speaker follows it.
    if (v === 0) return /^\p{Lu}/u.test(token.text) ? phraseFrom(text, trimmed.slice(1), token) : null;
    // "…, saying, “…”": the participle's speaker is the subject of the clause it hangs on.
    if (/ing$/.test(token.lower) && trimmed[v - 1]?.text === ',')
      return clauseSubject(text, trimmed.slice(0, v - 1), token);
    return subjectBefore(text, trimmed, v);
  }
  return null;
}

/** "The New York Times reports:": a verb the tagger took for a plural noun, just before the quote. */
function isVerbTaggedNoun(token: Token, previous: Token | undefined): boolean {
  return (
    token.pos === 'NOUN' &&
    REPORTING_VERBS.has(token.lower) &&
    /(s|ed)$/.test(token.lower) &&
    previous !== undefined &&
    (previous.pos === 'PROPN' || previous.pos === 'NOUN' || previous.pos === 'PRON')
  );
}

/** The words before the verb at `v`, back to the start of their clause. */
function subjectBefore(text: string, trimmed: Token[], v: number): SpeakerMention | null {
  let s = v - 1;
  while (s >= 0 && SKIPPABLE.has(trimmed[s].lower)) s -= 1;
  // "Leonard E. Burman, director of the Tax Policy Center, said": a name opening the clause, then its appositive.
  if (trimmed[s]?.text === ',' && startsWithName(trimmed) && trimmed.findIndex((t) => t.text === ',') < s) {
    return mention(text, trimmed.slice(0, s), trimmed[v], LONG_PHRASE);
  }
  let b = s;
  // "Rep. Gwen Moore (D-Wis.) tweeted": a parenthesis just before the verb belongs to the name.
  if (trimmed[b]?.text === ')') {
    while (b >= 0 && trimmed[b].text !== '(') b -= 1;
    b -= 1;
  }
  while (b >= 0 && !CLAUSE_BREAKS.has(trimmed[b].lower) && !CLAUSE_BREAKS.has(trimmed[b].text)) b -= 1;
  if (s < 0 || b === s) return null;
  return mention(text, trimmed.slice(b + 1, s + 1), trimmed[v]);
}

/** The subject of a clause: its words up to the first verb, after an opening adverbial ("At his cookout,"). */
function clauseSubject(text: string, clause: Token[], cue: Token): SpeakerMention | null {
  let first = 0;
  const opener = clause[0];
  if (opener && (opener.pos === 'ADP' || opener.pos === 'ADV' || opener.pos === 'SCONJ')) {
    const comma = clause.findIndex((t) => t.text === ',');
    if (comma < 0 || comma > 10) return null;
    first = comma + 1;
  }
  let verb = first;
  while (verb < clause.length && clause[verb].pos !== 'VERB' && clause[verb].pos !== 'AUX') verb += 1;
  if (verb === first || verb === clause.length || verb - first > LONG_PHRASE) return null;
  return mention(text, clause.slice(first, verb), cue, LONG_PHRASE);
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const TITLE_SMALL_WORDS = new Set([
  'a',
  'an',
  'the',
  'of',
  'and',
  'or',
  'with',
  'to',
  'in',
  'on',
  'for',
  'at',
  'by',
  'from',
]);

/**
 * The name of a show, book, song or programme ("Face the Nation," "A Change Is Gonna Come"):
 * every word capitalised but the small ones, no punctuation but a comma or full stop at the end.
 * Speech is written in sentence case, so this holds whoever is near it.
 */
function isTitleCase(inner: string): boolean {
  const body = inner.trim().replace(/[,.]$/, '');
  if (/[,.!?;:…—]/.test(body)) return false;
  const words = body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  const capitalised = words.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return (
    words.length >= 2 && capitalised >= 2 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w) || TITLE_SMALL_WORDS.has(w))
  );
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
    // A headline is itself in title case, so a quote in it may be too.
    const headline = analysis.tokens[tokenIndexAt(analysis, quotation.outerStart)]?.paragraph === 0;
    const speech =
      isTitleCase(inner) && !headline
        ? false
        : speaker
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
