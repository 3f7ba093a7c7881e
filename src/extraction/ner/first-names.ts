// First names and the gender they usually carry, from gender-detection-from-name's lists (English,
// Italian, Spanish, French, German, Turkish): evidence that a capitalised word is a person's name,
// and the gender a pronoun must agree with when the text gives none better (no title).
import type { getGender as GetGender } from 'gender-detection-from-name';

// The lists take a few megabytes: loaded on the first look-up, not when the app starts.
let lookUp: typeof GetGender | undefined;

type Gender = 'male' | 'female' | undefined;
/** Answers by word: the same names recur through an article. Bounded, as the gazetteer's are. */
const answers = new Map<string, Gender>();

export function genderOfFirstName(word: string): Gender {
  if (answers.has(word)) return answers.get(word);
  if (answers.size >= 20_000) answers.clear();
  const gender = genderOf(word);
  answers.set(word, gender);
  return gender;
}

function genderOf(word: string): Gender {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- lazy and synchronous, as text-analysis loads wink's model
  lookUp ??= (require('gender-detection-from-name') as { getGender: typeof GetGender }).getGender;
  const gender = lookUp(word, '');
  return gender === 'male' || gender === 'female' ? gender : undefined;
}
