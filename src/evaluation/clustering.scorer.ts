// score_entities.py's clustering: over matched mentions, pairs that share an actor against pairs
// that share a gold entity (Wikipedia identity, else the GUM entity in its article), within
// articles, across articles (all pairs less those within) and overall.
import type { MatchedMention } from './entity.scorer';
import { precisionRecall, type PrecisionRecall } from './judge-text';
import type { Misses } from './misses';

export interface PairScore extends PrecisionRecall {
  readonly predictedPairs: number;
  readonly goldPairs: number;
  readonly bothPairs: number;
}

function pairs(keys: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  let total = 0;
  for (const n of counts.values()) total += (n * (n - 1)) / 2;
  return total;
}

function pairCounts(items: readonly MatchedMention[], within: boolean): [number, number, number] {
  const scope = (m: MatchedMention) => (within ? `${m.doc}\u0000` : '');
  return [
    pairs(items.map((m) => `${scope(m)}${m.actorId}`)),
    pairs(items.map((m) => `${scope(m)}${m.goldKey}`)),
    pairs(items.map((m) => `${scope(m)}${m.actorId}\u0000${m.goldKey}`)),
  ];
}

function pairScore([predictedPairs, goldPairs, bothPairs]: [number, number, number]): PairScore {
  return { ...precisionRecall(bothPairs, predictedPairs, goldPairs), predictedPairs, goldPairs, bothPairs };
}

export function clusteringScores(items: readonly MatchedMention[]): {
  within: PairScore;
  across: PairScore;
  all: PairScore;
} {
  const within = pairCounts(items, true);
  const all = pairCounts(items, false);
  const across: [number, number, number] = [all[0] - within[0], all[1] - within[1], all[2] - within[2]];
  return { within: pairScore(within), across: pairScore(across), all: pairScore(all) };
}

/** Gold entities spread over several actors, and actors holding several gold entities. */
export function clusterMisses(items: readonly MatchedMention[], misses: Misses): void {
  const group = (key: (m: MatchedMention) => string, inner: (m: MatchedMention) => string) => {
    const groups = new Map<string, Map<string, MatchedMention[]>>();
    for (const m of items) {
      let members = groups.get(key(m));
      if (!members) groups.set(key(m), (members = new Map<string, MatchedMention[]>()));
      const same = members.get(inner(m));
      if (same) same.push(m);
      else members.set(inner(m), [m]);
    }
    return [...groups.entries()].filter(([, members]) => members.size > 1).sort(([, a], [, b]) => b.size - a.size);
  };
  for (const [gold, actors] of group(
    (m) => m.goldKey,
    (m) => String(m.actorId),
  ))
    misses.add(
      'split cluster',
      () => `${gold}: ${[...actors.values()].map((v) => `'${v[0].actorName}' x${v.length}`).join(' | ')}`,
    );
  for (const [, golds] of group(
    (m) => String(m.actorId),
    (m) => m.goldKey,
  ))
    misses.add(
      'merged cluster',
      () =>
        `actor '${[...golds.values()][0][0].actorName}': ${[...golds.entries()].map(([g, v]) => `${g} ('${v[0].goldText}' x${v.length})`).join(' | ')}`,
    );
}
