// `npm run eval -- <folder>`: scores extraction, without a server, on annotated articles: PolNeAR's
// brat standoff (a folder with text/ and attributions/) or our gold JSON (*.gold.json files).
// Prints direct-quote precision, recall and F1, speaker accuracy, and the main failures.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { codePointIndexer } from '../common/code-points';
import { readGoldDocument } from '../corpus/gold-annotation';
import { type ArticleDraft, extractArticle } from '../extraction/extract-article';
import { readBratFolder } from './brat-reader';
import {
  type GoldQuote,
  type PredictedQuote,
  type QuoteScore,
  type Range,
  sameSpeaker,
  scoreQuotes,
  startsWithQuotationMark,
  trimRange,
} from './scoring';

function predictedQuotes(text: string, draft: ArticleDraft): PredictedQuote[] {
  const toCodePoints = codePointIndexer(text);
  return draft.quotes
    .filter((q) => q.kind === 'DIRECT')
    .map((q) => {
      const source = q.source === null ? undefined : draft.sources[q.source];
      // The speaker as named at this quote ("the president"), and whom the source is (Barack Obama).
      const named = [...new Set([q.speaker, source?.actor?.name ?? source?.descriptor].filter(Boolean))].join(' / ');
      return {
        start: toCodePoints(q.start),
        end: toCodePoints(q.end),
        speaker: q.speaker ?? source?.descriptor,
        speakerName: named || undefined,
      };
    });
}

function total(scores: QuoteScore[]): QuoteScore {
  return scores.reduce(
    (sum, s) => ({
      truePositives: sum.truePositives + s.truePositives,
      falsePositives: sum.falsePositives + s.falsePositives,
      falseNegatives: sum.falseNegatives + s.falseNegatives,
      ignored: sum.ignored + s.ignored,
      speakersRight: sum.speakersRight + s.speakersRight,
      speakersScored: sum.speakersScored + s.speakersScored,
      misses: [...sum.misses, ...s.misses],
    }),
    {
      truePositives: 0,
      falsePositives: 0,
      falseNegatives: 0,
      ignored: 0,
      speakersRight: 0,
      speakersScored: 0,
      misses: [],
    },
  );
}

function printScore(label: string, score: QuoteScore, showMisses: number): void {
  const precision = score.truePositives / Math.max(1, score.truePositives + score.falsePositives);
  const recall = score.truePositives / Math.max(1, score.truePositives + score.falseNegatives);
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  console.log(`${label}`);
  console.log(
    `  direct quotes: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}, F1 ${f1.toFixed(3)}  (${score.truePositives} matched, ${score.falsePositives} spurious, ${score.falseNegatives} missed, ${score.ignored} inside indirect speech, not counted)`,
  );
  console.log(
    `  speaker accuracy over matched quotes with a non-pronoun gold source: ${(score.speakersRight / Math.max(1, score.speakersScored)).toFixed(3)} (${score.speakersRight}/${score.speakersScored})`,
  );
  for (const kind of ['missed', 'spurious', 'speaker'] as const) {
    const misses = score.misses.filter((m) => m.kind === kind);
    if (!misses.length || !showMisses) continue;
    console.log(`  ${kind} (${misses.length}), for example:`);
    for (const miss of misses.slice(0, showMisses)) {
      console.log(
        `    ${JSON.stringify(miss.text.slice(0, 90))}${miss.gold !== undefined || miss.predicted !== undefined ? `  gold: ${miss.gold ?? '-'} | predicted: ${miss.predicted ?? '-'}` : ''}`,
      );
    }
  }
}

function evaluateBrat(folder: string, showMisses: number): void {
  const scores = readBratFolder(folder).map((document) => {
    const chars = Array.from(document.text);
    const gold: GoldQuote[] = [];
    const indirect: Range[] = [];
    for (const attribution of document.attributions) {
      const content = attribution.content;
      if (!content) continue;
      const [firstStart, firstEnd] = content.pieces[0];
      if (startsWithQuotationMark(chars.slice(firstStart, firstEnd).join(''))) {
        for (const [start, end] of content.pieces) {
          const range = trimRange(document.text, start, end);
          if (range.end > range.start) gold.push({ ...range, speaker: attribution.source?.text });
        }
      } else {
        for (const [start, end] of content.pieces) indirect.push({ start, end });
      }
    }
    return scoreQuotes(document.text, gold, predictedQuotes(document.text, extractArticle(document.text)), indirect);
  });
  printScore(`${folder}: ${scores.length} articles`, total(scores), showMisses);
}

/** Our gold JSON: exact spans, speakers, anonymity and affiliations, one actor per named person. */
function evaluateGold(folder: string): void {
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()) {
    const { gold, text } = readGoldDocument(folder, file.replace(/\.gold\.json$/, ''));
    const draft = extractArticle(text);
    const toCodePoints = codePointIndexer(text);
    const goldDirect = gold.quotes.filter((q) => q.kind === 'DIRECT');
    const predicted = draft.quotes
      .filter((q) => q.kind === 'DIRECT')
      .map((q) => ({ ...q, start: toCodePoints(q.start), end: toCodePoints(q.end) }));
    const exact = goldDirect.filter((g) => predicted.some((p) => p.start === g.span[0] && p.end === g.span[1]));
    let speakers = 0;
    let anonymity = 0;
    let affiliation = 0;
    const sourceById = new Map(gold.sources.map((s) => [s.id, s]));
    const actorName = new Map(gold.actors.map((a) => [a.id, a.name]));
    for (const g of goldDirect) {
      const p = predicted.find((q) => q.start === g.span[0] && q.end === g.span[1]);
      const source = p && p.source !== null ? draft.sources[p.source] : undefined;
      const expected = sourceById.get(g.speaker);
      if (!source || !expected) continue;
      if (
        source.descriptor === expected.descriptor ||
        sameSpeaker(expected.descriptor, source.descriptor, source.actor?.name)
      )
        speakers += 1;
      if (source.anonymous === expected.anonymous) anonymity += 1;
      if (
        (source.affiliation?.name ?? null) ===
        (expected.affiliation ? (actorName.get(expected.affiliation) ?? null) : null)
      )
        affiliation += 1;
    }
    console.log(`${file}`);
    console.log(
      `  direct quotes at their exact spans: ${exact.length}/${goldDirect.length}; other direct quotes predicted: ${predicted.length - exact.length}`,
    );
    console.log(
      `  speakers right: ${speakers}/${goldDirect.length}; anonymity right: ${anonymity}/${goldDirect.length}; affiliation right: ${affiliation}/${goldDirect.length}`,
    );
    for (const person of gold.actors.filter((a) => a.kind === 'PERSON' && gold.sources.some((s) => s.actor === a.id))) {
      const forms = [person.name, ...person.aliases];
      const names = new Set(
        draft.entities
          .filter((e) =>
            forms.some(
              (form) => text.slice(e.start, e.end) === form || text.slice(e.start, e.end).endsWith(` ${form}`),
            ),
          )
          .map((e) => e.name),
      );
      console.log(
        `  ${person.name}: ${names.size === 1 ? 'one actor' : `${names.size} actors (${[...names].join(', ')})`} for ${forms.join(' / ')}`,
      );
    }
  }
}

function main(): void {
  const [folder, ...flags] = process.argv.slice(2);
  if (!folder || !existsSync(folder)) {
    console.error(
      'usage: npm run eval -- <folder> [--misses N]   (a PolNeAR split with text/ and attributions/, or a folder of *.gold.json)',
    );
    process.exit(2);
  }
  const showMisses = Number(flags[flags.indexOf('--misses') + 1] ?? 0) || (flags.includes('--misses') ? 10 : 0);
  if (existsSync(path.join(folder, 'attributions'))) evaluateBrat(folder, showMisses);
  else evaluateGold(folder);
}

main();
