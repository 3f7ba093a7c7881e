import { codePointIndexer } from '../../src/common/code-points';
import { matchActorNames } from '../../src/mention/match-actor-names';

describe('matchActorNames', () => {
  test('finds whole-word names at code point offsets after an emoji', () => {
    const text = '🇺🇦 Zelensky met Biden. Zelenskyy is another spelling.';
    const matches = matchActorNames(text, [
      { actorId: 'z', names: ['Zelensky'] },
      { actorId: 'b', names: ['Biden', 'Joe Biden'] },
    ]);
    const chars = Array.from(text);
    expect(matches.map((m) => [m.actorId, chars.slice(m.start, m.end).join('')])).toEqual([
      ['z', 'Zelensky'],
      ['b', 'Biden'],
    ]);
    expect(matches[0].start).toBe(3);
  });

  test('prefers the longest name where names overlap', () => {
    const matches = matchActorNames('the Ukraine Defense Contact Group and Ukraine', [
      { actorId: 'ua', names: ['Ukraine'] },
      { actorId: 'udcg', names: ['Ukraine Defense Contact Group'] },
    ]);
    expect(matches.map((m) => m.actorId)).toEqual(['udcg', 'ua']);
  });
});

describe('codePointIndexer', () => {
  test('counts a surrogate pair as one code point', () => {
    const index = codePointIndexer('a😀b');
    expect([index(0), index(1), index(3), index(4)]).toEqual([0, 1, 2, 3]);
  });
});
