// The typed TypeScript client: it runs against the server, and a schema change that breaks its
// operations fails the generation its check runs (npm test runs `npm run clients:js:check`).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { anonymousQuotesAffiliatedWith, describeFailure, serverUrl } from '../../clients/js/src/example';
import { loadExampleCorpus } from '../../src/corpus/example-corpus';
import { freePort } from '../setup/free-port';
import { startTestApp, type TestApp } from '../setup/test-app';

const ROOT = path.join(__dirname, '../..');

function codegen(config: string): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      [path.join(ROOT, 'node_modules/.bin/graphql-codegen'), '--config', config, '--silent'],
      { cwd: ROOT, stdio: 'ignore' },
    );
    child.on('close', resolve);
  });
}

describe('TypeScript client', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
    await loadExampleCorpus(app.database.dataSource);
    // The app's own key, so that no key kept on this machine (.data/api-key) is picked up instead.
    process.env.QUOTEGRAPH_API_KEY = app.editorKey;
  });

  afterAll(async () => {
    await app.close();
  });

  test('pages through the anonymous quotes of sources affiliated with NATO, members included, as typed rows', async () => {
    const rows = await anonymousQuotesAffiliatedWith(app.url, 'NATO');
    expect(rows.map((row) => [row.source, row.affiliation, row.outlet])).toEqual([
      ['some NATO officials', 'NATO', 'The Telegraph'],
      ['one official from a NATO country', 'NATO', 'The Telegraph'],
    ]);
  });

  test('takes the server URL from its argument, else QUOTEGRAPH_URL, and names the URL it could not reach', async () => {
    expect(serverUrl('http://a.example/graphql', { QUOTEGRAPH_URL: 'http://b.example/graphql' })).toBe(
      'http://a.example/graphql',
    );
    expect(serverUrl(undefined, { QUOTEGRAPH_URL: 'http://b.example/graphql' })).toBe('http://b.example/graphql');
    expect(serverUrl(undefined, {})).toBe('http://localhost:4000/graphql');
    const unreachable = `http://127.0.0.1:${await freePort()}/graphql`;
    const failure = await anonymousQuotesAffiliatedWith(unreachable, 'NATO').then(
      () => 'no error',
      (error: unknown) => describeFailure(error, unreachable),
    );
    expect(failure).toContain(`could not reach ${unreachable}`);
  });

  test('generating its types against a schema without a field it uses fails', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'quotegraph-codegen-'));
    const schema = readFileSync(path.join(ROOT, 'schema/schema.graphql'), 'utf8').replace(
      /^\s*descriptor: String!$/gm,
      '',
    );
    writeFileSync(path.join(folder, 'schema.graphql'), schema);
    const config = readFileSync(path.join(ROOT, 'clients/js/codegen.yml'), 'utf8')
      .replace('schema: schema/schema.graphql', `schema: ${path.join(folder, 'schema.graphql')}`)
      .replace('clients/js/src/generated/graphql.ts:', `${path.join(folder, 'generated.ts')}:`);
    writeFileSync(path.join(folder, 'codegen.yml'), config);
    expect(await codegen(path.join(folder, 'codegen.yml'))).not.toBe(0);
    expect(await codegen(path.join(ROOT, 'clients/js/codegen.yml'))).toBe(0);
  }, 60_000);
});
