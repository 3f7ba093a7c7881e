// Progress of a CLI import: a bar with rate and ETA on a terminal; otherwise (logs, CI, a parent
// process) a line per committed batch, `committed through <label>`, and a rate line every few seconds.
import { SingleBar } from 'cli-progress';

export interface ImportTally {
  created: number;
  existing: number;
  failed: number;
  skipped: number;
  /** Parts of annotation files that were not read. */
  warnings?: number;
}

export interface ProgressReporter {
  /**
   * Called once a batch is committed and the checkpoint written: everything up to `label` (`line 30`,
   * `item 30`, `file oped.txt`) survives a kill from now on, which a log reader or a parent process
   * can rely on.
   */
  update(bytesRead: number, tally: ImportTally, label: string): void;
  stop(): void;
}

function rateOf(tally: ImportTally, startedAt: number): number {
  const seconds = (Date.now() - startedAt) / 1000;
  return seconds > 0 ? (tally.created + tally.existing + tally.failed) / seconds : 0;
}

export function createProgressReporter(totalBytes: number, interactive: boolean, intervalMs = 5000): ProgressReporter {
  const startedAt = Date.now();
  if (interactive) {
    const bar = new SingleBar({
      format:
        '{bar} {percentage}% | {done} articles | {rate}/s | ETA {eta_formatted} | created {created}, present {existing}, failed {failed}',
      hideCursor: true,
    });
    bar.start(Math.max(totalBytes, 1), 0, { done: 0, rate: 0, created: 0, existing: 0, failed: 0 });
    return {
      update: (bytesRead, tally) =>
        bar.update(bytesRead, {
          ...tally,
          done: tally.created + tally.existing + tally.failed,
          rate: Math.round(rateOf(tally, startedAt)),
        }),
      stop: () => bar.stop(),
    };
  }
  let lastPrinted = startedAt;
  return {
    update: (bytesRead, tally, label) => {
      console.log(
        `quotegraph import: committed through ${label} (${tally.created} created, ${tally.existing} already present, ${tally.failed} failed)`,
      );
      if (Date.now() - lastPrinted < intervalMs) return;
      lastPrinted = Date.now();
      const percent = totalBytes ? Math.floor((100 * bytesRead) / totalBytes) : 100;
      console.log(
        `quotegraph import: ${percent}% of the input, ${tally.created} created, ${tally.existing} already present, ${tally.failed} failed, ${Math.round(rateOf(tally, startedAt))} articles/s`,
      );
    },
    stop: () => undefined,
  };
}
