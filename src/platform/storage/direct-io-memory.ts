// Memory the local disk can write without the page cache (O_DIRECT, local-disk-storage.ts): Linux takes such a write
// only from an address, a length and a file offset that are multiples of the device's block size. A Buffer's memory
// has no alignment one can rely on (malloc's); a WebAssembly memory is whole pages the engine maps itself, so its
// start is page-aligned, and so is every multiple of DIRECT_IO_ALIGNMENT inside it.

/** What a direct write's address, length and file offset must be multiples of: a page, which covers 512- and 4096-byte sectors. */
export const DIRECT_IO_ALIGNMENT = 4096;

const WASM_PAGE = 64 * 1024;

/**
 * `count` blocks of `bytes` each (a multiple of DIRECT_IO_ALIGNMENT), each starting on a page. Pages are touched, and
 * so become resident, only as they are written.
 */
export function directIoBlocks(count: number, bytes: number): Uint8Array[] {
  if (bytes % DIRECT_IO_ALIGNMENT !== 0) throw new RangeError(`direct-I/O blocks are multiples of ${DIRECT_IO_ALIGNMENT} bytes`);
  const pages = Math.ceil((count * bytes) / WASM_PAGE);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages }).buffer;
  return Array.from({ length: count }, (_, i) => new Uint8Array(memory, i * bytes, bytes));
}
