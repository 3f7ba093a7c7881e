// Runs of capitalised words that may name someone: proper nouns (and capitalised words inside a
// sentence), joined across hyphens ("Yau Wai-ching"), name particles ("Leonardo da Vinci") and the
// "of" of organisation names ("Church of Scientology"), with sentence-opening words and caption
// labels taken off ("Yesterday Mohamed" -> Mohamed). Offsets are UTF-16.
import type { Analysis, Token } from '../text-analysis';

/** Head words that make a capitalised run an organisation ("Museum", "University of X"). */
export const ORGANISATION_HEADS = new Set(
  (
    'House Group Council Party Ministry Department Agency Committee Union Organization Organisation Bureau Senate ' +
    'Congress Court Office Administration Campaign Foundation Institute Institution University College School ' +
    'Academy Service Services Army Navy Force Forces Corps Corp Corp. Corporation Inc Inc. Ltd Ltd. LLC Company Co. ' +
    'Bank Commission Parliament Assembly Association Center Centre Coalition Network Times Post News Journal Church ' +
    'Museum Gallery Library Hospital Clinic Society Federation Alliance League Club Team Authority Board Cabinet ' +
    'Government Police Guard Legion Brigade Movement Front Trust Fund Airlines Airways Group Industries Holdings ' +
    'Partners Media Press Magazine Radio Television TV Channel Studios Records Labs Laboratory Laboratories ' +
    'Observatory Program Programme Project Initiative Council Tribunal Prison Order Brotherhood Sisterhood Caucus ' +
    'Legislature Secretariat Directorate Inspectorate Unit Division Regiment Battalion Command Mission Embassy ' +
    'Consulate Chamber Exchange Reserve Treasury Cooperative Union Guild Orchestra Choir Band Daily Herald Tribune ' +
    'Gazette Telegraph Chronicle Observer Express Mirror Review Weekly Democrats Republicans Liberals Conservatives Org'
  ).split(' '),
);

/** Words that open a sentence without naming anyone, though a tagger may take them for names. */
const SENTENCE_OPENERS = new Set(
  (
    'yesterday today tonight tomorrow meanwhile earlier later now then currently recently also however still ' +
    'although though while when after before since during despite following according like unlike as at in on ' +
    'for with without under over from by through this that these those some many most several both all each every ' +
    'our their his her its my your dear thanks please hello yes no not only even just but and or so if because once ' +
    'last next here there where what who why how instead overall additionally furthermore finally first second ' +
    'third initially eventually nevertheless nonetheless thus therefore indeed perhaps maybe'
  ).split(' '),
);

/** Labels of captions and credits that run into the name before them ("Ahmed Mohamed Image:"). */
const CAPTION_LABELS = new Set(['Image', 'Images', 'Photo', 'Photos', 'Picture', 'Video', 'File', 'Credit', 'Source']);

const PARTICLES = new Set([
  'de',
  'da',
  'di',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'ibn',
  'al',
  'el',
  'la',
  'le',
  'du',
  'dos',
  'das',
  'ter',
  'ten',
  'y',
]);
const JOINERS_OF_ORGANISATIONS = new Set(['of', 'for', 'on']);
/**
 * The plural nouns whose possessive opens an organisation's name ("People's Army", "Women's
 * March", "Children's Hospital"). Any other possessive before a head is someone's ("Tim Kaine's
 * Senate seat", "Philadelphia's Union League"): the owner is a name of its own.
 */
const POSSESSIVE_NAME_WORDS = new Set(['People', 'Women', 'Men', 'Children']);

export interface NameRun {
  readonly tokens: Token[];
  readonly start: number;
  readonly end: number;
  /** The run's first word opens its sentence, so its capital says nothing. */
  readonly sentenceInitial: boolean;
}

const capitalised = (text: string) => /^\p{Lu}/u.test(text);

/** A word that can be part of a name: a proper noun, or any capitalised word inside a sentence. */
function isNameWord(analysis: Analysis, i: number): boolean {
  const token = analysis.tokens[i];
  if (!capitalised(token.text) || token.text === 'I' || !/\p{L}/u.test(token.text)) return false;
  if (token.pos === 'PROPN') return true;
  const first = analysis.sentences[token.sentence]?.firstToken === i || isAfterOpening(analysis, i);
  return !first && ['NOUN', 'ADJ', 'X', 'VERB', 'NUM'].includes(token.pos);
}

/** The token follows only an opening quote or bracket at its sentence's start. */
function isAfterOpening(analysis: Analysis, i: number): boolean {
  const previous = analysis.tokens[i - 1];
  if (!previous || previous.sentence !== analysis.tokens[i].sentence) return false;
  return /^["“‘'([—–-]$/.test(previous.text) && analysis.sentences[previous.sentence].firstToken === i - 1;
}

const gap = (analysis: Analysis, a: Token, b: Token) => analysis.text.slice(a.end, b.start);

/** How many tokens after `i` (exclusive of i) join the run through a hyphen, particle or "of". */
function joinAfter(analysis: Analysis, run: Token[], i: number): number {
  const { tokens } = analysis;
  const next = tokens[i + 1];
  const after = tokens[i + 2];
  if (!next || !after || next.paragraph !== tokens[i].paragraph || after.paragraph !== next.paragraph) return 0;
  const tight = gap(analysis, tokens[i], next) === '' && gap(analysis, next, after) === '';
  // "Wai-ching", "El-Hassan", but not "NASA T-shirt": a single letter before a hyphen is no name.
  if (next.text === '-' && tight && /^\p{L}/u.test(after.text) && /\p{L}{2}/u.test(tokens[i].text)) return 2;
  // "Korean People's Army", "New People's Party": a possessive inside an organisation's name.
  if (
    /^['’]s$/.test(next.text) &&
    POSSESSIVE_NAME_WORDS.has(tokens[i].text) &&
    gap(analysis, tokens[i], next) === '' &&
    ORGANISATION_HEADS.has(after.text) &&
    gap(analysis, next, after) === ' '
  )
    return 2;
  const spaced = gap(analysis, tokens[i], next) === ' ' && gap(analysis, next, after) === ' ';
  if (!spaced || !isNameWord(analysis, i + 2)) return 0;
  if (PARTICLES.has(next.text) && run.length > 0 && !ORGANISATION_HEADS.has(tokens[i].text)) return 2;
  if (JOINERS_OF_ORGANISATIONS.has(next.text) && run.some((t) => ORGANISATION_HEADS.has(t.text))) return 2;
  return 0;
}

/** Where a run of name words starting at `i` ends (exclusive), joins included. */
function runEnd(analysis: Analysis, first: number): number {
  const { tokens } = analysis;
  const run: Token[] = [tokens[first]];
  let i = first;
  for (;;) {
    const next = tokens[i + 1];
    if (
      next &&
      next.paragraph === tokens[i].paragraph &&
      gap(analysis, tokens[i], next) === ' ' &&
      isNameWord(analysis, i + 1)
    ) {
      i += 1;
      run.push(next);
      continue;
    }
    const joined = joinAfter(analysis, run, i);
    if (!joined) return i + 1;
    run.push(...tokens.slice(i + 1, i + 1 + joined));
    i += joined;
  }
}

/** The run without a sentence-opening word, a leading "The" and trailing caption labels. */
function trimmed(analysis: Analysis, tokens: Token[], sentenceInitial: boolean): NameRun | undefined {
  let from = 0;
  let to = tokens.length;
  let initial = sentenceInitial;
  if (initial && to - from > 1 && SENTENCE_OPENERS.has(tokens[from].lower)) {
    from += 1;
    initial = false;
  }
  if (tokens[from]?.text === 'The' && to - from > 1) from += 1;
  while (to - from > 1 && CAPTION_LABELS.has(tokens[to - 1].text)) to -= 1;
  if (to <= from || (initial && to - from === 1 && SENTENCE_OPENERS.has(tokens[from].lower))) return undefined;
  const kept = tokens.slice(from, to);
  return { tokens: kept, start: kept[0].start, end: kept[kept.length - 1].end, sentenceInitial: initial };
}

export function nameRuns(analysis: Analysis): NameRun[] {
  const runs: NameRun[] = [];
  const { tokens } = analysis;
  let i = 0;
  while (i < tokens.length) {
    if (!isNameWord(analysis, i)) {
      i += 1;
      continue;
    }
    const end = runEnd(analysis, i);
    const initial = analysis.sentences[tokens[i].sentence]?.firstToken === i || isAfterOpening(analysis, i);
    const run = trimmed(analysis, tokens.slice(i, end), initial);
    if (run) runs.push(run);
    i = end;
  }
  return runs;
}
