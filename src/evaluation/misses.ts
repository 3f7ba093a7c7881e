// Failures kept for `--misses N`: a few examples of each kind, and how many there were.

export type MissKind =
  | 'missed quote'
  | 'spurious quote'
  | 'wrong speaker'
  | 'wrong pronoun referent'
  | 'fragment source'
  | 'missed entity'
  | 'false entity'
  | 'wrong kind'
  | 'split cluster'
  | 'merged cluster';

export class Misses {
  readonly counts = new Map<MissKind, number>();
  readonly examples = new Map<MissKind, string[]>();

  constructor(private readonly keep: number) {}

  add(kind: MissKind, example: () => string): void {
    this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    const examples = this.examples.get(kind) ?? [];
    if (examples.length < this.keep) examples.push(example());
    this.examples.set(kind, examples);
  }
}

/** A passage for a miss line: at most `max` characters, on one line. */
export function excerpt(text: string, max = 90): string {
  const line = text.replace(/\s+/g, ' ');
  return JSON.stringify(line.length > max ? `${line.slice(0, max)}…` : line);
}
