// Sites.Selected (https://learn.microsoft.com/graph/api/site-post-permissions): an app holding only Sites.Selected
// reaches only the sites granted to it, with the granted role; granting needs Sites.FullControl.All.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../harness.js';
import { appToken, appWithRoles, assertGraphError, graphGet } from './graph-test-client.js';

let emulator: EmulatorHandle;

before(async () => {
  emulator = await startEmulator();
});
after(async () => {
  await emulator?.close();
});

describe('Sites.Selected', () => {
  test('no grant: 403; a read grant opens that site\'s library for reading only; other sites and OneDrives stay closed', async () => {
    const tid = emulator.tenantId!;
    const seed = emulator.seed!;
    const reader = await appToken(emulator, tid, seed.application.appId, seed.application.clientSecret);
    const sites = (await graphGet(emulator, '/sites?search=*', reader)).body.value as { id: string; root?: object }[];
    const [team, other] = sites.filter((s) => !s.root);
    const selected = await appWithRoles(emulator, tid, ['Sites.Selected']);
    assertGraphError(await graphGet(emulator, `/sites/${team!.id}/drive`, selected.token), 403, 'accessDenied');

    const admin = await appWithRoles(emulator, tid, ['Sites.FullControl.All']);
    const grant = { roles: ['read'], grantedToIdentities: [{ application: { id: selected.appId, displayName: 'selected' } }] };
    const refused = await emulator.fetch(`${emulator.url}/v1.0/sites/${team!.id}/permissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${selected.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(grant),
    });
    assert.equal(refused.status, 403, 'granting needs Sites.FullControl.All');
    const granted = await emulator.fetch(`${emulator.url}/v1.0/sites/${team!.id}/permissions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(grant),
    });
    assert.equal(granted.status, 201);
    const permission = (await granted.json()) as { roles: string[]; grantedToIdentitiesV2: { application: { id: string } }[] };
    assert.deepEqual(permission.roles, ['read']);
    assert.equal(permission.grantedToIdentitiesV2[0]!.application.id, selected.appId);
    assert.equal((await graphGet(emulator, `/sites/${team!.id}/permissions`, admin.token)).body.value.length, 1);

    const drive = await graphGet(emulator, `/sites/${team!.id}/drive`, selected.token);
    assert.equal(drive.status, 200);
    assert.equal((await graphGet(emulator, `/drives/${drive.body.id}/root/children`, selected.token)).status, 200);
    const write = await emulator.fetch(`${emulator.url}/v1.0/drives/${drive.body.id}/root:/x.txt:/content`, { method: 'PUT', headers: { authorization: `Bearer ${selected.token}` }, body: 'x' });
    assert.equal(write.status, 403, 'a read grant does not allow writes');
    assertGraphError(await graphGet(emulator, `/sites/${other!.id}/drive`, selected.token), 403, 'accessDenied');
    assertGraphError(await graphGet(emulator, `/users/${seed.users[0]!.id}/drive/root/children`, selected.token), 403, 'accessDenied');
  });
});
