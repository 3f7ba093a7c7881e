// Extraction on worker threads (piscina), so that a long article's extraction never holds the
// event loop that serves every other request. The worker is the compiled extraction.worker.js
// beside this module; run from the TypeScript sources (ts-jest), there is none, and extraction
// runs on the calling thread instead: tests read the same drafts, only not off the event loop.
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import Piscina from 'piscina';
import { AppError } from '../errors/app-error';
import { ErrorCode } from '../errors/error-code';
import { type ArticleDraft, extractArticle } from '../extraction/extract-article';

export interface ExtractionPoolOptions {
  /** Worker threads: as many extractions run at once. */
  readonly threads: number;
  /** Extractions that may wait for a thread; one more is refused as UNAVAILABLE. */
  readonly maxQueue: number;
  /** The compiled worker module; null extracts on the calling thread. */
  readonly workerFile: string | null;
  /** How much lower the threads' scheduling priority is than the event loop's (Unix nice, 0–19). */
  readonly niceIncrement: number;
}

/** The compiled worker beside this module, or null when this module runs from its TypeScript source. */
export function compiledWorkerFile(): string | null {
  const file = path.join(__dirname, 'extraction.worker.js');
  return __filename.endsWith('.js') && existsSync(file) ? file : null;
}

export const DEFAULT_EXTRACTION_POOL_OPTIONS: ExtractionPoolOptions = {
  threads: availableParallelism(),
  // Each waiting extraction holds its body (at most MAX_BODY_BYTES): 64 of 2 MB is 128 MB.
  maxQueue: 64,
  workerFile: compiledWorkerFile(),
  // When every core is busy, the event loop (every other request) and PostgreSQL go first: a long
  // extraction then takes longer, rather than making every read wait for a core.
  niceIncrement: 10,
};

export class ExtractionPool {
  private readonly piscina: Piscina<string, ArticleDraft> | null;

  constructor(private readonly options: ExtractionPoolOptions = DEFAULT_EXTRACTION_POOL_OPTIONS) {
    this.piscina =
      options.workerFile === null
        ? null
        : new Piscina({
            filename: options.workerFile,
            minThreads: options.threads,
            maxThreads: options.threads,
            niceIncrement: options.niceIncrement,
          });
  }

  /** How many extractions run at once: the threads, or one without them (on the calling thread). */
  get threads(): number {
    return this.piscina ? this.options.threads : 1;
  }

  /** The article's draft, extracted on a worker thread; UNAVAILABLE when maxQueue extractions already wait. */
  async extract(body: string): Promise<ArticleDraft> {
    if (!this.piscina) return extractArticle(body);
    // Checked here rather than by piscina's own limit, whose refusal is a plain Error.
    if (this.piscina.queueSize >= this.options.maxQueue)
      throw new AppError(ErrorCode.Unavailable, 'the server is extracting as many articles as it can: retry later');
    return this.piscina.run(body);
  }

  /** Waits for the extractions under way, then ends the threads. */
  async close(): Promise<void> {
    await this.piscina?.close();
  }
}

let shared: ExtractionPool | undefined;

/** Sets the options of the process's pool (closing one already made); main.ts calls it once, before serving. */
export async function configureExtractionPool(options: Partial<ExtractionPoolOptions> = {}): Promise<void> {
  const previous = shared;
  shared = new ExtractionPool({ ...DEFAULT_EXTRACTION_POOL_OPTIONS, ...options });
  await previous?.close();
}

/** The article's draft from the process's pool, made with the default options on first use unless configured. */
export function extractArticleInPool(body: string): Promise<ArticleDraft> {
  shared ??= new ExtractionPool();
  return shared.extract(body);
}

/**
 * How many extractions a caller with many articles should keep asking the process's pool for at
 * once: enough that no thread waits for the next article, few enough that a batch never fills the
 * queue other callers share.
 */
export function extractionPoolConcurrency(): number {
  shared ??= new ExtractionPool();
  return 2 * shared.threads;
}

/** Ends the process's pool, after the extractions under way; on shutdown. */
export async function closeExtractionPool(): Promise<void> {
  const closing = shared;
  shared = undefined;
  await closing?.close();
}
