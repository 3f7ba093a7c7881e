// `npm run import -- <file-or-folder> [--no-extract] [--batch N] [--restart]`: streams articles
// from JSON Lines, a JSON array or a folder of .txt files into the configured database, in batches
// through the same service as the importArticles mutation, resuming after an interruption.
import 'reflect-metadata';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { openDatabase } from '../database/database';
import { exitWithFailure } from '../errors/command-failure';
import { clearCheckpoint, readCheckpoint, writeCheckpoint } from './import-checkpoint';
import { createProgressReporter, type ImportTally } from './import-progress';
import { openImportInput, toImportArticleInput, type RawItem } from './import-reader';
import { importEach } from './import-batch';

const USAGE = 'usage: npm run import -- <file.jsonl | file.json | folder> [--no-extract] [--batch N] [--restart]';

interface Options {
  readonly input: string;
  readonly extract: boolean | undefined;
  readonly batchSize: number;
  readonly restart: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { 'no-extract': { type: 'boolean' }, batch: { type: 'string' }, restart: { type: 'boolean' } },
  });
  if (positionals.length !== 1) throw new Error(USAGE);
  const batchSize = Number(values.batch ?? 100);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`--batch must be a positive whole number\n${USAGE}`);
  return {
    input: path.resolve(positionals[0]),
    extract: values['no-extract'] ? false : undefined,
    batchSize,
    restart: values.restart ?? false,
  };
}

async function run(options: Options): Promise<void> {
  const config = loadConfig();
  const checkpointFile = `${options.input}.checkpoint.json`;
  const failuresFile = `${options.input}.failures.jsonl`;
  const source = await openImportInput(options.input);
  const resumeFrom = options.restart ? 0 : (readCheckpoint(checkpointFile, options.input)?.committedThrough ?? 0);
  if (!resumeFrom) writeFileSync(failuresFile, '');
  // A resumed run reports the failures of the earlier runs too: they are in the same file.
  const earlierFailures = resumeFrom ? readFileSync(failuresFile, 'utf8').split('\n').filter(Boolean).length : 0;

  const database = await openDatabase(config, { migrate: true });
  const tally: ImportTally = { created: 0, existing: 0, failed: earlierFailures, skipped: 0 };
  const progress = createProgressReporter(source.totalBytes, process.stdout.isTTY === true);
  const fail = (item: RawItem, code: string, field: string | null, message: string) => {
    tally.failed += 1;
    appendFileSync(
      failuresFile,
      `${JSON.stringify({ position: item.position, at: item.label, code, field, message })}\n`,
    );
  };

  let batch: RawItem[] = [];
  const flush = async () => {
    const parsed = batch.filter((item) => item.value);
    const results = await importEach(
      database.dataSource.manager,
      parsed.map((item) => {
        const input = toImportArticleInput(item.value as Record<string, unknown>);
        if (options.extract === false) input.extract = false;
        return input;
      }),
      config,
    );
    for (const item of batch.filter((i) => i.parseError)) fail(item, 'BAD_USER_INPUT', null, item.parseError as string);
    for (const result of results) {
      if (result.error) fail(parsed[result.index], result.error.code, result.error.field, result.error.message);
      else if (result.result?.created) tally.created += 1;
      else tally.existing += 1;
    }
    const last = batch[batch.length - 1];
    writeCheckpoint(checkpointFile, options.input, last.position);
    // Only now, with the batch committed and the checkpoint written, is it reported as committed.
    progress.update(last.bytesRead, tally, last.label);
    batch = [];
  };

  try {
    for await (const item of source.items()) {
      if (item.position <= resumeFrom) {
        tally.skipped += 1;
        continue;
      }
      batch.push(item);
      if (batch.length >= options.batchSize) await flush();
    }
    if (batch.length) await flush();
  } finally {
    progress.stop();
    await database.close();
  }
  clearCheckpoint(checkpointFile);

  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    [
      `quotegraph import: ${options.input}`,
      `  created:         ${tally.created}`,
      `  already present: ${tally.existing}`,
      `  failed:          ${tally.failed}${tally.failed ? ` (see ${failuresFile})` : ''}`,
      `  skipped:         ${tally.skipped}${tally.skipped ? ' (committed by an earlier, interrupted run)' : ''}`,
      `  peak memory:     ${peakMb.toFixed(0)} MB`,
    ].join('\n'),
  );
  if (tally.failed) {
    console.log('  failures:');
    const lines = readFileSync(failuresFile, 'utf8').trim().split('\n').slice(0, 20);
    for (const line of lines) {
      const failure = JSON.parse(line);
      console.log(`    ${failure.at}: ${failure.code}${failure.field ? ` ${failure.field}` : ''}: ${failure.message}`);
    }
    if (tally.failed > lines.length) console.log(`    ... and ${tally.failed - lines.length} more in ${failuresFile}`);
  }
}

let options: Options;
try {
  options = parseOptions(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}
run(options).catch((error) => exitWithFailure('quotegraph import', error));
