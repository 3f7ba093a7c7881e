// Processes a test starts: their output is collected and waited for by event, never by polling on a
// timer, and `killChildren` (in an afterEach) kills whatever is still running when a test ends, however
// it ends, so no CLI or server outlives the test that started it.
import { execFileSync, type ChildProcess, spawn, type SpawnOptions } from 'node:child_process';

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

export interface ChildRun {
  readonly child: ChildProcess;
  /** stdout and stderr so far, interleaved as they arrived. */
  output(): string;
  readonly exited: Promise<Exit>;
  /** Resolves as soon as the output matches; rejects if the process exits first. */
  waitForOutput(pattern: RegExp): Promise<void>;
}

const running = new Set<ChildRun>();

export function startChild(
  command: string,
  args: readonly string[],
  options: Omit<SpawnOptions, 'stdio'> = {},
): ChildRun {
  const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const append = (chunk: Buffer) => {
    output += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  const exited = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  const run: ChildRun = {
    child,
    output: () => output,
    exited,
    waitForOutput: (pattern) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!pattern.test(output)) return;
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        check();
        void exited.then(({ code, signal }) => {
          if (!listeners.delete(check)) return;
          reject(new Error(`the process exited (${signal ?? `code ${code}`}) before printing ${pattern}:\n${output}`));
        });
      }),
  };
  running.add(run);
  void exited.then(() => running.delete(run));
  return run;
}

/** Kills (SIGKILL) every process started with startChild that is still running, and waits for each to end. */
export async function killChildren(): Promise<void> {
  const left = [...running];
  for (const run of left) run.child.kill('SIGKILL');
  await Promise.all(left.map((run) => run.exited));
}

/** The pids of the PostgreSQL processes serving `dataDir`, for checking none is left behind. */
export function postgresProcessesOf(dataDir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', `postgres -D ${dataDir}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}
