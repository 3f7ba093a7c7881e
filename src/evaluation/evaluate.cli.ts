// `npm run eval -- <folder>… [--misses N]`: scores the pure extraction pipeline (no database, no
// server) by the rules of the judges in ../shared/eval/tools: a PolNeAR split (text/ and
// attributions/) as score.py does, a folder of GUM-annotated Wikinews articles (*.entities.json)
// as score_entities.py does, or our gold JSON (*.gold.json). Folders given together share one
// actor registry, in the order given, as articles imported one after another into one server do.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { ActorRegistry } from './actor-registry';
import { evaluateGoldJson } from './gold-json.evaluator';
import { Misses } from './misses';
import { extractionCost } from './pipeline.predictor';
import { evaluatePolnear } from './polnear.evaluator';
import { PredictionsWriter } from './predictions.writer';
import { printMisses, printPolnear, printSpeed, printWikinews } from './report.printer';
import { evaluateWikinews } from './wikinews.evaluator';
import { isWikinewsFolder } from './wikinews.reader';

const USAGE =
  'usage: npm run eval -- <folder>... [--misses N] [--predictions DIR]   (a PolNeAR split with text/ and attributions/, the Wikinews folder with *.entities.json, or a folder of *.gold.json)';

interface Arguments {
  readonly folders: string[];
  readonly misses: number;
  /** Where to write the predictions in the judges' formats (quotes.jsonl, mentions.jsonl). */
  readonly predictions: string | null;
}

function parseArguments(args: readonly string[]): Arguments {
  const folders: string[] = [];
  let misses = 0;
  let predictions: string | null = null;
  for (let i = 0; i < args.length; i += 1) {
    if (args[i] === '--misses') {
      misses = Number(args[i + 1]);
      i += 1;
      if (!Number.isInteger(misses) || misses < 0) throw new Error('--misses takes a whole number');
    } else if (args[i] === '--predictions') {
      predictions = args[i + 1] ?? null;
      i += 1;
    } else folders.push(args[i]);
  }
  return { folders, misses, predictions };
}

function evaluateFolder(folder: string, registry: ActorRegistry, misses: Misses, writer: PredictionsWriter): void {
  Object.assign(extractionCost, { microseconds: 0, articles: 0, firstMicroseconds: 0 });
  if (existsSync(path.join(folder, 'attributions')))
    printPolnear(folder, evaluatePolnear(folder, registry, misses, writer));
  else if (isWikinewsFolder(folder)) printWikinews(folder, evaluateWikinews(folder, registry, misses, writer));
  else return evaluateGoldJson(folder);
  printSpeed(extractionCost);
}

function main(): void {
  const { folders, misses: showMisses, predictions } = parseArguments(process.argv.slice(2));
  if (!folders.length || folders.some((folder) => !existsSync(folder))) {
    console.error(USAGE);
    process.exit(2);
  }
  const registry = new ActorRegistry();
  const writer = new PredictionsWriter(predictions);
  for (const folder of folders) {
    const misses = new Misses(showMisses);
    evaluateFolder(folder, registry, misses, writer);
    if (showMisses) printMisses(misses);
    console.log();
  }
}

main();
