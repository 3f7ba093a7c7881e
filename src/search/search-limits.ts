// How much full-text query one request may ask for. websearch_to_tsquery turns every word into a
// node of one tsquery: hundreds of words cost seconds of matching and ranking per row, and a long
// enough text overflows PostgreSQL's stack while it is parsed, so both are bounded before any SQL.
import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { codePointLength } from '../common/code-points';
import { AppError } from '../errors/app-error';

/** The longest full-text search, in code points: many sentences' worth of words. */
export const MAX_SEARCH_LENGTH = 500;

/** The most words one full-text search may hold (`or` between words is an operator, not a word). */
export const MAX_SEARCH_TERMS = 32;

/**
 * Headlines are made from at most this many characters of a hit's text (an article's title whole,
 * then its body's first ones): ts_headline's time grows with the square of the matches in the text
 * it is given (a 400,000-character article that repeats the phrase took 2 s; 1.5 MB, 9 s), and an
 * article that long would make every search it matches slow.
 */
export const HEADLINE_WINDOW = 50_000;

// What PostgreSQL's parser makes a lexeme of, near enough: a run of letters and digits.
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of a websearch-syntax query, its `or` operators left out. */
export function searchTermCount(text: string): number {
  let count = 0;
  for (const [word] of text.matchAll(WORD)) if (word.toLowerCase() !== 'or') count += 1;
  return count;
}

/** What makes `text` too much for one full-text search, or undefined when it is within the limits. */
export function searchTextProblem(text: string): string | undefined {
  // Counted in UTF-16 units first, so that a megabyte is refused without walking it.
  if (text.length > MAX_SEARCH_LENGTH * 2 || codePointLength(text) > MAX_SEARCH_LENGTH)
    return `must be at most ${MAX_SEARCH_LENGTH} characters long`;
  const terms = searchTermCount(text);
  if (terms > MAX_SEARCH_TERMS) return `must hold at most ${MAX_SEARCH_TERMS} words (it holds ${terms})`;
  return undefined;
}

/** BAD_USER_INPUT naming `field` when `text` is more than one full-text search may ask for. */
export function checkSearchText(text: string | null | undefined, field: string): void {
  const problem = text == null ? undefined : searchTextProblem(text);
  if (problem) throw AppError.badInput(`${field} ${problem}`, field);
}

/**
 * The class-validator rule for an input field that becomes a full-text search
 * (`ArticleFilter.search`, `QuoteFilter.search`), so the argument validation refuses it by path.
 */
export function IsSearchText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSearchText',
      target: target.constructor,
      propertyName: String(propertyName),
      options,
      validator: {
        validate: (value: unknown) => value == null || (typeof value === 'string' && !searchTextProblem(value)),
        defaultMessage: ({ property, value }: ValidationArguments) =>
          `${property} ${typeof value === 'string' ? searchTextProblem(value) : 'must be a string'}`,
      },
    });
}
