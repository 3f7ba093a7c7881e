// score_entities.py in TypeScript (name-aware matching, captions kept): predicted mentions matched
// one to one, greedy by overlap, to the required gold mentions (named persons, organisations and
// sovereign states, not nested in a name); predictions on other person/organisation/place mentions
// ignored when their kind fits, false otherwise; kind accuracy over the matched mentions.
import { compareTuplesDescending, overlap, type Span } from './judge-text';
import { excerpt, type Misses } from './misses';
import type { PredictedMention } from './pipeline.predictor';
import type { GoldMention } from './wikinews.reader';

type GoldClass = 'person' | 'organization' | 'state';

const KIND_ALIASES: Record<string, string> = { ORGANISATION: 'ORGANIZATION' };
/** Kinds a prediction may have on a gold mention that is not required without counting as false. */
const COMPATIBLE: Record<string, ReadonlySet<string>> = {
  person: new Set(['PERSON', 'GROUP']),
  organization: new Set(['ORGANIZATION', 'MEDIA', 'STATE', 'GROUP']),
  place: new Set(['STATE', 'ORGANIZATION']),
};
const ENTITY_TYPES = new Set(Object.keys(COMPATIBLE));

/** One matched mention, for clustering: the actor it was linked to and the gold entity it is. */
export interface MatchedMention {
  readonly doc: string;
  readonly actorId: number;
  readonly actorName: string;
  readonly goldKey: string;
  readonly goldText: string;
}

export interface EntityTally {
  required: number;
  predicted: number;
  matched: number;
  falsePositives: number;
  ignored: number;
  kindRight: number;
  readonly items: MatchedMention[];
}

export function emptyEntityTally(): EntityTally {
  return { required: 0, predicted: 0, matched: 0, falsePositives: 0, ignored: 0, kindRight: 0, items: [] };
}

/** Match score of a predicted span for a gold mention: overlap ≥ 0.5, or inside it covering its name head. */
function eligible(p: Span, g: GoldMention): number | null {
  const share = overlap(p, g.span);
  if (share >= 0.5) return share;
  const head = g.nameHead ?? g.head;
  if (head && g.span[0] <= p[0] && p[1] <= g.span[1] && p[0] <= head[0] && head[1] <= p[1]) return share;
  return null;
}

function goldClass(g: GoldMention): GoldClass | null {
  if (!g.named || g.nestedInName) return null;
  if (g.type === 'person') return g.plural ? null : 'person';
  if (g.type === 'organization') return 'organization';
  if (g.type === 'place' && g.stateLike) return 'state';
  return null;
}

function ignoreReason(g: GoldMention): string {
  if (goldClass(g)) return 'second prediction on a matched name';
  if (g.nestedInName) return 'name inside a name';
  if (g.titleOnly) return 'title, not a name';
  if (!g.named) return 'not a name';
  if (g.type === 'person') return 'plural group';
  return 'place that is not a state';
}

function expectedKinds(g: GoldMention): Set<string> {
  const c = goldClass(g);
  if (c === 'person') return new Set(['PERSON']);
  if (c === 'state') return new Set(['STATE']);
  const kinds = new Set(['ORGANIZATION', 'MEDIA']);
  if (g.stateLike || (g.identity ?? '').startsWith('Government_of_')) kinds.add('STATE');
  return kinds;
}

function goldKey(doc: string, g: GoldMention): string {
  return g.identity ? `id ${g.identity}` : `local ${doc}#${g.entityId}`;
}

function kindOf(p: PredictedMention): string {
  return KIND_ALIASES[p.actor.kind] ?? p.actor.kind;
}

/** Greedy one-to-one: score, then nearer start, then the later prediction and gold first (Python's reverse sort). */
function matchMentions(preds: readonly PredictedMention[], required: readonly GoldMention[]): Map<number, number> {
  const candidates: number[][] = [];
  preds.forEach((p, i) =>
    required.forEach((g, j) => {
      const score = eligible(p.span, g);
      if (score !== null) candidates.push([score, -Math.abs(p.span[0] - g.span[0]), i, j]);
    }),
  );
  candidates.sort(compareTuplesDescending);
  const byPrediction = new Map<number, number>();
  const usedGold = new Set<number>();
  for (const [, , i, j] of candidates) {
    if (byPrediction.has(i) || usedGold.has(j)) continue;
    byPrediction.set(i, j);
    usedGold.add(j);
  }
  return byPrediction;
}

/** An unmatched prediction: ignored on a gold person/organisation/place mention its kind fits, else false. */
function scoreUnmatched(
  doc: string,
  p: PredictedMention,
  candidates: readonly GoldMention[],
  tally: EntityTally,
  misses: Misses,
): void {
  const hit = candidates.filter((g) => eligible(p.span, g) !== null);
  const shown = () => `${doc}: ${excerpt(p.actor.name, 60)} ${p.span[0]}-${p.span[1]} as ${kindOf(p)}`;
  if (hit.length) {
    const g = hit.reduce((best, h) => (overlap(p.span, h.span) > overlap(p.span, best.span) ? h : best));
    if (COMPATIBLE[g.type].has(kindOf(p))) {
      tally.ignored += 1;
      return;
    }
    tally.falsePositives += 1;
    misses.add('false entity', () => `${shown()} (gold ${g.type}, ${ignoreReason(g)}: '${g.text}')`);
    return;
  }
  tally.falsePositives += 1;
  misses.add('false entity', () => `${shown()} (no required or ignorable gold mention)`);
}

export function scoreArticleEntities(
  doc: string,
  gold: readonly GoldMention[],
  preds: readonly PredictedMention[],
  tally: EntityTally,
  misses: Misses,
): void {
  const required = gold.filter((g) => goldClass(g));
  const ignorable = gold.filter((g) => !goldClass(g) && ENTITY_TYPES.has(g.type));
  tally.required += required.length;
  tally.predicted += preds.length;
  const matched = matchMentions(preds, required);
  preds.forEach((p, i) => {
    if (!matched.has(i)) scoreUnmatched(doc, p, [...ignorable, ...required], tally, misses);
  });
  const matchedGold = new Set(matched.values());
  required.forEach((g, j) => {
    if (!matchedGold.has(j))
      misses.add('missed entity', () => `${doc}: ${goldClass(g)} '${g.text}' (${g.identity ?? '-'})`);
  });
  tally.matched += matched.size;
  for (const [i, j] of matched) {
    const p = preds[i];
    const g = required[j];
    if (expectedKinds(g).has(kindOf(p))) tally.kindRight += 1;
    else
      misses.add(
        'wrong kind',
        () => `${doc}: '${g.text}' as ${kindOf(p)} '${p.actor.name}', gold ${g.type} ${g.identity ?? ''}`,
      );
    tally.items.push({ doc, actorId: p.actor.id, actorName: p.actor.name, goldKey: goldKey(doc, g), goldText: g.text });
  }
}
