// Sports teams named by a place: in a match report "Belgium 3 – 0 Panama", "Sweden beat South
// Korea" name national teams, not states, and every other mention of those places in the article
// does too ("Belgium's second goal"). Only an article about a sport is read this way, and only the
// places the text sets against each other in a result, so "the tournament in Russia" stays Russia.
import { isRegion, knownActorNamed } from '../gazetteer';

/** Words of match reports; an article needs several before its places can be teams. */
const SPORT_WORDS =
  /\b(?:football|soccer|rugby|cricket|hockey|basketball|baseball|volleyball|handball|World Cup|Olympics?|tournament|championship|league|match(?:es)?|goals?|goalkeeper|striker|midfielder|defender|scored|penalt(?:y|ies)|coach|half-time|halftime|stadium|fixture|referee|squad|kick-off|semi-final|quarter-final|final whistle)\b/gi;
const MIN_SPORT_WORDS = 5;

/**
 * A capitalised name of up to four words ("South Korea", "Bosnia and Herzegovina"). It never opens
 * after a capital in the same word: a match there is a longer one from that capital, which the
 * search finds first, and trying each capital of a long run of them made the search quadratic.
 */
const NAME = String.raw`(\p{Lu}(?<!\p{Lu}[\p{L}.'’-]*?\p{Lu})[\p{L}.'’-]*(?:\s(?:and\s)?\p{Lu}[\p{L}.'’-]*){0,3})`;
const SCORE = String.raw`\d{1,3}\s?[–—-]\s?\d{1,3}`;
const RESULT_VERBS = String.raw`(?:defeated|defeats|beat|beats|lost to|loses to|drew with|draws with|tied with|faced|faces|played|plays|edged|thrashed|routed|overcame|eliminated|knocked out|hammered|outplayed)`;

/** The places a result sets against each other: "X 1 – 0 Y", "X beat Y", "against Y", "X vs Y". */
const RESULTS = [
  new RegExp(`${NAME}\\s${SCORE}\\s${NAME}`, 'gu'),
  new RegExp(`${NAME}\\s${RESULT_VERBS}\\s(?:\\p{Ll}+\\s)?${NAME}`, 'gu'),
  new RegExp(`\\b(?:against|versus|vs\\.?)\\s${NAME}`, 'gu'),
];

/** What a place names when it plays: its state's national team, or a home nation's ("England"). */
function teamOf(place: string): string | undefined {
  const state = knownActorNamed(place);
  if (state?.kind === 'STATE') return `${state.name} national team`;
  // A region's adjective ("European", "Nordic") is no team.
  return isRegion(place) && !/\s/.test(place) && !/(?:an|ern|ic)$/.test(place) ? `${place} national team` : undefined;
}

/** The longest part of a matched name that is a place ("Then England" -> "England"). */
function placeIn(name: string): string | undefined {
  const words = name.replace(/['’]s$/, '').split(/\s/);
  for (let n = words.length; n >= 1; n -= 1) {
    for (let from = 0; from + n <= words.length; from += 1) {
      const part = words.slice(from, from + n).join(' ');
      if (teamOf(part)) return part;
    }
  }
  return undefined;
}

/**
 * The team each place of the article's results stands for, by the place as written; empty
 * outside articles about a sport.
 */
export function sportsTeams(text: string): Map<string, string> {
  const teams = new Map<string, string>();
  if ((text.match(SPORT_WORDS) ?? []).length < MIN_SPORT_WORDS) return teams;
  for (const pattern of RESULTS) {
    for (const match of text.matchAll(pattern)) {
      for (const name of match.slice(1)) {
        const place = name === undefined ? undefined : placeIn(name);
        if (place) teams.set(place, teamOf(place) as string);
      }
    }
  }
  return teams;
}
