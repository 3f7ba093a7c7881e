// The CLI's checkpoint: how far into an input every item is committed, so that a run that was
// interrupted resumes there instead of sending everything again.
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

export interface Checkpoint {
  readonly input: string;
  /** The input as it was; a changed input starts over. */
  readonly size: number;
  readonly mtimeMs: number;
  /** Every item at or before this position is committed (or failed and reported). */
  readonly committedThrough: number;
}

export function readCheckpoint(file: string, input: string): Checkpoint | undefined {
  let checkpoint: Checkpoint;
  try {
    checkpoint = JSON.parse(readFileSync(file, 'utf8')) as Checkpoint;
  } catch {
    return undefined;
  }
  const now = statSync(input);
  return checkpoint.input === input && checkpoint.size === now.size && checkpoint.mtimeMs === now.mtimeMs
    ? checkpoint
    : undefined;
}

/** Written to a temporary file and renamed, so that a kill never leaves half a checkpoint. */
export function writeCheckpoint(file: string, input: string, committedThrough: number): void {
  const now = statSync(input);
  const checkpoint: Checkpoint = { input, size: now.size, mtimeMs: now.mtimeMs, committedThrough };
  writeFileSync(`${file}.tmp`, JSON.stringify(checkpoint));
  renameSync(`${file}.tmp`, file);
}

export function clearCheckpoint(file: string): void {
  rmSync(file, { force: true });
}
