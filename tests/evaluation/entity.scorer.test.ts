// score_entities.py's mention, kind and clustering rules as ported, on hand-made mentions.
import { clusteringScores } from '../../src/evaluation/clustering.scorer';
import { emptyEntityTally, scoreArticleEntities } from '../../src/evaluation/entity.scorer';
import { Misses } from '../../src/evaluation/misses';
import type { PredictedMention } from '../../src/evaluation/pipeline.predictor';
import type { GoldMention } from '../../src/evaluation/wikinews.reader';

// "U.S. President Jane Doe's visit to the Doe Museum in Paris"
const person: GoldMention = {
  span: [0, 29],
  text: "U.S. President Jane Doe's visit",
  entityId: 1,
  type: 'person',
  identity: 'Jane_Doe',
  named: true,
  head: [15, 19],
  nameHead: [15, 23],
};
const museum: GoldMention = { span: [34, 48], text: 'the Doe Museum', entityId: 2, type: 'organization', named: true };
const nested: GoldMention = {
  span: [38, 41],
  text: 'Doe',
  entityId: 1,
  type: 'person',
  named: true,
  nestedInName: true,
};
const city: GoldMention = { span: [52, 57], text: 'Paris', entityId: 3, type: 'place', named: true, stateLike: false };
const predicted = (span: [number, number], id: number, kind: string): PredictedMention => ({
  span,
  actor: { id, name: `actor ${id}`, kind },
});

function score(preds: PredictedMention[]) {
  const tally = emptyEntityTally();
  scoreArticleEntities('doc', [person, museum, nested, city], preds, tally, new Misses(5));
  return tally;
}

describe('scoring actor mentions by score_entities.py’s rules', () => {
  it('matches a name inside a longer gold phrase when it covers the name head', () => {
    const tally = score([predicted([15, 23], 1, 'PERSON')]);
    expect([tally.required, tally.matched, tally.falsePositives, tally.kindRight]).toEqual([2, 1, 0, 1]);
  });

  it('ignores a prediction on a city or a nested name when its kind fits, and counts it false when not', () => {
    expect(score([predicted([52, 57], 2, 'STATE'), predicted([38, 41], 3, 'PERSON')]).ignored).toBe(2);
    const wrong = score([predicted([52, 57], 2, 'PERSON')]);
    expect([wrong.ignored, wrong.falsePositives]).toEqual([0, 1]);
  });

  it('counts a matched organisation named as a person as a wrong kind', () => {
    const tally = score([predicted([38, 48], 4, 'PERSON')]);
    expect([tally.matched, tally.kindRight]).toEqual([1, 0]);
  });
});

describe('clustering pairs within and across articles', () => {
  it('counts across-article pairs as all pairs less those within articles', () => {
    const item = (doc: string, actorId: number, goldKey: string) => ({
      doc,
      actorId,
      actorName: '',
      goldKey,
      goldText: '',
    });
    const scores = clusteringScores([item('a', 1, 'X'), item('a', 1, 'X'), item('b', 2, 'X'), item('b', 2, 'Y')]);
    expect(scores.within).toMatchObject({ predictedPairs: 2, goldPairs: 1, bothPairs: 1 });
    expect(scores.across).toMatchObject({ predictedPairs: 0, goldPairs: 2, bothPairs: 0, f1: 0 });
  });
});
