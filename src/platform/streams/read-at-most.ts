// A small body read whole, with a ceiling: what a caller holds in memory stays bounded whatever the other side sends.

/**
 * The bytes of `source`, or undefined once they pass `limitBytes`. Leaving the loop early ends the source (a Node
 * stream is destroyed by its async iterator's return), so the rest is never read. Each chunk is copied: a source may
 * reuse its buffer for the next chunk.
 */
export async function readAtMost(source: AsyncIterable<Uint8Array>, limitBytes: number): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > limitBytes) return undefined;
    parts.push(Buffer.from(chunk));
  }
  return Buffer.concat(parts);
}
