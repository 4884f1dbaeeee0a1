// SHA-256 and QuickXorHash of a copy, computed on a worker thread: hashing a gigabyte costs seconds of CPU, and on
// the thread that also reads the network and writes the disk it slows the copy by that much; on its own thread it
// runs alongside. One worker per process, shared by every copy (sessions by id), started on first use and not
// keeping the process alive when no copy runs. At most MAX_IN_FLIGHT blocks wait for the worker, so memory stays
// bounded when it falls behind: the copy then waits for it. Each block is copied once, into memory the worker hands
// back with its acknowledgement: a fresh megabyte per block would be garbage the collector frees late, and a
// gigabyte's copy would hold tens of megabytes of it at any time.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const MAX_IN_FLIGHT = 4;
const SLACK = 256 * 1024;

interface Reply {
  id: number;
  ack?: true;
  /** The acknowledged block's memory, returned for reuse. */
  block?: Uint8Array;
  sha256?: string;
  quickXorHash?: string;
}

interface Session {
  inFlight: number;
  /** Memory of acknowledged blocks, filled again by the next ones. */
  spare: ArrayBuffer[];
  wake?: () => void;
  done?: (digest: { sha256: string; quickXorHash: string }) => void;
  fail: (error: Error) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const sessions = new Map<number, Session>();

function shared(): Worker {
  if (worker) return worker;
  // The worker is a sibling module: .js once built; .ts under tsx (tests, benches), whose ESM hooks Node 20 does not
  // carry into a worker thread, so a one-line entry loads it through tsx's synchronous CommonJS hook instead.
  const extension = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./copy-hash-worker${extension}`, import.meta.url);
  const started =
    extension === '.ts' ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(fileURLToPath(url))});`, { eval: true, execArgv: [] }) : new Worker(url);
  started.on('message', (reply: Reply) => {
    const session = sessions.get(reply.id);
    if (!session) return;
    if (reply.ack) {
      session.inFlight -= 1;
      if (reply.block) session.spare.push(reply.block.buffer as ArrayBuffer);
      session.wake?.();
    } else {
      sessions.delete(reply.id);
      settle();
      session.done?.({ sha256: reply.sha256!, quickXorHash: reply.quickXorHash! });
    }
  });
  const lost = (error: Error) => {
    if (worker === started) worker = undefined;
    for (const session of sessions.values()) session.fail(error);
    sessions.clear();
  };
  started.on('error', lost);
  started.on('exit', (code) => lost(new Error(`the hashing worker exited (${code})`)));
  started.unref();
  return (worker = started);
}

/** Ref'd while a copy is hashing (its answers must keep the process waiting), unref'd otherwise. */
function settle(): void {
  if (sessions.size === 0) worker?.unref();
  else worker?.ref();
}

export class CopyHashes {
  readonly #id = nextId++;
  readonly #worker = shared();
  #failure: Error | undefined;
  readonly #session: Session = { inFlight: 0, spare: [], fail: (error) => this.#fail(error) };

  constructor() {
    sessions.set(this.#id, this.#session);
    settle();
  }

  /** Queues the block (copied: the caller may reuse or write it meanwhile); waits while the worker is behind. */
  async update(block: Uint8Array): Promise<void> {
    if (this.#failure) throw this.#failure;
    const copy = this.#copyOf(block);
    this.#session.inFlight += 1;
    this.#worker.postMessage({ id: this.#id, block: copy }, [copy.buffer as ArrayBuffer]);
    while (this.#session.inFlight >= MAX_IN_FLIGHT && !this.#failure) await new Promise<void>((resolve) => (this.#session.wake = resolve));
    if (this.#failure) throw this.#failure;
  }

  digest(): Promise<{ sha256: string; quickXorHash: string }> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#session.done = resolve;
      this.#session.fail = reject;
      this.#worker.postMessage({ id: this.#id, end: true });
    });
  }

  /** Forgets the session (a copy that failed before its digest). */
  abandon(): void {
    if (!sessions.delete(this.#id)) return;
    this.#worker.postMessage({ id: this.#id, end: true });
    settle();
  }

  /** The block copied into returned memory when a spare one is large enough, or into new memory. */
  #copyOf(block: Uint8Array): Uint8Array {
    let spare = this.#session.spare.pop();
    // Blocks vary by a network chunk around their nominal size: new memory has room for that, so it is reused.
    if (!spare || spare.byteLength < block.length) spare = new ArrayBuffer(Math.ceil((block.length + SLACK) / SLACK) * SLACK);
    const copy = new Uint8Array(spare, 0, block.length);
    copy.set(block);
    return copy;
  }

  #fail(error: Error): void {
    this.#failure = error;
    this.#session.wake?.();
  }
}
