// Names a test can make by the thousand, each distinct and letters only, as extraction reads names.

/** Distinct letters-only surnames, one per number: Barak, Barek, … */
export function surname(n: number): string {
  let letters = '';
  let rest = n;
  do {
    letters += 'aeioulmnrst'[rest % 11];
    rest = Math.floor(rest / 11);
  } while (rest);
  return `Bar${letters}k`;
}
