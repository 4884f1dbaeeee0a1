// Regroups a byte stream's chunks into blocks of about `size` bytes. A network body arrives in TLS-record-sized
// pieces (16–64 KiB); hashing and writing each piece on its own costs a hash call, a promise hop and a thread-pool
// write per piece — for a gigabyte, tens of thousands of each, more than the bytes themselves cost. One copy into a
// block (a memcpy) buys that back. Memory stays bounded: one block is filling while the consumer holds the last.
export const DEFAULT_BLOCK_BYTES = 1024 * 1024;

export async function* chunkBlocks(chunks: AsyncIterable<Uint8Array>, size = DEFAULT_BLOCK_BYTES): AsyncGenerator<Uint8Array> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  for await (const chunk of chunks) {
    // A chunk already as large as a block goes through as it is, after what was pending (order is kept).
    if (pendingBytes === 0 && chunk.length >= size) {
      yield chunk;
      continue;
    }
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= size) {
      yield Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
    }
  }
  if (pendingBytes > 0) yield pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
}
