// The Python client's unit tests and the Jupyter notebook, run with Debian's python3 against a
// server started here (PATH=/usr/bin first, so that Jupyter's kernel is Debian's python3 too).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadExampleCorpus } from '../../src/corpus/example-corpus';
import { startTestApp, type TestApp } from '../setup/test-app';

const ROOT = path.join(__dirname, '../..');
// The app's own key, so that no key kept on this machine (.data/api-key) is picked up instead.
const env = (url: string, key: string) => ({
  ...process.env,
  PATH: `/usr/bin:${process.env.PATH}`,
  QUOTEGRAPH_URL: url,
  QUOTEGRAPH_API_KEY: key,
});

/** Runs a command without blocking this process, which serves the API the command calls. */
function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('Python client and notebook', () => {
  let app: TestApp;

  beforeAll(() => {
    for (const tool of ['/usr/bin/python3', '/usr/bin/jupyter-nbconvert']) {
      if (!existsSync(tool))
        throw new Error(
          `${tool} is missing: apt-get install jupyter-nbconvert python3-pandas python3-requests python3-matplotlib python3-ipykernel (.ci/run does)`,
        );
    }
  });

  // The notebook's test imports more articles, which the client's unit tests must not see.
  beforeEach(async () => {
    app = await startTestApp();
    await loadExampleCorpus(app.database.dataSource);
  });

  afterEach(async () => {
    await app?.close();
  });

  test("the client's unit tests pass with Debian's python3 against the example corpus", async () => {
    const result = await run('/usr/bin/python3', ['-m', 'unittest', 'discover', '-s', 'clients/python/tests', '-v'], {
      cwd: ROOT,
      env: env(app.url, app.editorKey),
    });
    expect(result.stderr).toMatch(/Ran 8 tests/);
    expect(result.stderr).not.toMatch(/skipped/);
    expect(result.status).toBe(0);
  });

  test('the notebook runs end to end on an imported corpus and produces the table and the figure', async () => {
    // A corpus the notebook has not seen: two more outlets' articles, imported with extraction.
    const { errors } = await app.graphql(
      `mutation ($inputs: [ImportArticleInput!]!) { importArticles(inputs: $inputs) { createdCount } }`,
      {
        inputs: [
          {
            url: 'https://kyiv.example/strikes',
            title: 'Strikes',
            body: '“We must be allowed to strike the airfields,” a Ukrainian air force official said.\nPresident Volodymyr Zelensky repeated the request.',
          },
          {
            url: 'https://berlin.example/taurus',
            title: 'Taurus',
            body: '“Germany will not deliver Taurus missiles now,” Chancellor Olaf Scholz said on Friday.',
          },
        ],
      },
    );
    expect(errors).toBeUndefined();
    const output = path.join(mkdtempSync(path.join(os.tmpdir(), 'quotegraph-notebook-')), 'executed.ipynb');
    const result = await run(
      'jupyter-nbconvert',
      ['--to', 'notebook', '--execute', 'anonymous-sourcing.ipynb', '--output', output],
      {
        cwd: path.join(ROOT, 'notebooks'),
        env: env(app.url, app.editorKey),
      },
    );
    expect(result.status).toBe(0);
    const notebook = JSON.parse(readFileSync(output, 'utf8'));
    const outputs = notebook.cells.flatMap((cell: { outputs?: object[] }) => cell.outputs ?? []);
    expect(outputs.some((o: any) => o.output_type === 'error')).toBe(false);
    const tables = outputs
      .map((o: any) => (o.data?.['text/html'] ?? []).join(''))
      .filter((html: string) => html.includes('share anonymous'));
    expect(tables).toHaveLength(1);
    expect(tables[0]).toContain('The Telegraph');
    expect(tables[0]).toContain('kyiv.example');
    expect(outputs.filter((o: any) => o.data?.['image/png'])).toHaveLength(1);
    const { data } = await app.graphql(`{ quotes(first: 0) { totalCount } }`);
    expect(outputs.map((o: any) => (o.text ?? []).join('')).join('')).toContain(`${data.quotes.totalCount} quotes`);
  });
});
