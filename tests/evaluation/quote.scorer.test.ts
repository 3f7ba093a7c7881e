// score.py's quote, speaker and source rules as ported, on a hand-made article.
import { CodePoints } from '../../src/evaluation/judge-text';
import { Misses } from '../../src/evaluation/misses';
import type { Prediction, PredictedQuote } from '../../src/evaluation/pipeline.predictor';
import type { PolnearArticle } from '../../src/evaluation/polnear-gold.reader';
import { emptyQuoteTally, scoreArticleQuotes } from '../../src/evaluation/quote.scorer';

const text = new CodePoints(
  '“We will win,” Jane Doe said. He added: “The vote is close.” Officials said the plan “would fail badly” later.',
);
const at = (phrase: string): [number, number] => {
  const start = Array.from(text.text.slice(0, text.text.indexOf(phrase))).length;
  return [start, start + Array.from(phrase).length];
};
const gold: PolnearArticle = {
  id: 'made-up',
  text,
  quotes: [
    { span: at('We will win'), speaker: 'Jane Doe' },
    { span: at('The vote is close'), speaker: 'He' },
  ],
  contents: [at('the plan “would fail badly”')],
  sources: [at('Jane Doe'), at('He'), at('Officials')],
};
const quote = (phrase: string, speaker: string | null, confidence = 0.9): PredictedQuote => ({
  span: at(phrase),
  speaker,
  confidence,
  attribution: 'CUE',
});

function score(prediction: Prediction, referents = new Map<string, string>()) {
  const tally = emptyQuoteTally();
  scoreArticleQuotes(gold, prediction, referents, tally, new Misses(5));
  return tally;
}

describe('scoring direct quotes by score.py’s rules', () => {
  it('matches a prediction with its quotation marks to the trimmed gold quote, and scores its speaker', () => {
    const tally = score({ quotes: [quote('“We will win,”', 'Jane Doe')], sources: [], mentions: [] });
    expect([tally.truePositives, tally.falsePositives, tally.falseNegatives]).toEqual([1, 0, 1]);
    expect(tally.speakers.named).toEqual({ right: 1, scored: 1 });
  });

  it('ignores a prediction inside indirect speech and counts one outside any gold as spurious', () => {
    const tally = score({
      quotes: [quote('would fail badly', null), quote('Officials said', null)],
      sources: [],
      mentions: [],
    });
    expect([tally.truePositives, tally.falsePositives, tally.falseNegatives]).toEqual([0, 1, 2]);
  });

  it('scores a pronoun-sourced quote against its referent, and only when there is one', () => {
    const prediction = { quotes: [quote('The vote is close', 'Jane Doe', 0.8)], sources: [], mentions: [] };
    expect(score(prediction).pronouns).toEqual({ right: 0, scored: 0 });
    const withReferent = score(prediction, new Map([[`made-up:${at('The vote is close').join(':')}`, 'Jane Doe']]));
    expect(withReferent.pronouns).toEqual({ right: 1, scored: 1 });
    expect(withReferent.attributions).toEqual([{ confidence: 0.8, method: 'CUE', right: true }]);
  });

  it('counts a source precise when it overlaps a gold Source span by half, named and anonymous apart', () => {
    const tally = score({
      quotes: [],
      sources: [
        { span: at('Jane Doe'), descriptor: 'Jane Doe', anonymity: 'NAMED' },
        { span: at('Officials'), descriptor: 'Officials', anonymity: 'ANONYMOUS' },
        { span: at('added: “The'), descriptor: 'added', anonymity: 'ANONYMOUS' },
      ],
      mentions: [],
    });
    expect(tally.sources).toEqual({ NAMED: { right: 1, scored: 1 }, ANONYMOUS: { right: 1, scored: 2 } });
  });
});
