// Annotated articles out of one server and into another through the public surfaces a researcher
// uses: POST /export (json, brat, webanno), `npm run import -- --format …` (built by `npm test`)
// and the importAnnotationFile mutation. What comes back must be what went out.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'csv-parse/sync';
import { fromBuffer, type Entry } from 'yauzl';
import { loadExampleCorpus } from '../../src/corpus/example-corpus';
import { annotationSnapshot } from '../setup/annotation-snapshot';
import { standoffShape } from '../setup/brat-shape';
import { killChildren, startChild } from '../setup/child-process';
import { startTestApp, type TestApp } from '../setup/test-app';
import { createTestDatabase, type TestDatabase } from '../setup/test-database';

const CLI = path.join(__dirname, '../../dist/src/import/import.cli.js');
const FIXTURES = path.join(__dirname, '../fixtures');

/** Every file of a zip, by name. */
function unzip(zip: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, string>();
    fromBuffer(zip, { lazyEntries: true }, (error, archive) => {
      if (error) return reject(error);
      archive.on('entry', (entry: Entry) => {
        archive.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            archive.readEntry();
          });
        });
      });
      archive.on('end', () => resolve(files));
      archive.on('error', reject);
      archive.readEntry();
    });
  });
}

/** Writes an export's files into a new folder, as `unzip` would. */
function writeFolder(files: Map<string, string>): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-export-'));
  for (const [name, content] of files) {
    mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    writeFileSync(path.join(root, name), content);
  }
  return root;
}

async function importWithCli(args: string[], databaseUrl: string): Promise<string> {
  const run = startChild(process.execPath, [CLI, ...args], { env: { ...process.env, DATABASE_URL: databaseUrl } });
  const { code } = await run.exited;
  if (code !== 0) throw new Error(`the import CLI failed (${code}):\n${run.output()}`);
  return run.output();
}

describe('annotation round trips', () => {
  let source: TestApp;
  let target: TestDatabase | undefined;
  const exportUrl = () => source.url.replace(/\/graphql$/, '/export');
  const post = (body: object) =>
    fetch(exportUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  beforeAll(async () => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` (npm test does)`);
    source = await startTestApp();
    await loadExampleCorpus(source.database.dataSource);
  });

  afterEach(async () => {
    await killChildren();
    await target?.drop();
    target = undefined;
  });

  afterAll(async () => {
    await source.close();
  });

  test('the example corpus exported as JSON Lines and imported into an empty database gives back every annotation', async () => {
    const response = await post({ format: 'json' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text()).trim().split('\n');
    expect(lines).toHaveLength(25);
    const first = JSON.parse(lines[0]);
    expect(first).toMatchObject({ title: expect.any(String), extract: false, annotations: { offsets: 'CODE_POINT' } });
    expect(first.annotations.stances.length).toBeGreaterThan(0);

    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'quotegraph-json-')), 'corpus.jsonl');
    writeFileSync(file, `${lines.join('\n')}\n`);
    target = await createTestDatabase();
    const output = await importWithCli(['--format', 'json', file], target.url);
    expect(output).toMatch(/created: +25/);

    const [before, after] = [
      await annotationSnapshot(source.database.dataSource),
      await annotationSnapshot(target.dataSource),
    ];
    expect(before.quotes.length).toBeGreaterThan(100);
    for (const table of ['articles', 'actors', 'sources', 'quotes', 'mentions', 'stances'] as const)
      expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
  });

  test('a brat article imported from its files and exported back gives the same spans and links', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-brat-'));
    const [text, ann] = ['txt', 'ann'].map((ext) =>
      readFileSync(path.join(FIXTURES, 'brat', `flood-wall.${ext}`), 'utf8'),
    );
    // Named as PolNeAR names its files: the annotator after the article's name.
    writeFileSync(path.join(folder, 'flood-wall.txt'), text);
    writeFileSync(path.join(folder, 'flood-wall_annotator1.ann'), ann);
    const app = await startTestApp();
    try {
      const output = await importWithCli(['--format', 'brat', folder], app.database.url);
      expect(output).toMatch(/created: +1/);
      expect(output).toMatch(/Discuss is not an attribution or an actor/);
      const response = await fetch(app.url.replace(/\/graphql$/, '/export'), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ format: 'brat' }),
      });
      expect(response.headers.get('content-type')).toBe('application/zip');
      const files = await unzip(Buffer.from(await response.arrayBuffer()));
      expect([...files.keys()].sort()).toEqual([
        'corpus-brat/0001-harbour-town-votes-on-a-flood-wall.ann',
        'corpus-brat/0001-harbour-town-votes-on-a-flood-wall.json',
        'corpus-brat/0001-harbour-town-votes-on-a-flood-wall.txt',
      ]);
      expect(files.get('corpus-brat/0001-harbour-town-votes-on-a-flood-wall.txt')).toBe(text.trimEnd());
      expect(standoffShape(files.get('corpus-brat/0001-harbour-town-votes-on-a-flood-wall.ann') as string)).toEqual(
        standoffShape(ann),
      );
    } finally {
      await app.close();
    }
  });

  test("a Web Annotation export keeps to the model's shape, and importing it gives back the annotations", async () => {
    const response = await post({ format: 'webanno' });
    const files = await unzip(Buffer.from(await response.arrayBuffer()));
    const pages = [...files].filter(([name]) => name.endsWith('.jsonld'));
    expect(pages).toHaveLength(25);
    const validate = new Ajv({ allErrors: true }).compile(
      JSON.parse(readFileSync(path.join(FIXTURES, 'web-annotation.schema.json'), 'utf8')),
    );
    for (const [name, page] of pages)
      expect({ name, valid: validate(JSON.parse(page)), errors: validate.errors }).toEqual({
        name,
        valid: true,
        errors: null,
      });

    target = await createTestDatabase();
    await importWithCli(['--format', 'webanno', writeFolder(files) + '/corpus-webanno'], target.url);
    const [before, after] = [
      await annotationSnapshot(source.database.dataSource),
      await annotationSnapshot(target.dataSource),
    ];
    // The model has no place for an actor's aliases or description: the annotations themselves come back whole.
    for (const table of ['articles', 'sources', 'quotes', 'mentions', 'stances'] as const)
      expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });
  });

  test('importAnnotationFile takes a Web Annotation page of one article, with UTF-16 offsets as Hypothesis counts them', async () => {
    const { data } = await source.graphql(
      `{ articles(first: 1) { edges { node { title body annotationsAs(format: WEB_ANNOTATION) quotes { totalCount } } } } }`,
    );
    const article = data.articles.edges[0].node;
    const page = JSON.parse(article.annotationsAs);
    // Every position rewritten in UTF-16 units, as a browser tool would count them.
    const utf16 = (codePoints: number) =>
      Array.from(article.body as string)
        .slice(0, codePoints)
        .join('').length;
    for (const item of page.items)
      for (const selector of item.target.selector ?? [])
        if (selector.type === 'TextPositionSelector')
          Object.assign(selector, { start: utf16(selector.start), end: utf16(selector.end) });

    const app = await startTestApp();
    try {
      const result = await app.graphql(
        `mutation ($input: ImportAnnotationFileInput!) { importAnnotationFile(input: $input) { created warnings article { quotes { totalCount } } } }`,
        {
          input: {
            format: 'WEB_ANNOTATION',
            offsets: 'UTF16',
            file: JSON.stringify(page),
            article: { title: article.title, body: article.body, extract: false },
          },
        },
      );
      expect(result.errors).toBeUndefined();
      expect(result.data.importAnnotationFile).toMatchObject({ created: true, warnings: [] });
      expect(result.data.importAnnotationFile.article.quotes.totalCount).toBe(article.quotes.totalCount);
      const [before, after] = [
        await annotationSnapshot(source.database.dataSource),
        await annotationSnapshot(app.database.dataSource),
      ];
      const ofArticle = (rows: unknown[]) =>
        rows.filter(
          (row) =>
            (after.articles[0] as { content_hash: string }).content_hash ===
            (row as { content_hash: string }).content_hash,
        );
      for (const table of ['sources', 'quotes', 'mentions', 'stances'] as const)
        expect({ table, rows: after[table] }).toEqual({ table, rows: ofArticle(before[table]) });
    } finally {
      await app.close();
    }
  });

  test('a brat file over a text with an emoji, a decomposed accent and CRLF lands on the stored text, and exports in its code points', async () => {
    const text = 'Kyiv 🇺🇦\r\nThe mayor of Pe\u0301cs said: “We will rebuild.”\r\n';
    const codePoint = (needle: string) => Array.from(text.slice(0, text.indexOf(needle))).length;
    const at = (needle: string) => `${codePoint(needle)} ${codePoint(needle) + Array.from(needle).length}\t${needle}`;
    const ann = [
      `T1\tSource ${at('The mayor of Pe\u0301cs')}`,
      `T2\tCue ${at('said')}`,
      `T3\tContent ${at('“We will rebuild.”')}`,
      `T4\tAttribution ${at('said')}`,
      'E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1',
    ].join('\n');
    const app = await startTestApp();
    try {
      const { data, errors } = await app.graphql(
        `mutation ($input: ImportAnnotationFileInput!) {
          importAnnotationFile(input: $input) { article { body annotationsAs(format: BRAT) quotes { edges { node { text cueSpan { text } source { descriptor span { text } } } } } } }
        }`,
        { input: { format: 'BRAT', file: ann, article: { title: 'Pécs', body: text, extract: false } } },
      );
      expect(errors).toBeUndefined();
      const { article } = data.importAnnotationFile;
      expect(article.body).toBe('Kyiv 🇺🇦\nThe mayor of P\u00e9cs said: “We will rebuild.”');
      expect(article.quotes.edges.map((e: any) => e.node)).toEqual([
        {
          text: '“We will rebuild.”',
          cueSpan: { text: 'said' },
          source: { descriptor: 'The mayor of P\u00e9cs', span: { text: 'The mayor of P\u00e9cs' } },
        },
      ]);
      // The export counts code points of the stored body: the flag is two, the composed é one, LF one.
      expect(article.annotationsAs).toMatch(/^T\d+\tSource 8 25\tThe mayor of P\u00e9cs$/m);
      expect(article.annotationsAs).toMatch(/^T\d+\tContent 32 50\t“We will rebuild.”$/m);
    } finally {
      await app.close();
    }
  });

  test('importAnnotationFile names the line of a brat file it cannot read and writes nothing', async () => {
    const app = await startTestApp();
    try {
      const { errors } = await app.graphql(
        `mutation ($input: ImportAnnotationFileInput!) { importAnnotationFile(input: $input) { created } }`,
        {
          input: {
            format: 'BRAT',
            file: 'T1\tSource 0 3\tOne\nT2\tSource 4 oops\tTwo\n',
            article: { title: 'T', body: 'One Two' },
          },
        },
      );
      expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.file' });
      expect(errors?.[0].message).toMatch(/^file: line 2: /);
      expect((await app.database.dataSource.query('SELECT count(*)::int AS n FROM articles'))[0].n).toBe(0);
    } finally {
      await app.close();
    }
  });

  test('a CSV export without a query lists every quote with its source, the source kind and the actor Wikidata id', async () => {
    const response = await post({ format: 'csv' });
    const rows: Record<string, string>[] = parse(await response.text(), { columns: true });
    const { data } = await source.graphql('{ quotes(first: 0) { totalCount } }');
    expect(rows).toHaveLength(data.quotes.totalCount);
    expect(Object.keys(rows[0])).toEqual(
      expect.arrayContaining([
        'text',
        'kind',
        'source.descriptor',
        'source.anonymity',
        'source.kind',
        'source.actor.name',
        'source.actor.wikidataId',
        'article.title',
      ]),
    );
  });

  test('every quote the writer inserted holds exactly the body at its span', async () => {
    const [{ quotes, differing }] = await source.database.dataSource.query(
      `SELECT count(*)::int AS quotes,
              count(*) FILTER (WHERE q.text <> substr(a.body, q.span_start + 1, q.span_end - q.span_start))::int AS differing
       FROM quotes q JOIN articles a ON a.id = q.article_id`,
    );
    expect(quotes).toBeGreaterThan(100);
    expect(differing).toBe(0);
  });

  test('refuses a query with an article format, naming the field', async () => {
    const response = await post({ format: 'json', query: '{ quotes { edges { node { text } } } }' });
    expect(response.status).toBe(400);
    const { errors } = (await response.json()) as { errors: { extensions: object }[] };
    expect(errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'query' });
  });
});
