// SHA-256 and QuickXorHash of a copy, computed on a worker thread while the copy's own thread moves the bytes:
// hashing a gigabyte costs most of a second of CPU, and on the thread that also reads the network and writes the
// disk it would slow the copy by that much. One worker per process, shared by every copy (sessions by id), started
// on first use and not keeping the process alive when no copy runs.
//
// The bytes are copied once: from the network's chunks into 1 MiB blocks of shared memory (a SharedArrayBuffer), which
// the worker hashes and the disk write reads at the same time, with no transfer and no second copy. Each copy cycles
// through a ring of RING such blocks, allocated once: a fresh megabyte per block cost more CPU in page faults and
// allocation (about a third of a second per GiB) than the copying itself, and left garbage the collector freed late.
// The ring also bounds the memory when the worker falls behind: the copy then waits for it.
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/** The size of the blocks handed to the worker and the writer: a hash call, a message and a disk write each. */
export const BLOCK_BYTES = 1024 * 1024;
/**
 * Blocks of shared memory per copy: the one being filled, the one the writer holds (it may write a block until it
 * asks for the block after next), and the rest waiting for the worker.
 */
const RING = 6;

interface Reply {
  id: number;
  ack?: true;
  sha256?: string;
  quickXorHash?: string;
}

interface Session {
  /** Blocks posted to the worker, and of them acknowledged (hashed): the worker hashes a session's blocks in order. */
  posted: number;
  acked: number;
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
      session.acked += 1;
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
  readonly #session: Session = { posted: 0, acked: 0, fail: (error) => this.#fail(error) };
  /** The ring's blocks, allocated as first used (a small file needs one). */
  readonly #ring: Uint8Array[] = [];

  constructor() {
    sessions.set(this.#id, this.#session);
    settle();
  }

  /**
   * The bytes of `chunks`, in order, regrouped into blocks of BLOCK_BYTES (the last one shorter), each hashed on the
   * worker meanwhile. A yielded block is the caller's until it asks for the block after next: its memory is then
   * filled again (DocumentStorage.appendStaged consumes blocks that way). The chunks are copied as they arrive, so
   * their source may reuse them. Callable more than once (staged bytes, then the download): the hashes run on.
   */
  async *blocks(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
    let block: Uint8Array | undefined;
    let filled = 0;
    for await (const chunk of chunks) {
      for (let at = 0; at < chunk.length; ) {
        block ??= await this.#freeBlock();
        const take = Math.min(chunk.length - at, BLOCK_BYTES - filled);
        block.set(take === chunk.length ? chunk : chunk.subarray(at, at + take), filled);
        filled += take;
        at += take;
        if (filled === BLOCK_BYTES) {
          yield this.#post(block);
          block = undefined;
          filled = 0;
        }
      }
    }
    if (block) yield this.#post(block.subarray(0, filled));
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

  /**
   * The ring's next block, once the block that last used its memory is hashed (RING blocks ago, so the writer is
   * done with it too).
   */
  async #freeBlock(): Promise<Uint8Array> {
    const session = this.#session;
    while (session.posted - session.acked >= RING && !this.#failure) await new Promise<void>((resolve) => (session.wake = resolve));
    if (this.#failure) throw this.#failure;
    const slot = session.posted % RING;
    return (this.#ring[slot] ??= new Uint8Array(new SharedArrayBuffer(BLOCK_BYTES)));
  }

  /** Hands the block to the worker (shared memory: nothing is copied or transferred) and gives it back. */
  #post(block: Uint8Array): Uint8Array {
    this.#session.posted += 1;
    this.#worker.postMessage({ id: this.#id, block });
    return block;
  }

  #fail(error: Error): void {
    this.#failure = error;
    this.#session.wake?.();
  }
}
