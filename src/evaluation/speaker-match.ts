// score.py's speaker rules, ported line by line: which gold speakers are pronouns, and whether a
// predicted speaker ("actor name descriptor") names the gold one.
import { WORD_CHAR } from './judge-text';

/** score.py's PRON: a gold source that is one of these is scored through its referent, if any. */
const PRONOUNS = new Set([
  'he',
  'she',
  'they',
  'i',
  'we',
  'it',
  'you',
  'him',
  'her',
  'them',
  'who',
  'one',
  'said',
  'says',
  'this',
  'that',
]);
const STOP = new Set([
  'a',
  'an',
  'the',
  'of',
  'one',
  'some',
  'said',
  'says',
  'to',
  'from',
  'in',
  'on',
  'and',
  'for',
  'with',
  'who',
]);
const TITLES = new Set(
  ['president', 'sen', 'senator', 'gov', 'governor', 'rep', 'mr', 'mrs', 'ms', 'dr'].concat([
    'republican',
    'democrat',
    'democratic',
    'gop',
    'former',
    'secretary',
    'vice',
  ]),
);
const WORD = new RegExp(`[${WORD_CHAR}’'-]+`, 'gu');
// The first capitalised run of the name part: "[A-Z][\w’'-]*\.?\s+" repeated, then "[A-Z][\w’'-]+".
const NAME_RUN = new RegExp(`(?:[A-Z][${WORD_CHAR}’'-]*\\.?\\s+)*[A-Z][${WORD_CHAR}’'-]+`, 'u');

export function isPronounSpeaker(gold: string): boolean {
  return PRONOUNS.has(gold.trim().toLowerCase());
}

function words(text: string | null | undefined): string[] {
  return ((text ?? '').toLowerCase().match(WORD) ?? []).filter((w) => !STOP.has(w));
}

function firstCodePoint(text: string): string {
  return Array.from(text.trim())[0] ?? '';
}

/** The name words of a gold speaker that starts with a capital, titles aside ([] for a description). */
function nameWords(gold: string): string[] {
  if (/\p{Lowercase}/u.test(firstCodePoint(gold))) return [];
  const head = gold.split(/,| of | at | from | who /)[0];
  const run = NAME_RUN.exec(head.replace(/\([^)]*\)/g, ''));
  if (!run) return [];
  return words(run[0]).filter(
    (w) => !TITLES.has(w.replace(/\.+$/, '')) && !STOP.has(w) && Array.from(w).length > 2 && !/^(ii|iii|jr)$/.test(w),
  );
}

function wordsAgree(gold: string, predicted: string): boolean {
  const goldWords = new Set(words(gold));
  const predictedWords = new Set(words(predicted));
  if (!goldWords.size || !predictedWords.size) return false;
  const shared = [...goldWords].filter((w) => predictedWords.has(w)).length;
  const union = new Set([...goldWords, ...predictedWords]).size;
  const within = (a: Set<string>, b: Set<string>) => [...a].every((w) => b.has(w));
  return shared / union >= 0.5 || within(goldWords, predictedWords) || within(predictedWords, goldWords);
}

/**
 * score.py's speaker_ok: a name in the gold is matched by one of its name words; a description
 * ("a woman at a Clinton campaign event") by word overlap, never by a name inside it.
 */
export function speakerOk(predicted: string | null | undefined, gold: string | null | undefined): boolean {
  if (!predicted || !gold) return false;
  if (/\p{Lowercase}/u.test(firstCodePoint(gold))) return wordsAgree(gold, predicted);
  const names = nameWords(gold);
  if (names.length) {
    const predictedWords = new Set(words(predicted));
    return names.some((n) => predictedWords.has(n));
  }
  return wordsAgree(gold.split(/,| of | at | from | who /)[0], predicted);
}

/** How the gold names its speaker: by name, or by a description ("a campaign aide", "The official"). */
export function speakerForm(gold: string): 'named' | 'described' {
  return nameWords(gold).length ? 'named' : 'described';
}
