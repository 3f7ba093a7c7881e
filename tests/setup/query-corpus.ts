// A small corpus with two outlets, three months (and an undated article), named and anonymous
// sources with affiliations through NATO membership, two policy questions, and curated and
// extracted quotes: enough to check every filter against hand counts and SQL.
import { ActorKind } from '../../src/actor/actor.entity';
import { QuoteKind } from '../../src/quote/quote.entity';
import { Position } from '../../src/stance/stance.entity';
import type { CorpusSpec } from './corpus-builder';

export const QUERY_CORPUS: CorpusSpec = {
  outlets: [
    { key: 'one', name: 'Daily One', domain: 'one.example' },
    { key: 'two', name: 'Two Times', domain: 'two.example' },
  ],
  actors: [
    { name: 'NATO', kind: ActorKind.ORGANIZATION },
    { name: 'France', kind: ActorKind.STATE, memberOf: ['NATO'] },
    { name: 'Germany', kind: ActorKind.STATE, memberOf: ['NATO'] },
    { name: 'Ukraine', kind: ActorKind.STATE },
    { name: 'Emmanuel Macron', kind: ActorKind.PERSON, aliases: ['Macron'], affiliation: 'France' },
    { name: 'Olaf Scholz', kind: ActorKind.PERSON, aliases: ['Scholz'], affiliation: 'Germany' },
    { name: 'Volodymyr Zelensky', kind: ActorKind.PERSON, aliases: ['Zelensky', 'Zelenskyy'], affiliation: 'Ukraine' },
    { name: 'Éric Lombard', kind: ActorKind.PERSON, affiliation: 'France' },
  ],
  questions: [
    { slug: 'strikes-inside-russia', text: 'Should Ukraine strike targets inside Russia?' },
    { slug: 'nato-trained-brigades', text: 'Should NATO countries train new Ukrainian brigades?' },
  ],
  articles: [
    {
      key: 'a1',
      title: 'Zelensky in Paris',
      outlet: 'one',
      publishedAt: '2024-09-10T12:00:00Z',
      url: 'https://one.example/zelensky-paris',
      intro: 'Zelensky met Macron in Paris.',
      quotes: [
        {
          text: 'We need long-range strikes now.',
          source: 'Volodymyr Zelensky',
          stance: { question: 'strikes-inside-russia', position: Position.SUPPORT },
        },
        {
          text: 'France backs a coherent strategy.',
          source: 'a French diplomat',
          affiliation: 'France',
          role: 'diplomat',
          extracted: { confidence: 0.9 },
          stance: { question: 'strikes-inside-russia', position: Position.CONDITIONAL },
        },
        {
          text: 'Nothing is decided yet.',
          source: 'an official from a NATO country',
          affiliation: 'NATO',
          role: 'official',
          extracted: { confidence: 0.4 },
        },
      ],
    },
    {
      key: 'a2',
      title: 'Berlin says no',
      outlet: 'one',
      publishedAt: '2024-10-05T09:00:00Z',
      intro: 'Scholz spoke after Macron.',
      quotes: [
        {
          text: 'Germany will not send Taurus missiles.',
          source: 'Olaf Scholz',
          stance: { question: 'strikes-inside-russia', position: Position.OPPOSE },
        },
        {
          text: 'The brigades will be trained in Poland.',
          source: 'a German defense official',
          affiliation: 'Germany',
          role: 'defense official',
          stance: { question: 'nato-trained-brigades', position: Position.SUPPORT },
        },
        { text: 'we are talking to our allies', source: 'Emmanuel Macron', kind: QuoteKind.PARAPHRASE },
      ],
    },
    {
      key: 'a3',
      title: 'A call between Kyiv and Berlin',
      outlet: 'two',
      publishedAt: '2024-09-20T18:30:00Z',
      intro: 'Zelensky and Scholz spoke by phone.',
      quotes: [
        {
          text: 'Strategy matters more than speed.',
          source: 'a Ukrainian military source',
          affiliation: 'Ukraine',
          role: 'military source',
          extracted: { confidence: 0.7 },
          stance: { question: 'nato-trained-brigades', position: Position.SUPPORT },
        },
        { text: 'The brigades need more time.', source: 'analysts', role: 'analysts' },
      ],
    },
    {
      key: 'a4',
      title: 'A minister in Kyiv',
      outlet: 'two',
      intro: 'Éric Lombard visited Kyiv.',
      quotes: [{ text: 'Budgets are tight.', source: 'Éric Lombard' }],
    },
  ],
};
