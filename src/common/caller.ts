// Who is making a request (or running a command): the key it presented and that key's role. The
// revision writer reads the acting caller to record who made each change, however deep in a
// service the change is made, through AsyncLocalStorage rather than a parameter on every service.
import { AsyncLocalStorage } from 'node:async_hooks';
import os from 'node:os';
import { Role } from './role';

export interface Caller {
  /** The key's id; null for a request without a key and for a command run on the server's machine. */
  readonly keyId: string | null;
  readonly role: Role | null;
  /** What revisions record in `by`: `key:<id>`, or `local:<user>` for a command line. */
  readonly by: string | null;
}

export const ANONYMOUS: Caller = { keyId: null, role: null, by: null };

export function keyCaller(keyId: string, role: Role): Caller {
  return { keyId, role, by: `key:${keyId}` };
}

/** A command run on the server's machine (import, re-extraction, seed) acts as an admin would. */
export function localCaller(): Caller {
  let user = 'unknown';
  try {
    user = os.userInfo().username;
  } catch {
    // no user entry (some containers): the host name still tells where it ran
  }
  return { keyId: null, role: Role.ADMIN, by: `local:${user}@${os.hostname()}` };
}

const acting = new AsyncLocalStorage<Caller>();

/** Runs `work` as `caller`: every revision written inside it records the caller. */
export function actAs<T>(caller: Caller, work: () => T): T {
  return acting.run(caller, work);
}

export function actingCaller(): Caller | undefined {
  return acting.getStore();
}
