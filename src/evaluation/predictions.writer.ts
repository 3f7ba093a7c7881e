// `--predictions DIR`: the pipeline's predictions written as the judges' readers write them
// (api_predict.py, api_entities.py), so score.py and score_entities.py can score exactly what this
// evaluation scored, and the two scorers can be compared without a server.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Prediction } from './pipeline.predictor';

export class PredictionsWriter {
  private readonly started = new Set<string>();

  constructor(private readonly folder: string | null) {
    if (folder) mkdirSync(folder, { recursive: true });
  }

  private write(file: string, row: object): void {
    if (!this.folder) return;
    const target = path.join(this.folder, file);
    if (!this.started.has(target)) writeFileSync(target, '');
    this.started.add(target);
    appendFileSync(target, `${JSON.stringify(row)}\n`);
  }

  /** A line of api_predict.py's output: direct quotes with speakers, and every source. */
  quotes(id: string, prediction: Prediction): void {
    this.write('quotes.jsonl', {
      id,
      quotes: prediction.quotes.map((q) => ({ span: q.span, speaker: q.speaker })),
      sources: prediction.sources.map((s) => ({ span: s.span, descriptor: s.descriptor, anonymity: s.anonymity })),
    });
  }

  /** A line of api_entities.py's output: mentions with their actors. */
  mentions(id: string, prediction: Prediction): void {
    this.write('mentions.jsonl', {
      id,
      mentions: prediction.mentions.map((m) => ({
        span: m.span,
        actorId: String(m.actor.id),
        actorName: m.actor.name,
        kind: m.actor.kind,
      })),
    });
  }
}
