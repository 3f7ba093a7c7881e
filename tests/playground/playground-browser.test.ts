// The playground in headless Chromium (Debian's, never a downloaded one) with every request to a
// host other than the server blocked: it loads, runs a cookbook query and shows the answer, with
// no error in the page's console. Saves test-artifacts/playground.png.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { loadExampleCorpus } from '../../src/corpus/example-corpus';
import { startTestApp, type TestApp } from '../setup/test-app';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.join(__dirname, '../../test-artifacts');

describe('playground in a browser', () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (.ci/run does), or set CHROMIUM_PATH`);
    app = await startTestApp();
    await loadExampleCorpus(app.database.dataSource);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('loads offline, runs a cookbook query, and shows the stances in the result pane', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const consoleErrors: string[] = [];
    const blocked: string[] = [];
    const served: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    const server = new URL(app.url);
    await page.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.host === server.host) {
        served.push(url.pathname);
        return route.continue();
      }
      blocked.push(url.href);
      return route.abort();
    });

    await page.goto(app.url, { waitUntil: 'networkidle' });
    await page.getByText('StancesOnAPolicyQuestion', { exact: true }).click();
    await page.click('.graphiql-execute-button');
    mkdirSync(ARTIFACTS, { recursive: true });
    try {
      await page.locator('.result-window').filter({ hasText: 'positionCounts' }).waitFor({ timeout: 30_000 });
    } finally {
      await page.screenshot({ path: path.join(ARTIFACTS, 'playground.png') });
    }
    const result = (await page.textContent('.result-window')) ?? '';

    expect(result).toContain('Should Ukraine be allowed to strike targets inside Russia');
    expect(result).toContain('Ukrainian President Volodymyr Zelensky');
    expect(result).toContain('CONDITIONAL');
    expect(served).toEqual(
      expect.arrayContaining(['/graphql', '/playground/graphiql.min.js', '/playground/react.production.min.js']),
    );
    expect(blocked).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
