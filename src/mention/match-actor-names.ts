// Finds where known actor names and aliases occur in a text: whole words, case-sensitive, the
// longest name winning where names overlap ("Ukraine Defense Contact Group" over "Ukraine").
import { codePointIndexer } from '../common/code-points';

export interface ActorNames {
  readonly actorId: string;
  readonly names: readonly string[];
}

export interface NameMatch {
  readonly actorId: string;
  /** Code points, half-open. */
  readonly start: number;
  readonly end: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function matchActorNames(text: string, actors: readonly ActorNames[]): NameMatch[] {
  const candidates: { actorId: string; from: number; to: number }[] = [];
  for (const actor of actors) {
    for (const name of new Set(actor.names)) {
      if (!name.trim()) continue;
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(name)}(?![\\p{L}\\p{N}])`, 'gu');
      for (const match of text.matchAll(pattern)) {
        candidates.push({ actorId: actor.actorId, from: match.index, to: match.index + match[0].length });
      }
    }
  }
  candidates.sort((a, b) => b.to - b.from - (a.to - a.from) || a.from - b.from);
  const taken: { from: number; to: number }[] = [];
  const kept = candidates.filter((c) => {
    if (taken.some((t) => c.from < t.to && t.from < c.to)) return false;
    taken.push(c);
    return true;
  });
  const toCodePoints = codePointIndexer(text);
  return kept
    .sort((a, b) => a.from - b.from)
    .map((c) => ({ actorId: c.actorId, start: toCodePoints(c.from), end: toCodePoints(c.to) }));
}
