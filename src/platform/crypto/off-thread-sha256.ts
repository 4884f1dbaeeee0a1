// SHA-256 of blocks of shared memory, computed on a worker thread: a gigabyte costs about 0.6 s of native hashing,
// which on the thread that also reads the network would slow a copy by that much (bench/copy.bench.ts). One worker per
// process, shared by every hash (sessions by id), started on first use and keeping the process alive only while a
// hash is open.
//
// The worker is a few lines of plain JavaScript needing only node:crypto, so it starts without this program's
// modules or a TypeScript loader: a small isolate (its memory counts against the copy's budget), the same whether the
// hub runs built or under tsx. Blocks are named by offset and length in memory handed over once per session, so
// nothing is copied or transferred per block and a message is three numbers.
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const sessions = new Map();
parentPort.on('message', (message) => {
  if (message.memory) return void sessions.set(message.id, { bytes: new Uint8Array(message.memory), hash: createHash('sha256') });
  const session = sessions.get(message.id);
  if (message.end) {
    sessions.delete(message.id);
    return void parentPort.postMessage({ id: message.id, digest: session.hash.digest('hex') });
  }
  session.hash.update(session.bytes.subarray(message.offset, message.offset + message.length));
  parentPort.postMessage({ id: message.id });
});
`;

interface Reply {
  id: number;
  digest?: string;
}

interface Session {
  hashed: number;
  /** Wakes the one waiter of whenHashed(), if any. */
  wake?: () => void;
  done?: (digest: string) => void;
  fail: (error: Error) => void;
}

let worker: Worker | undefined;
let nextId = 1;
const sessions = new Map<number, Session>();

function shared(): Worker {
  if (worker) return worker;
  // No execArgv: a loader the parent was started with (tsx) would be loaded again in the worker for nothing.
  const started = new Worker(WORKER_SOURCE, { eval: true, execArgv: [] });
  started.on('message', (reply: Reply) => {
    const session = sessions.get(reply.id);
    if (!session) return;
    if (reply.digest === undefined) {
      session.hashed += 1;
      session.wake?.();
    } else {
      sessions.delete(reply.id);
      settle();
      session.done?.(reply.digest);
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

/** Ref'd while a hash is open (its answers must keep the process waiting), unref'd otherwise. */
function settle(): void {
  if (sessions.size === 0) worker?.unref();
  else worker?.ref();
}

/** One SHA-256 over blocks of `memory`, in the order given to update(). */
export class OffThreadSha256 {
  readonly #id = nextId++;
  readonly #worker = shared();
  readonly #session: Session = { hashed: 0, fail: (error) => this.#fail(error) };
  #posted = 0;
  #failure: Error | undefined;

  constructor(memory: SharedArrayBuffer) {
    sessions.set(this.#id, this.#session);
    settle();
    this.#worker.postMessage({ id: this.#id, memory });
  }

  /** Blocks handed to update() so far, and of them hashed: a block's memory may change once it is hashed, not before. */
  get posted(): number {
    return this.#posted;
  }

  /** Queues `length` bytes of the memory from `offset` for hashing. */
  update(offset: number, length: number): void {
    if (this.#failure) throw this.#failure;
    this.#posted += 1;
    this.#worker.postMessage({ id: this.#id, offset, length });
  }

  /** Resolves once the first `count` blocks are hashed. */
  async whenHashed(count: number): Promise<void> {
    while (this.#session.hashed < count && !this.#failure) await new Promise<void>((resolve) => (this.#session.wake = resolve));
    if (this.#failure) throw this.#failure;
  }

  /** The hex digest of everything queued; the session ends. */
  digest(): Promise<string> {
    if (this.#failure) return Promise.reject(this.#failure);
    return new Promise((resolve, reject) => {
      this.#session.done = resolve;
      this.#session.fail = reject;
      this.#worker.postMessage({ id: this.#id, end: true });
    });
  }

  /** Ends the session without a digest (a copy that failed). */
  abandon(): void {
    if (!sessions.delete(this.#id)) return;
    this.#worker.postMessage({ id: this.#id, end: true });
    settle();
  }

  #fail(error: Error): void {
    this.#failure = error;
    this.#session.wake?.();
  }
}
