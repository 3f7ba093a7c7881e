// Our gold JSON (*.gold.json: exact spans, speakers, anonymity and affiliations, one actor per named
// person), as the example corpus holds it: quotes at their exact spans, speakers, and whether each
// quoted person is one actor.
import { readdirSync } from 'node:fs';
import { codePointIndexer } from '../common/code-points';
import { readGoldDocument } from '../corpus/gold-annotation';
import { type ArticleDraft, extractArticle } from '../extraction/extract-article';
import { speakerOk } from './speaker-match';

type GoldDocument = ReturnType<typeof readGoldDocument>;

function printQuotedPeople({ gold, text }: GoldDocument, draft: ArticleDraft): void {
  for (const person of gold.actors.filter((a) => a.kind === 'PERSON' && gold.sources.some((s) => s.actor === a.id))) {
    const forms = [person.name, ...person.aliases];
    const names = new Set(
      draft.entities
        .filter((e) =>
          forms.some((form) => text.slice(e.start, e.end) === form || text.slice(e.start, e.end).endsWith(` ${form}`)),
        )
        .map((e) => e.name),
    );
    console.log(
      `  ${person.name}: ${names.size === 1 ? 'one actor' : `${names.size} actors (${[...names].join(', ')})`} for ${forms.join(' / ')}`,
    );
  }
}

function evaluateDocument(file: string, document: GoldDocument): void {
  const { gold, text } = document;
  const draft = extractArticle(text);
  const toCodePoints = codePointIndexer(text);
  const goldDirect = gold.quotes.filter((q) => q.kind === 'DIRECT');
  const predicted = draft.quotes
    .filter((q) => q.kind === 'DIRECT')
    .map((q) => ({ ...q, start: toCodePoints(q.start), end: toCodePoints(q.end) }));
  const sourceById = new Map(gold.sources.map((s) => [s.id, s]));
  const actorName = new Map(gold.actors.map((a) => [a.id, a.name]));
  let [exact, speakers, anonymity, affiliation] = [0, 0, 0, 0];
  for (const g of goldDirect) {
    const p = predicted.find((q) => q.start === g.span[0] && q.end === g.span[1]);
    if (p) exact += 1;
    const source = p && p.source !== null ? draft.sources[p.source] : undefined;
    const expected = sourceById.get(g.speaker);
    if (!source || !expected) continue;
    const said = [source.actor?.name, source.descriptor].filter(Boolean).join(' ');
    if (source.descriptor === expected.descriptor || speakerOk(said, expected.descriptor)) speakers += 1;
    if (source.anonymous === expected.anonymous) anonymity += 1;
    const expectedAffiliation = expected.affiliation ? (actorName.get(expected.affiliation) ?? null) : null;
    if ((source.affiliation?.name ?? null) === expectedAffiliation) affiliation += 1;
  }
  console.log(`${file}`);
  console.log(
    `  direct quotes at their exact spans: ${exact}/${goldDirect.length}; other direct quotes predicted: ${predicted.length - exact}`,
  );
  console.log(
    `  speakers right: ${speakers}/${goldDirect.length}; anonymity right: ${anonymity}/${goldDirect.length}; affiliation right: ${affiliation}/${goldDirect.length}`,
  );
  printQuotedPeople(document, draft);
}

export function evaluateGoldJson(folder: string): void {
  for (const file of readdirSync(folder)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()) {
    evaluateDocument(file, readGoldDocument(folder, file.replace(/\.gold\.json$/, '')));
  }
}
