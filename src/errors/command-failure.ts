// How the app and its command-line scripts report the error that stops them: expected failures
// (bad configuration, an unreachable database, a missing file) as their one-line message, anything
// else with its stack when asked, for whoever has to debug it.
import { AppError } from './app-error';
import { ExpectedFailure } from './expected-failure';

export function isExpectedFailure(error: unknown): error is Error {
  return (
    error instanceof ExpectedFailure || error instanceof AppError || (error as NodeJS.ErrnoException)?.code === 'ENOENT'
  );
}

export function failureMessage(error: unknown, withStack: boolean): string {
  if (isExpectedFailure(error)) return error.message;
  if (!(error instanceof Error)) return String(error);
  return withStack && error.stack ? error.stack : error.message || error.name;
}

/** Prints the failure after `prefix` and ends the process with status 1. */
export function exitWithFailure(prefix: string, error: unknown, withStack = true): never {
  console.error(`${prefix}: ${failureMessage(error, withStack)}`);
  process.exit(1);
}

/**
 * Runs a command-line script: its arguments parsed first (a usage error is printed alone and ends
 * the process with status 2), then the script, whose failure `exitWithFailure` reports after `name`.
 */
export function runCommand<Options>(
  name: string,
  parseOptions: (argv: string[]) => Options,
  run: (options: Options) => Promise<void>,
): void {
  let options: Options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
  run(options).catch((error) => exitWithFailure(name, error));
}
