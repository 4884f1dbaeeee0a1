// The pass-through's policy memory (src/features/proxy/proxy-policy.ts): a burst of calls for one workspace reads
// the enabled services and the operator's opening once, an operator's change is seen at once after `forget`, and a
// failed read is not remembered (the next call reads again).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createConsoleUser } from '../../src/features/console-auth/index.js';
import { ProxyPolicy } from '../../src/features/proxy/index.js';
import { createWorkspace } from '../../src/features/workspaces/index.js';
import { openTestStore, type TestStore } from '../support/stores.js';

describe('pass-through policy memory', () => {
  let store: TestStore;
  let workspaceId: string;
  before(async () => {
    store = await openTestStore('pglite');
    const admin = await createConsoleUser(store.db, { email: 'policy@example.test', password: 'correct horse battery staple', displayName: 'Policy' });
    workspaceId = (await createWorkspace(store.db, { name: 'Policy', adminUserId: admin.id }, { actor: { type: 'system', id: null, label: 'test' }, ip: null, at: new Date() })).id;
  });
  after(async () => store?.close());

  const open = (value: boolean) =>
    store.db
      .insertInto('proxy_settings')
      .values({ workspace_id: workspaceId, open_passthrough: value, updated_by: null, updated_at: new Date() })
      .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ open_passthrough: value }))
      .execute();

  it('a burst of calls reads once; forget makes an operator’s change seen at once', async () => {
    let reads = 0;
    const policy = new ProxyPolicy(store.db, async () => {
      reads++;
      return [{ service: 'onedrive', modes: ['delegated'] }];
    });
    const burst = await Promise.all(Array.from({ length: 20 }, () => policy.of(workspaceId)));
    assert.equal(reads, 1);
    assert.ok(burst.every((p) => p.openPassthrough === false && p.services?.[0]?.service === 'onedrive'));

    await open(true);
    assert.equal((await policy.of(workspaceId)).openPassthrough, false, 'remembered until forgotten or a second has passed');
    policy.forget(workspaceId);
    assert.equal((await policy.of(workspaceId)).openPassthrough, true);
    assert.equal(reads, 2);
    await open(false);
  });

  it('a failed read is not remembered', async () => {
    let calls = 0;
    const policy = new ProxyPolicy(store.db, async () => {
      calls++;
      if (calls === 1) throw new Error('database restarting');
      return undefined;
    });
    await assert.rejects(policy.of(workspaceId), /database restarting/);
    assert.equal((await policy.of(workspaceId)).services, undefined);
    assert.equal(calls, 2);
  });
});
