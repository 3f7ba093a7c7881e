// Finds quotations: text between quotation marks (curly and straight, double and single, «»,
// „“, and the typewriter '' pair some archives use), one quotation across paragraphs when each new
// paragraph reopens it, nested marks left inside. Which of them are speech is decided by the
// attribution step. Offsets are UTF-16.

export interface Quotation {
  /** The text between the marks. */
  readonly start: number;
  readonly end: number;
  /** The marks included. */
  readonly outerStart: number;
  readonly outerEnd: number;
  readonly paragraphs: number;
}

const CLOSING: Record<string, string[]> = {
  '“': ['”'],
  '„': ['“', '”'],
  '«': ['»'],
  '"': ['"'],
  '‘': ['’'],
  "''": ["''"],
};

function isSpace(char: string | undefined): boolean {
  return char === undefined || /\s/.test(char);
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}]/u.test(char);
}

/** The opening mark at `i`, if one opens a quotation there. */
function openingAt(text: string, i: number): string | undefined {
  const mark = text.startsWith("''", i) ? "''" : text[i];
  if (!(mark in CLOSING)) return undefined;
  const before = text[i - 1];
  const after = text[i + mark.length];
  if (isSpace(after)) return undefined;
  // Straight and single marks open only at the start of a word.
  if (mark === '"' || mark === '‘' || mark === "''")
    return isSpace(before) || /[([{—–\-/“"‘:]/.test(before) ? mark : undefined;
  return mark;
}

/** The length of a mark at `j` that closes a quotation opened with `mark`, or 0. */
function closingAt(text: string, j: number, mark: string): number {
  const close = CLOSING[mark].find((c) => text.startsWith(c, j));
  if (!close) return 0;
  // An apostrophe inside a word (don’t, Zelensky’s) closes nothing.
  if (close === '’' && isWordChar(text[j + 1])) return 0;
  if (close === '"' || close === "''")
    return !isSpace(text[j - 1]) || isSpace(text[j + close.length]) ? close.length : 0;
  return close.length;
}

/** Where a mark may open: no other character can (''' opens with its first apostrophe). */
const MAY_OPEN = /[“„«"‘']/g;
/** Where a quotation opened by each mark may close or break: its closing marks' first characters and a line break. */
const MAY_CLOSE = new Map(
  Object.entries(CLOSING).map(([mark, closes]) => [
    mark,
    new RegExp(`[\\n${[...new Set(closes.map((c) => c[0]))].join('')}]`, 'g'),
  ]),
);

/** The first index at or after `from` where `pattern` matches, else the text's length: the scans skip plain text. */
function nextAt(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  return pattern.exec(text)?.index ?? text.length;
}

export function findQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  let i = nextAt(MAY_OPEN, text, 0);
  while (i < text.length) {
    const mark = openingAt(text, i);
    if (!mark) {
      i = nextAt(MAY_OPEN, text, i + 1);
      continue;
    }
    const mayClose = MAY_CLOSE.get(mark) as RegExp;
    const outerStart = i;
    let paragraphs = 1;
    let j = nextAt(mayClose, text, i + mark.length);
    let found: Quotation | undefined;
    while (j < text.length) {
      if (text[j] === '\n') {
        // A quotation that goes on into the next paragraph reopens it there.
        let k = j + 1;
        while (k < text.length && /\s/.test(text[k])) k += 1;
        if (text.startsWith(mark, k)) {
          paragraphs += 1;
          j = nextAt(mayClose, text, k + mark.length);
          continue;
        }
        break;
      }
      const closing = closingAt(text, j, mark);
      if (closing) {
        found = { start: outerStart + mark.length, end: j, outerStart, outerEnd: j + closing, paragraphs };
        break;
      }
      j = nextAt(mayClose, text, j + 1);
    }
    if (found && found.end > found.start) {
      quotations.push(found);
      i = nextAt(MAY_OPEN, text, found.outerEnd);
    } else {
      i = nextAt(MAY_OPEN, text, i + mark.length);
    }
  }
  return quotations;
}
