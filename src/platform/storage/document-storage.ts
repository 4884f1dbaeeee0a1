// Where copied documents are kept: a small interface so the copy job does not care whether bytes land on local disk
// (the embedded default) or in object storage. A document is first *staged* (appended to, possibly across process
// restarts) and becomes visible only when *committed* in one atomic step; nothing half-written is ever readable.
//
// Keys are ours, never a user's file name: lower-case ids joined by `/` (`ws_…/att_…`). A file's name is metadata
// in the database; it never becomes a path.
import { Readable } from 'node:stream';

export interface DocumentStorage {
  /** Bytes staged so far for `key` (0 when nothing is): where a resumed copy continues. */
  stagedSize(key: string): Promise<number>;
  /** The staged bytes, from the start (a resumed copy re-reads them to rebuild its hashes). */
  readStaged(key: string): Readable;
  /**
   * Appends to the staged document, at the consumer's pace (backpressure), fsynced before it resolves. A chunk is
   * this method's until it asks for the chunk after next: the producer may then fill its memory again (the copy
   * fills two blocks in turn rather than allocating a megabyte per block), so an implementation that keeps chunks
   * longer copies them.
   */
  appendStaged(key: string, chunks: AsyncIterable<Uint8Array>): Promise<void>;
  discardStaged(key: string): Promise<void>;
  /** Makes the staged document the committed one, atomically. */
  commit(key: string): Promise<void>;
  /** A committed document's bytes; undefined when there is none. */
  read(key: string): Promise<{ size: number; stream: Readable } | undefined>;
  /** Removes the committed document and anything staged for it; removing a missing one is not an error. */
  remove(key: string): Promise<void>;
}

const KEY = /^[a-z0-9][a-z0-9_-]{0,127}(\/[a-z0-9][a-z0-9_-]{0,127}){0,3}$/;

export class InvalidDocumentKey extends Error {
  constructor() {
    super('document keys are lower-case ids joined by "/"');
    this.name = 'InvalidDocumentKey';
  }
}

/** Refuses anything but our own key shape: no `..`, no absolute path, no separator tricks, whatever a caller passes. */
export function checkDocumentKey(key: string): string {
  if (!KEY.test(key)) throw new InvalidDocumentKey();
  return key;
}
