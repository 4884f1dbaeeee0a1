// The worker side of copy-hashes.ts: SHA-256 and QuickXorHash of the blocks it is sent, per session, off the thread
// that moves the bytes. Messages: { id, block } (a view of shared memory the sender fills again once this block is
// acknowledged with { id, ack }), then { id, end } (answered with { id, sha256, quickXorHash }).
import { createHash, type Hash } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import { QuickXorHash } from '../../microsoft/graph/quick-xor-hash.js';

const sessions = new Map<number, { sha256: Hash; quickXor: QuickXorHash }>();

parentPort!.on('message', (message: { id: number; block?: Uint8Array; end?: true }) => {
  let session = sessions.get(message.id);
  if (!session) sessions.set(message.id, (session = { sha256: createHash('sha256'), quickXor: new QuickXorHash() }));
  if (message.block) {
    session.sha256.update(message.block);
    session.quickXor.update(message.block);
    parentPort!.postMessage({ id: message.id, ack: true });
  }
  if (message.end) {
    sessions.delete(message.id);
    parentPort!.postMessage({ id: message.id, sha256: session.sha256.digest('hex'), quickXorHash: session.quickXor.digest() });
  }
});
