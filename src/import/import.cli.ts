// `npm run import -- [--format json|brat|webanno] <file-or-folder> [--no-extract] [--batch N] [--restart]`:
// streams articles from JSON Lines (the shape of importArticle's input, annotations included), a
// JSON array, a folder of .txt files, or a folder of annotated articles (brat, Web Annotation) into
// the configured database, in batches through the same service as the importArticles mutation
// (one transaction a batch, the next batch extracted while one is written), resuming after an
// interruption.
import 'reflect-metadata';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../config';
import { openDatabase, type OpenDatabase } from '../database/database';
import { runCommand } from '../errors/command-failure';
import { clearCheckpoint, readCheckpoint, writeCheckpoint } from './import-checkpoint';
import { createProgressReporter, type ImportTally, type ProgressReporter } from './import-progress';
import { AnnotationFileFormat } from '../formats/annotation-files';
import { OffsetUnit } from './annotated-article';
import { annotationFolderInput } from './annotation-folder-input';
import { openImportInput, toImportArticleInput, type ImportInput, type RawItem } from './import-reader';
import { type PreparedItem, prepareEach, writeEach } from './import-batch';
import { actAs, localCaller } from '../common/caller';

const USAGE = [
  'usage: npm run import -- <file.jsonl | file.json | folder> [--no-extract] [--batch N] [--restart]',
  '       npm run import -- --format json <file.jsonl> ...',
  '       npm run import -- --format brat|webanno <folder> [--offsets code-point|utf16|utf8] [--extract] ...',
].join('\n');

const FILE_FORMATS = { brat: AnnotationFileFormat.BRAT, webanno: AnnotationFileFormat.WEB_ANNOTATION } as const;
const OFFSET_UNITS = { 'code-point': OffsetUnit.CODE_POINT, utf16: OffsetUnit.UTF16, utf8: OffsetUnit.UTF8 } as const;

interface Options {
  readonly input: string;
  /** A folder of annotated articles in this format; JSON (Lines, array) or plain .txt files when absent. */
  readonly format: AnnotationFileFormat | undefined;
  readonly offsets: OffsetUnit;
  readonly extract: boolean | undefined;
  readonly batchSize: number;
  readonly restart: boolean;
}

function parseOptions(argv: string[]): Options {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'no-extract': { type: 'boolean' },
      extract: { type: 'boolean' },
      format: { type: 'string' },
      offsets: { type: 'string' },
      batch: { type: 'string' },
      restart: { type: 'boolean' },
    },
  });
  if (positionals.length !== 1) throw new Error(USAGE);
  const format = values.format ?? 'json';
  if (format !== 'json' && !Object.hasOwn(FILE_FORMATS, format))
    throw new Error(`--format must be json, brat or webanno\n${USAGE}`);
  const offsets = values.offsets ?? 'code-point';
  if (!Object.hasOwn(OFFSET_UNITS, offsets)) throw new Error(`--offsets must be code-point, utf16 or utf8\n${USAGE}`);
  const batchSize = Number(values.batch ?? 100);
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`--batch must be a positive whole number\n${USAGE}`);
  return {
    input: path.resolve(positionals[0]),
    format: format === 'json' ? undefined : FILE_FORMATS[format as keyof typeof FILE_FORMATS],
    offsets: OFFSET_UNITS[offsets as keyof typeof OFFSET_UNITS],
    extract: values['no-extract'] ? false : values.extract ? true : undefined,
    batchSize,
    restart: values.restart ?? false,
  };
}

interface RunFiles {
  readonly checkpoint: string;
  readonly failures: string;
}

/** One line of the failures file, as `recordFailure` writes it. */
interface FailureLine {
  readonly position: number;
  readonly at: string;
  readonly code: string;
  readonly field: string | null;
  readonly message: string;
}

/** What importing a batch needs; the tally is the run's, updated in place. */
interface BatchContext {
  readonly options: Options;
  readonly config: Config;
  readonly database: OpenDatabase;
  readonly files: RunFiles;
  readonly tally: ImportTally;
  readonly progress: ProgressReporter;
}

/**
 * The position committed by an earlier, interrupted run (0 to start afresh, which empties the
 * failures file) and how many failures that run recorded.
 */
function resumePoint(options: Options, files: RunFiles): { resumeFrom: number; earlierFailures: number } {
  const resumeFrom = options.restart ? 0 : (readCheckpoint(files.checkpoint, options.input)?.committedThrough ?? 0);
  if (!resumeFrom) writeFileSync(files.failures, '');
  // A resumed run reports the failures of the earlier runs too: they are in the same file.
  const earlierFailures = resumeFrom ? readFileSync(files.failures, 'utf8').split('\n').filter(Boolean).length : 0;
  return { resumeFrom, earlierFailures };
}

function recordFailure(context: BatchContext, item: RawItem, code: string, field: string | null, message: string) {
  context.tally.failed += 1;
  const failure: FailureLine = { position: item.position, at: item.label, code, field, message };
  appendFileSync(context.files.failures, `${JSON.stringify(failure)}\n`);
}

/** What reading an item skipped, on stderr: the first 20 of a run, then only their count at the end. */
function reportWarning(context: BatchContext, item: RawItem, warning: string): void {
  context.tally.warnings = (context.tally.warnings ?? 0) + 1;
  if (context.tally.warnings <= 20) console.warn(`quotegraph import: ${item.label}: ${warning}`);
}

/** Starts preparing a batch: validating, normalising and extracting its parsed items (see prepareEach). */
function prepareBatch(context: BatchContext, batch: readonly RawItem[]): Promise<PreparedItem[]> {
  const inputs = batch.flatMap((item) => {
    if (!item.value) return [];
    const input = toImportArticleInput(item.value);
    if (context.options.extract === false) input.extract = false;
    return [input];
  });
  return prepareEach(inputs, context.config);
}

/** Writes a prepared batch (one transaction; a bad item fails alone), tallies the outcomes, checkpoints it. */
async function writeBatch(context: BatchContext, batch: readonly RawItem[], prepared: PreparedItem[]): Promise<void> {
  const { options, tally } = context;
  const parsed = batch.filter((item) => item.value);
  const results = await writeEach(context.database.dataSource.manager, prepared);
  for (const item of batch.filter((i) => i.parseError))
    recordFailure(context, item, 'BAD_USER_INPUT', null, item.parseError as string);
  for (const item of batch) for (const warning of item.warnings ?? []) reportWarning(context, item, warning);
  for (const result of results) {
    if (result.error)
      recordFailure(context, parsed[result.index], result.error.code, result.error.field, result.error.message);
    else if (result.result?.created) tally.created += 1;
    else tally.existing += 1;
  }
  const last = batch[batch.length - 1];
  writeCheckpoint(context.files.checkpoint, options.input, last.position);
  // Only now, with the batch committed and the checkpoint written, is it reported as committed.
  context.progress.update(last.bytesRead, tally, last.label);
}

/**
 * Feeds the items after `resumeFrom` to the import in batches of the chosen size, as a pipeline:
 * while one batch is written, the next is read and extracted on the pool's threads. Batches are
 * written (and checkpointed) strictly in order, each once the one before is committed.
 */
async function importItems(context: BatchContext, source: ImportInput, resumeFrom: number): Promise<void> {
  let writing: Promise<void> = Promise.resolve();
  const pipe = async (batch: RawItem[]) => {
    const preparing = prepareBatch(context, batch);
    await writing;
    writing = preparing.then((prepared) => writeBatch(context, batch, prepared));
    // A failed write is thrown where it is awaited: at the next batch, or at the end.
    writing.catch(() => undefined);
  };
  let batch: RawItem[] = [];
  for await (const item of source.items()) {
    if (item.position <= resumeFrom) {
      context.tally.skipped += 1;
      continue;
    }
    batch.push(item);
    if (batch.length >= context.options.batchSize) {
      await pipe(batch);
      batch = [];
    }
  }
  if (batch.length) await pipe(batch);
  await writing;
}

function printSummary(options: Options, tally: ImportTally, failuresFile: string): void {
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    [
      `quotegraph import: ${options.input}`,
      `  created:         ${tally.created}`,
      `  already present: ${tally.existing}`,
      `  failed:          ${tally.failed}${tally.failed ? ` (see ${failuresFile})` : ''}`,
      `  skipped:         ${tally.skipped}${tally.skipped ? ' (committed by an earlier, interrupted run)' : ''}`,
      ...(tally.warnings
        ? [`  warnings:        ${tally.warnings} (parts of annotation files not read; the first 20 above)`]
        : []),
      `  peak memory:     ${peakMb.toFixed(0)} MB`,
    ].join('\n'),
  );
}

/** The first 20 failures from the failures file, and how many more there are. */
function printFailures(tally: ImportTally, failuresFile: string): void {
  console.log('  failures:');
  const lines = readFileSync(failuresFile, 'utf8').trim().split('\n').slice(0, 20);
  for (const line of lines) {
    const failure = JSON.parse(line) as FailureLine;
    console.log(`    ${failure.at}: ${failure.code}${failure.field ? ` ${failure.field}` : ''}: ${failure.message}`);
  }
  if (tally.failed > lines.length) console.log(`    ... and ${tally.failed - lines.length} more in ${failuresFile}`);
}

async function run(options: Options): Promise<void> {
  const config = loadConfig();
  const files: RunFiles = {
    checkpoint: `${options.input}.checkpoint.json`,
    failures: `${options.input}.failures.jsonl`,
  };
  const source = options.format
    ? await annotationFolderInput(options.input, {
        format: options.format,
        offsets: options.offsets,
        extract: options.extract ?? false,
      })
    : await openImportInput(options.input);
  const { resumeFrom, earlierFailures } = resumePoint(options, files);

  const database = await openDatabase(config, { migrate: true });
  const tally: ImportTally = { created: 0, existing: 0, failed: earlierFailures, skipped: 0 };
  const progress = createProgressReporter(source.totalBytes, process.stdout.isTTY === true);
  try {
    await importItems({ options, config, database, files, tally, progress }, source, resumeFrom);
  } finally {
    progress.stop();
    await database.close();
  }
  clearCheckpoint(files.checkpoint);

  printSummary(options, tally, files.failures);
  if (tally.failed) printFailures(tally, files.failures);
}

// Revisions record the command's user as who made the changes.
runCommand('quotegraph import', parseOptions, (options) => actAs(localCaller(), () => run(options)));
