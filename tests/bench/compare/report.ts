// Writes what `npm run bench` measured, three ways: <size>.json for scripts and notebooks,
// <size>.md for people, and <size>.svg, a chart of Quotegraph's throughput as a ratio of the
// other two servers' (drawn by hand, so the bench needs no chart library).
import fs from 'node:fs';
import path from 'node:path';

export type ServerName = 'quotegraph' | 'postgraphile' | 'limit';
type Rival = Exclude<ServerName, 'quotegraph'>;

export interface ServerFigures {
  /** Median of the repetitions. */
  readonly reqPerSec: number;
  /** Medians of the repetitions. */
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly statementsPerRequest: number;
  readonly databaseMsPerRequest: number;
  /** The server process's CPU time per request under load (median of the repetitions). */
  readonly serverCpuMsPerRequest: number;
  /** Requests that failed or timed out, over all repetitions. */
  readonly failures: number;
  readonly repetitions: readonly { reqPerSec: number; p50Ms: number; p99Ms: number }[];
}

export interface ScenarioResult {
  readonly title: string;
  readonly figures: Partial<Record<ServerName, ServerFigures>>;
  /** Why a server could not run it. */
  readonly unsupported: Partial<Record<ServerName, string>>;
}

export interface BenchRun {
  /** 'S' | 'M' */
  readonly size: string;
  readonly corpus: { articles: number; quotes: number; sources: number; actors: number };
  readonly machine: { cpus: string; cores: number; memoryGiB: number; os: string; loadAverage: number[] };
  /** node, postgresql, quotegraph git commit, postgraphile, autocannon, … */
  readonly versions: Record<string, string>;
  readonly settings: { connections: number; durationSeconds: number; warmupSeconds: number; repetitions: number };
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Keyed 'Q1'…'Q6'. */
  readonly scenarios: Record<string, ScenarioResult>;
}

/** The goals the issue sets, as ratios of Quotegraph's req/s: Quotegraph ≥ goal × the other server. */
export const GOALS: Record<string, { postgraphile?: number; limit: number }> = {
  Q1: { postgraphile: 1, limit: 0.5 },
  Q2: { postgraphile: 1, limit: 0.5 },
  Q3: { postgraphile: 1, limit: 0.5 },
  Q4: { postgraphile: 1, limit: 0.8 },
  Q5: { postgraphile: 1, limit: 0.8 },
  Q6: { postgraphile: 1, limit: 0.5 },
};

const SERVERS: readonly ServerName[] = ['quotegraph', 'postgraphile', 'limit'];
const RIVALS: readonly Rival[] = ['postgraphile', 'limit'];
const SHORT: Record<ServerName, string> = { quotegraph: 'QG', postgraphile: 'PGL', limit: 'limit' };
const COLOURS: Record<Rival, string> = { postgraphile: '#3b6ea5', limit: '#d9822b' };
const GOAL_MARK = '#7a3d00';

interface Ratio {
  /** Quotegraph's req/s ÷ the other server's; null when either did not run the scenario. */
  readonly value: number | null;
  readonly goal: number | null;
  readonly met: boolean | null;
}

function ratio(name: string, result: ScenarioResult, rival: Rival): Ratio {
  const [ours, theirs] = [result.figures.quotegraph, result.figures[rival]];
  const value = ours && theirs && theirs.reqPerSec > 0 ? ours.reqPerSec / theirs.reqPerSec : null;
  const goal = GOALS[name]?.[rival] ?? null;
  return { value, goal, met: value === null || goal === null ? null : value >= goal };
}

const round1 = (n: number) => Math.round(n * 10) / 10;
const significant3 = (n: number) => Number(n.toPrecision(3));

function roundedFigures(f: ServerFigures) {
  const rep = (r: ServerFigures['repetitions'][number]) => ({
    reqPerSec: round1(r.reqPerSec),
    p50Ms: round1(r.p50Ms),
    p99Ms: round1(r.p99Ms),
  });
  return {
    ...rep(f),
    statementsPerRequest: round1(f.statementsPerRequest),
    databaseMsPerRequest: round1(f.databaseMsPerRequest),
    serverCpuMsPerRequest: round1(f.serverCpuMsPerRequest),
    failures: f.failures,
    repetitions: f.repetitions.map(rep),
  };
}

/** Each scenario holds the servers that ran it as direct keys, as the issue's JSON shape asks. */
function toJson(run: BenchRun): unknown {
  const scenarios = Object.entries(run.scenarios).map(([name, result]) => {
    const figures = SERVERS.flatMap((s) => {
      const f = result.figures[s];
      return f ? [[s, roundedFigures(f)] as const] : [];
    });
    const ratios = RIVALS.map((rival) => {
      const r = ratio(name, result, rival);
      return [rival, { ...r, value: r.value === null ? null : significant3(r.value) }] as const;
    });
    const entry = { title: result.title, ...Object.fromEntries(figures) };
    return [name, { ...entry, unsupported: result.unsupported, ratios: Object.fromEntries(ratios) }] as const;
  });
  return { ...run, scenarios: Object.fromEntries(scenarios) };
}

// ---- Markdown ----

const number1 = (n: number) => n.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/</g, '&lt;');

/** Median req/s, and half the range of the repetitions as a share of it: the noise to read a ratio against. */
function throughputCell(f: ServerFigures | undefined): string {
  if (!f) return 'n/a';
  const rates = f.repetitions.map((r) => r.reqPerSec);
  if (rates.length < 2 || f.reqPerSec <= 0) return number1(f.reqPerSec);
  const spread = (Math.max(...rates) - Math.min(...rates)) / 2 / f.reqPerSec;
  return `${number1(f.reqPerSec)} <sub>±${Math.round(spread * 100)}%</sub>`;
}

function ratioCell(r: Ratio): string {
  if (r.value === null) return 'n/a';
  if (r.goal === null) return r.value.toPrecision(3);
  return `${r.value.toPrecision(3)} ${r.met ? '✓' : '✗'} <sub>(≥ ${r.goal})</sub>`;
}

function scenarioRow(name: string, result: ScenarioResult): string {
  const per = (cell: (f: ServerFigures) => string) =>
    SERVERS.map((s) => result.figures[s]).map((f) => (f ? cell(f) : 'n/a'));
  const cells = [
    `**${name}** ${escapeCell(result.title)}`,
    ...SERVERS.map((s) => throughputCell(result.figures[s])),
    ...per((f) => `${number1(f.p50Ms)} / ${number1(f.p99Ms)}`),
    per((f) => number1(f.statementsPerRequest)).join(' · '),
    per((f) => number1(f.databaseMsPerRequest)).join(' · '),
    per((f) => number1(f.serverCpuMsPerRequest)).join(' · '),
    ...RIVALS.map((rival) => ratioCell(ratio(name, result, rival))),
  ];
  return `| ${cells.join(' | ')} |`;
}

function header(run: BenchRun): string[] {
  const { corpus, machine, settings } = run;
  const minutes = (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 60_000;
  return [
    `# Bench: Quotegraph, PostGraphile and the limit server — size ${run.size}`,
    '',
    `- **Corpus:** ${[
      `${corpus.articles.toLocaleString('en-US')} articles`,
      `${corpus.quotes.toLocaleString('en-US')} quotes`,
      `${corpus.sources.toLocaleString('en-US')} sources`,
      `${corpus.actors.toLocaleString('en-US')} actors`,
    ].join(', ')}`,
    `- **Machine:** ${machine.cpus} (${machine.cores} cores), ${number1(machine.memoryGiB)} GiB, ${machine.os}; ` +
      `load average at start ${machine.loadAverage.map((l) => l.toFixed(2)).join(' / ')}`,
    `- **Versions:** ${Object.entries(run.versions)
      .map(([k, v]) => `${k} ${v}`)
      .join(' · ')}`,
    `- **Settings:** ${settings.connections} connections; ${settings.repetitions} repetitions of ` +
      `${settings.durationSeconds} s per server and scenario, each after ${settings.warmupSeconds} s of warm-up`,
    `- **Run:** ${run.startedAt} → ${run.finishedAt} (${minutes.toFixed(1)} min)`,
    '',
    '> On a shared 2-core machine the servers, PostgreSQL and the load generator compete for the same cores, ' +
      'and other tenants come and go: read the **ratios**, not the absolute figures.',
    '',
  ];
}

function toMarkdown(run: BenchRun, chartFile: string): string {
  const entries = Object.entries(run.scenarios);
  const misses = entries.flatMap(([name, result]) =>
    RIVALS.map((rival) => [rival, ratio(name, result, rival)] as const)
      .filter(([, r]) => r.met === false)
      .map(([rival, r]) => `${name} (QG ÷ ${SHORT[rival]} ${(r.value ?? 0).toPrecision(3)} < ${r.goal})`),
  );
  const unsupported = entries.flatMap(([name, result]) =>
    Object.entries(result.unsupported).map(([server, why]) => `- ${name} on ${server}: ${why}`),
  );
  const failed = entries.flatMap(([name, result]) =>
    Object.entries(result.figures)
      .filter(([, f]) => f.failures > 0)
      .map(([server, f]) => `- ${name} on ${server}: ${f.failures} requests failed or went unanswered for 60 s`),
  );
  return [
    ...header(run),
    '| Scenario | req/s QG | req/s PGL | req/s limit | p50 / p99 ms QG | p50 / p99 ms PGL | p50 / p99 ms limit ' +
      '| statements/req QG · PGL · limit | DB ms/req QG · PGL · limit | server CPU ms/req QG · PGL · limit | QG ÷ PGL | QG ÷ limit |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...entries.map(([name, result]) => scenarioRow(name, result)),
    '',
    'req/s: median of the repetitions, ± half their range. Ratios are of req/s, checked against the goals (≥).',
    '',
    misses.length === 0 ? '**Every goal is met.**' : `**Goals missed:** ${misses.join(', ')}.`,
    ...(unsupported.length > 0 ? ['', 'Not run:', ...unsupported] : []),
    ...(failed.length > 0 ? ['', 'Failures:', ...failed] : []),
    '',
    `![ratios](${chartFile})`,
    '',
  ].join('\n');
}

// ---- SVG chart ----

const escapeXml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

const [WIDTH, LEFT, RIGHT, TOP, GROUP] = [920, 300, 880, 96, 58];
type Scale = (v: number) => number;

/** A log axis over whole decades, never narrower than 0.1×–10×; ticks at 1, 2, 5 unless that many would crowd. */
function logAxis(values: number[]): { x: Scale; ticks: number[] } {
  const lo = Math.floor(Math.log10(Math.min(0.1, ...values.map((v) => v / 3))));
  const hi = Math.ceil(Math.log10(Math.max(10, ...values.map((v) => v * 3))));
  const x = (v: number) => round1(LEFT + ((Math.log10(v) - lo) / (hi - lo)) * (RIGHT - LEFT));
  const ticks = [];
  for (let e = lo; e <= hi; e++)
    for (const m of e < hi && hi - lo <= 4 ? [1, 2, 5] : [1]) ticks.push(Number((m * 10 ** e).toPrecision(1)));
  return { x, ticks };
}

/** Bars grow from 1× on a log axis: right of it Quotegraph is faster, left of it slower. */
function toSvg(run: BenchRun): string {
  const rows = Object.entries(run.scenarios).map(([name, result]) => ({
    name,
    title: result.title,
    ratios: RIVALS.map((rival) => [rival, ratio(name, result, rival)] as const),
  }));
  const { x, ticks } = logAxis(rows.flatMap((r) => r.ratios.flatMap(([, q]) => (q.value === null ? [] : [q.value]))));
  const bottom = TOP + rows.length * GROUP;
  const height = bottom + 40;
  const count = (n: number) => n.toLocaleString('en-US');
  const legend = [
    ...RIVALS.map((rival) => `<rect width="14" height="14" fill="${COLOURS[rival]}"/>`),
    `<line x1="7" y1="-3" x2="7" y2="17" stroke="${GOAL_MARK}" stroke-width="2" stroke-dasharray="3 2"/>`,
  ].map(
    (mark, i) =>
      `<g transform="translate(${LEFT - 20 + i * 190} 56)">${mark}<text x="20" y="12">${['QG ÷ PostGraphile', 'QG ÷ limit server', 'goal for QG ÷ limit'][i]}</text></g>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${height}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="24" text-anchor="middle" font-size="16" font-weight="bold">Quotegraph req/s ÷ other server's req/s — size ${escapeXml(run.size)}</text>`,
    `<text x="${WIDTH / 2}" y="42" text-anchor="middle" fill="#555">${count(run.corpus.articles)} articles, ${count(run.corpus.quotes)} quotes · log scale · right of 1× Quotegraph is faster</text>`,
    ...legend,
    ...ticks.map(
      (t) =>
        `<line x1="${x(t)}" y1="${TOP - 6}" x2="${x(t)}" y2="${bottom}" stroke="#e4e4e4"/><text x="${x(t)}" y="${bottom + 16}" text-anchor="middle" fill="#555">${t}×</text>`,
    ),
    `<line x1="${x(1)}" y1="${TOP - 12}" x2="${x(1)}" y2="${bottom}" stroke="#222" stroke-dasharray="5 3"/>`,
    `<text x="${x(1)}" y="${TOP - 15}" text-anchor="middle" font-size="10">1× (goal for QG ÷ PostGraphile)</text>`,
    ...rows.flatMap((row, i) => scenarioGroup(row, TOP + i * GROUP, x)),
    '</svg>',
    '',
  ].join('\n');
}

/** A scenario's label, its two bars, and a dashed mark at its limit goal (the PostGraphile goal is the 1× line). */
function scenarioGroup(
  row: { name: string; title: string; ratios: readonly (readonly [Rival, Ratio])[] },
  y: number,
  x: Scale,
) {
  const title = row.title.length > 42 ? `${row.title.slice(0, 41)}…` : row.title;
  const goal = row.ratios.find(([rival]) => rival === 'limit')?.[1].goal;
  return [
    `<text x="10" y="${y + 30}" font-weight="bold">${escapeXml(row.name)}</text>`,
    `<text x="38" y="${y + 30}" font-size="11" fill="#333">${escapeXml(title)}</text>`,
    ...row.ratios.map(([rival, r], j) => bar(rival, r, y + 8 + j * 22, x)),
    ...(goal == null
      ? []
      : [
          `<line x1="${x(goal)}" y1="${y + 27}" x2="${x(goal)}" y2="${y + 51}" stroke="${GOAL_MARK}" stroke-width="2" stroke-dasharray="3 2"/>`,
        ]),
  ];
}

/** One ratio's bar from 1× to its value, labelled with the value and ✓/✗ against the goal. */
function bar(rival: Rival, r: Ratio, y: number, x: Scale): string {
  if (r.value === null)
    return `<text x="${x(1) + 6}" y="${y + 13}" fill="#888">n/a (QG or ${SHORT[rival]} did not run it)</text>`;
  const [from, to] = [x(1), x(r.value)];
  const mark = r.met === null ? '' : r.met ? ' ✓' : ' ✗';
  // A bar pointing left is labelled right of 1×, where no goal mark or other label can be.
  const labelX = Math.max(to, from + 1) + 5;
  return (
    `<rect x="${Math.min(from, to)}" y="${y}" width="${Math.max(1, Math.abs(to - from))}" height="18" fill="${COLOURS[rival]}"/>` +
    `<text x="${labelX}" y="${y + 13}"${r.met === false ? ' fill="#b00020" font-weight="bold"' : ''}>${r.value.toPrecision(3)}×${mark}</text>`
  );
}

/** Writes <size>.json, <size>.md and <size>.svg into `folder`; returns their paths. */
export function writeBenchReport(run: BenchRun, folder: string): { json: string; markdown: string; chart: string } {
  fs.mkdirSync(folder, { recursive: true });
  const paths = {
    json: path.join(folder, `${run.size}.json`),
    markdown: path.join(folder, `${run.size}.md`),
    chart: path.join(folder, `${run.size}.svg`),
  };
  fs.writeFileSync(paths.json, JSON.stringify(toJson(run), null, 2) + '\n');
  fs.writeFileSync(paths.markdown, toMarkdown(run, path.basename(paths.chart)));
  fs.writeFileSync(paths.chart, toSvg(run));
  return paths;
}
