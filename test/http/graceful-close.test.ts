// Closing the server lets in-flight requests finish. (Readiness during shutdown: see operations.test.ts,
// markShuttingDown(); once close() starts the listener is gone, so no new request can ask.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startHub } from './hub-fixture.js';

describe('graceful close', () => {
  it('finishes an in-flight request before close() resolves', async () => {
    let entered!: () => void;
    const handlerEntered = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const hub = await startHub('pglite', {
      beforeReady(server) {
        server.get('/test/slow', { config: { access: 'public' } }, async () => {
          entered();
          await released;
          return { finished: true };
        });
      },
    });
    try {
      const address = await hub.server.listen({ host: '127.0.0.1', port: 0 });
      const inFlight = fetch(`${address}/test/slow`);
      await handlerEntered;
      let closed = false;
      const closing = hub.server.close().then(() => (closed = true));
      assert.equal(closed, false, 'close waits for the in-flight request');
      release();
      const response = await inFlight;
      assert.equal(response.status, 200);
      assert.deepEqual(await response.json(), { finished: true });
      await closing;
      assert.equal(closed, true);
    } finally {
      release();
      await hub.store.close();
    }
  });
});
