// Areas are read two at a time (the directory beside the others, each next area as a lane comes free): the snapshot
// holds every area in the contract's order whatever order they finished in, a failure of one area leaves the other
// lane's areas complete, and a sync that cannot act for the tenant at all fails only once no read is left running.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { collectSnapshot } from '../../src/features/compliance/collectors/collect-areas.js';
import { AREA_NAMES } from '../../src/features/compliance/snapshot.js';
import type { GraphClient } from '../../src/microsoft/graph/graph-client.js';
import { GraphError } from '../../src/microsoft/graph/graph-error.js';
import { AppError } from '../../src/platform/errors/app-error.js';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A Graph that answers every read after a few turns of the event loop, and records which reads were running. */
function fakeGraph(options: { fail?: (path: string) => Error | undefined } = {}) {
  const running = new Set<string>();
  const seenTogether: string[][] = [];
  const answer = async <T>(path: string, body: () => T): Promise<T> => {
    running.add(path);
    seenTogether.push([...running]);
    try {
      for (let i = 0; i < 3; i++) await tick();
      const failure = options.fail?.(path);
      if (failure) throw failure;
      return body();
    } finally {
      running.delete(path);
    }
  };
  const graph: GraphClient = {
    get: <T>(path: string) =>
      answer(path, () => (path.includes('/delta') ? { value: [], '@odata.deltaLink': 'https://graph.microsoft.com/v1.0/users/delta?$deltatoken=x' } : { id: path }) as T),
    async *paginate<T>(path: string) {
      const page = await answer(path, () => (path.startsWith('/users') ? [{ id: 'u2' }, { id: 'u1' }] : path.startsWith('/groups?') ? [{ id: 'g1' }] : [{ id: `${path}#1` }]));
      for (const item of page) yield item as T;
    },
    post: () => Promise.reject(new Error('not used')),
    patch: () => Promise.reject(new Error('not used')),
    delete: () => Promise.reject(new Error('not used')),
  };
  return { graph, running, seenTogether };
}

const directoryRead = (path: string) => /^\/(users|groups|domains|subscribedSkus)/.test(path);

describe('collecting a snapshot', () => {
  it('reads the directory beside the other areas, and holds every area in the order of the contract', async () => {
    const fake = fakeGraph();
    const collected = await collectSnapshot(fake.graph, 'tenant', new Date(0));
    assert.deepEqual(Object.keys(collected.snapshot.areas), [...AREA_NAMES]);
    assert.deepEqual(Object.keys(collected.snapshot.storedBodies ?? {}).sort(), [...AREA_NAMES].sort());
    assert.ok(
      fake.seenTogether.some((paths) => paths.some(directoryRead) && paths.some((path) => !directoryRead(path))),
      'a read of another area ran while the directory was being read',
    );
  });

  it('an area that fails is a fault of that area alone; the areas of the other lane complete', async () => {
    const fake = fakeGraph({ fail: (path) => (path.startsWith('/users?') ? new GraphError({ code: 'serviceNotAvailable', status: 503, message: 'down', clientRequestId: 'c' }) : undefined) });
    const collected = await collectSnapshot(fake.graph, 'tenant', new Date(0));
    assert.deepEqual(Object.keys(collected.snapshot.faults ?? {}), ['directory']);
    assert.deepEqual(Object.keys(collected.snapshot.areas), AREA_NAMES.filter((area) => area !== 'directory'));
  });

  it('a sync that cannot act for the tenant fails only once no read is left running', async () => {
    const fake = fakeGraph({ fail: (path) => (path.startsWith('/policies/authenticationMethodsPolicy') ? new AppError('no_integration', 'no consent for this tenant') : undefined) });
    await assert.rejects(collectSnapshot(fake.graph, 'tenant', new Date(0)), /no consent for this tenant/);
    assert.equal(fake.running.size, 0, `still running: ${[...fake.running].join(', ')}`);
  });
});
