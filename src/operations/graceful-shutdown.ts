// Stopping on SIGTERM or SIGINT without dropping answers: stop listening, let the requests in flight
// finish within a grace period (an import is one transaction, so its request ending means it
// committed or rolled back), then stop Apollo, close the database and exit 0. Requests still running
// when the grace ends have their sockets destroyed and their database work ended (their
// transactions roll back: nothing commits that its client was not told of), and the exit code is 1,
// with the count logged.
import type http from 'node:http';

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;
export const SHUTDOWN_SIGNALS: readonly NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/** What shutdown writes; a pino logger fits. */
export interface ShutdownLog {
  info(details: object, message: string): void;
  warn(details: object, message: string): void;
  error(details: object, message: string): void;
}

export interface ShutdownOptions {
  readonly httpServer: http.Server;
  /** Runs once no request is in flight (Apollo's own drain then finds nothing to wait for). */
  readonly stopApollo?: () => Promise<void>;
  /** Ends the database work of requests cut at the end of the grace period, rolling it back. */
  readonly endCutWork?: () => Promise<void>;
  readonly closeDatabase: () => Promise<void>;
  readonly graceMs?: number;
  readonly log: ShutdownLog;
  /** process.exit by default; tests pass their own. */
  readonly exit?: (code: number) => void;
}

/** Where signals come from: the process by default. */
export interface SignalSource {
  on(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
  off(signal: NodeJS.Signals, listener: (signal: NodeJS.Signals) => void): unknown;
}

export class GracefulShutdown {
  private readonly inFlight = new Set<http.ServerResponse>();
  private draining = false;
  private stopping: Promise<number> | undefined;
  private endGrace: (() => void) | undefined;

  constructor(private readonly options: ShutdownOptions) {
    // First among the listeners, so the header is set before any handler can send its response.
    options.httpServer.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      this.inFlight.add(res);
      if (this.draining) res.setHeader('Connection', 'close');
      res.once('close', () => {
        this.inFlight.delete(res);
        if (this.inFlight.size === 0) this.endGrace?.();
      });
    });
  }

  isDraining(): boolean {
    return this.draining;
  }

  get requestsInFlight(): number {
    return this.inFlight.size;
  }

  /** Starts the shutdown and resolves to the exit code; called again (a second Ctrl-C), it ends the grace now. */
  shutdown(reason: string): Promise<number> {
    if (this.stopping) {
      this.endGrace?.();
      return this.stopping;
    }
    this.draining = true;
    this.stopping = this.stop(reason);
    return this.stopping;
  }

  /** Calls shutdown on each signal; returns a function that removes the listeners. */
  listenForSignals(source: SignalSource = process, signals: readonly NodeJS.Signals[] = SHUTDOWN_SIGNALS): () => void {
    const onSignal = (signal: NodeJS.Signals) => void this.shutdown(signal);
    for (const signal of signals) source.on(signal, onSignal);
    return () => {
      for (const signal of signals) source.off(signal, onSignal);
    };
  }

  private async stop(reason: string): Promise<number> {
    const { httpServer, log, graceMs = DEFAULT_SHUTDOWN_GRACE_MS } = this.options;
    log.info({ reason, requestsInFlight: this.inFlight.size, graceMs }, 'shutting down: draining');
    const closed = this.stopListening();
    // Answers still to come close their connection instead of keeping it alive for another request.
    for (const res of this.inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    await this.graceOver(graceMs);
    // Checked and acted on in one tick: nothing can start between the count and the close.
    const cut = this.inFlight.size;
    httpServer.closeAllConnections();
    if (cut > 0)
      log.warn({ cut, graceMs }, `shutting down: cut ${cut} request(s) still running after the grace period`);
    await closed;
    const cutWorkEnded =
      cut === 0 || (await this.step('ending the cut requests’ database work', this.options.endCutWork));
    // Each runs even when one before it fails: the database is closed whatever Apollo did.
    const apolloStopped = await this.step('stopping Apollo', this.options.stopApollo);
    const databaseClosed = await this.step('closing the database', this.options.closeDatabase);
    const code = cut > 0 || !cutWorkEnded || !apolloStopped || !databaseClosed ? 1 : 0;
    log.info({ code }, 'shut down');
    (this.options.exit ?? ((exitCode: number) => process.exit(exitCode)))(code);
    return code;
  }

  private stopListening(): Promise<void> {
    const { httpServer } = this.options;
    if (!httpServer.listening) return Promise.resolve();
    return new Promise((resolve) => httpServer.close(() => resolve()));
  }

  /** Resolves when no request is in flight, when the grace period ends, or on a second signal. */
  private graceOver(graceMs: number): Promise<void> {
    if (this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.endGrace?.(), graceMs);
      this.endGrace = () => {
        clearTimeout(timer);
        this.endGrace = undefined;
        resolve();
      };
    });
  }

  private async step(what: string, run: (() => Promise<void>) | undefined): Promise<boolean> {
    try {
      await run?.();
      return true;
    } catch (error) {
      this.options.log.error(
        { error: error instanceof Error ? error.message : String(error) },
        `shutting down: ${what} failed`,
      );
      return false;
    }
  }
}

/** A GracefulShutdown listening for SIGTERM and SIGINT on the process. */
export function installShutdown(options: ShutdownOptions): GracefulShutdown {
  const shutdown = new GracefulShutdown(options);
  shutdown.listenForSignals();
  return shutdown;
}
