// Collecting the young generation while a body streams changes nothing about the bytes that pass.
import assert from 'node:assert/strict';
import { PassThrough, Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { collectAsItFlows } from '../../src/platform/streams/collect-as-it-flows.js';

describe('collectAsItFlows', () => {
  it('passes every chunk on to the consumer, in order, while it collects', async () => {
    const chunks = Array.from({ length: 40 }, (_, i) => Buffer.alloc(1000, i));
    const source = Readable.from(chunks);
    const sink = new PassThrough();
    source.pipe(sink);
    collectAsItFlows(source, 4096);
    const received: Buffer[] = [];
    for await (const chunk of sink) received.push(chunk as Buffer);
    assert.deepEqual(Buffer.concat(received), Buffer.concat(chunks));
    assert.equal(typeof (globalThis as { gc?: unknown }).gc, 'undefined', 'gc is not exposed to the hub\'s own scope');
  });

  it('collects once for every `everyBytes` passed on, not per chunk', async () => {
    const source = Readable.from(Array.from({ length: 40 }, () => Buffer.alloc(1000)));
    let collections = 0;
    collectAsItFlows(source, 4096, () => (collections += 1));
    for await (const chunk of source) void chunk;
    assert.equal(collections, 8, 'the chunk that reaches 4,096 bytes collects and starts the count again: every 5 chunks of 1,000, 8 times in 40');
  });
});
