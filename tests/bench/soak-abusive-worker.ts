// The soak benchmark's abusive client on a thread of its own, as if on another machine: its own work
// (12 MB bodies written, hundreds of refusals a second read) then costs the server a core it could
// have used, as a real client's traffic does, but never a turn of the server's event loop.
import { parentPort, workerData } from 'node:worker_threads';
import { abusiveRequests, type Outcome, sendBackToBack, soakClient } from './soak-clients';

export interface AbusiveClientSettings {
  readonly url: string;
  /** Null: no key, as anyone on the network. */
  readonly key: string | null;
  readonly address: string;
  readonly runId: string;
}

/** What the thread posts back once told to stop. */
export interface AbusiveClientReport {
  readonly outcomes: Outcome[];
}

const settings = workerData as AbusiveClientSettings;
const client = soakClient(new URL(settings.url), settings.key, settings.address);
const stop = sendBackToBack(client, abusiveRequests(settings.runId));

parentPort?.once('message', () => {
  void stop().then((outcomes) => {
    client.agent.destroy();
    parentPort?.postMessage({ outcomes } satisfies AbusiveClientReport);
  });
});
