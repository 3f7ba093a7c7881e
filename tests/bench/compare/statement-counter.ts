// A PostgreSQL wire-protocol proxy that counts the statements a server sends to the database and
// how long the database is busy with them. It sits between any server and PostgreSQL, so servers we
// don't control (PostGraphile, the limit server) are measured exactly as Quotegraph is. It only
// observes: every byte is forwarded unchanged, and only message headers are read (payloads are
// skipped, never buffered, so a 5 MB result costs no copies).
import net from 'node:net';
import { performance } from 'node:perf_hooks';

export interface StatementCounts {
  readonly statements: number;
  readonly databaseMs: number;
}

export interface StatementCounter {
  /** `targetUrl` with host and port pointing at the proxy. */
  readonly url: string;
  /** Totals since the last reset. */
  snapshot(): StatementCounts;
  reset(): void;
  close(): Promise<void>;
}

// Codes of the untyped messages a connection may open with (protocol 3.0, "Message Formats").
const CANCEL_REQUEST = 80877102;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
/** Frontend messages that start work when the connection is idle: simple query, function call, extended protocol. */
const STARTS_WORK = new Set([...'QFPBDESHC'].map((c) => c.charCodeAt(0)));
/** Frontend messages each answered by exactly one ReadyForQuery, however the work goes (errors included). */
const AWAITS_READY = new Set([...'QFS'].map((c) => c.charCodeAt(0)));
const [QUERY, EXECUTE, READY_FOR_QUERY, NO_ENCRYPTION] = [...'QEZN'].map((c) => c.charCodeAt(0));

class Totals {
  statements = 0;
  databaseMs = 0;
  private since = performance.now();

  /** Adds a busy interval ending now; the part before the last reset is not counted. */
  addBusy(from: number): void {
    this.databaseMs += performance.now() - Math.max(from, this.since);
  }

  reset(): void {
    [this.statements, this.databaseMs, this.since] = [0, 0, performance.now()];
  }
}

/** One direction's framing: how long the next header is (0: stop reading), and what follows a header. */
interface Framing {
  headerSize(): number;
  /** Reads a complete header; returns how many payload bytes follow it. */
  onHeader(header: Buffer): number;
}

/** Feeds a byte stream to `framing` one header at a time, however TCP splits or packs the messages. */
function framer(framing: Framing): (chunk: Buffer) => void {
  let partial: Buffer | undefined; // a header cut by a chunk boundary
  let skip = 0; // payload bytes still to pass over
  return (chunk) => {
    let at = 0;
    while (at < chunk.length) {
      if (skip > 0) {
        const passed = Math.min(skip, chunk.length - at);
        [skip, at] = [skip - passed, at + passed];
        continue;
      }
      const size = framing.headerSize();
      if (size === 0) return;
      const bytes = chunk.subarray(at, at + size - (partial?.length ?? 0));
      at += bytes.length;
      partial = partial ? Buffer.concat([partial, bytes]) : bytes;
      if (partial.length < size) return; // the rest of the header comes with the next chunk
      skip = Math.max(0, framing.onHeader(partial));
      partial = undefined;
    }
  };
}

/** What the proxy knows of one client connection: where each stream is, and whether the database is busy. */
class Conversation {
  /** 'opaque' after a CancelRequest or once TLS/GSS encryption starts: bytes still flow, unread. */
  private phase: 'startup' | 'messages' | 'opaque' = 'startup';
  /** One-byte answers to SSLRequest/GSSENCRequest the server still owes (they have no framing). */
  private answersOwed = 0;
  private readiesOwed = 0;
  private busySince: number | undefined;

  constructor(private readonly totals: Totals) {}

  readonly fromClient = framer({
    headerSize: () => ({ startup: 8, messages: 5, opaque: 0 })[this.phase],
    onHeader: (header) => this.clientHeader(header),
  });

  readonly fromServer = framer({
    headerSize: () => (this.phase === 'opaque' ? 0 : this.answersOwed > 0 ? 1 : 5),
    onHeader: (header) => this.serverHeader(header),
  });

  private clientHeader(header: Buffer): number {
    if (this.phase === 'startup') {
      // Length (including itself) and a code, no type byte; an encryption request is followed by another startup.
      const code = header.readInt32BE(4);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) this.answersOwed++;
      else this.phase = code === CANCEL_REQUEST ? 'opaque' : 'messages';
      return header.readInt32BE(0) - 8;
    }
    const type = header[0];
    if (type === QUERY || type === EXECUTE) this.totals.statements++;
    if (this.busySince === undefined && STARTS_WORK.has(type)) this.busySince = performance.now();
    if (AWAITS_READY.has(type)) this.readiesOwed++;
    return header.readInt32BE(1) - 4;
  }

  private serverHeader(header: Buffer): number {
    if (this.answersOwed > 0) {
      this.answersOwed--;
      if (header[0] !== NO_ENCRYPTION) this.phase = 'opaque'; // 'S' or 'G': what follows is encrypted
      return 0;
    }
    // The ReadyForQuery that ends authentication is owed nothing, so the startup exchange is not timed.
    // When batches are pipelined, the database stays busy until the last one is answered.
    if (header[0] === READY_FOR_QUERY && this.readiesOwed > 0 && --this.readiesOwed === 0) {
      if (this.busySince !== undefined) this.totals.addBusy(this.busySince);
      this.busySince = undefined;
    }
    return header.readInt32BE(1) - 4;
  }
}

/** Forwards both ways between a client and its own upstream connection, reading each chunk first. */
function relay(client: net.Socket, upstream: net.Socket, conversation: Conversation, sockets: Set<net.Socket>): void {
  // Registered before pipe(), so each chunk is read before it is forwarded: a ReadyForQuery is
  // counted before the client can act on it, and a snapshot taken after a response is complete.
  client.on('data', conversation.fromClient);
  upstream.on('data', conversation.fromServer);
  client.pipe(upstream);
  upstream.pipe(client);
  const pairs: [net.Socket, net.Socket][] = [
    [client, upstream],
    [upstream, client],
  ];
  for (const [socket, other] of pairs) {
    sockets.add(socket);
    // A failure on one side ends this connection only; without a listener it would crash the process.
    socket.on('error', () => {
      client.destroy();
      upstream.destroy();
    });
    socket.on('close', () => {
      sockets.delete(socket);
      other.end();
    });
  }
}

/** Starts a counting proxy in front of the PostgreSQL server of `targetUrl`. */
export function startStatementCounter(targetUrl: string): Promise<StatementCounter> {
  const target = new URL(targetUrl);
  const host = target.hostname.replace(/^\[(.*)\]$/, '$1') || 'localhost';
  const port = Number(target.port || 5432);
  const totals = new Totals();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) =>
    relay(client, net.connect({ host, port }), new Conversation(totals), sockets),
  );
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const url = new URL(targetUrl);
      url.hostname = '127.0.0.1';
      url.port = String((server.address() as net.AddressInfo).port);
      resolve({
        url: url.toString(),
        snapshot: () => ({ statements: totals.statements, databaseMs: totals.databaseMs }),
        reset: () => totals.reset(),
        close: () =>
          new Promise<void>((closed) => {
            server.close(() => closed());
            for (const socket of sockets) socket.destroy();
          }),
      });
    });
  });
}
