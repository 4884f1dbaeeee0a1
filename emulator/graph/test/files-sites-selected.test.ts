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

async function send(method: string, path: string, token: string, body?: object): Promise<Response> {
  return emulator.fetch(`${emulator.url}/v1.0${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
}

describe('Sites.Selected: site lookup and managing grants', () => {
  test('site-get by hostname:/path answers only a granted site; a write grant allows writes; DELETE revokes at once', async () => {
    const tid = emulator.tenantId!;
    const admin = await appWithRoles(emulator, tid, ['Sites.FullControl.All', 'Sites.Read.All']);
    const selected = await appWithRoles(emulator, tid, ['Sites.Selected']);
    const sites = (await graphGet(emulator, '/sites?search=*', admin.token)).body.value as { id: string; webUrl: string; root?: object }[];
    const [team, other] = sites.filter((s) => !s.root);
    const pathOf = (webUrl: string) => { const url = new URL(webUrl); return `/sites/${url.hostname}:${url.pathname}`; };

    // site-get "Access a site by server-relative URL", with and without a trailing slash
    const found = await graphGet(emulator, pathOf(team!.webUrl), admin.token);
    assert.equal(found.status, 200);
    assert.equal(found.body.id, team!.id);
    assert.equal((await graphGet(emulator, `${pathOf(team!.webUrl)}/`, admin.token)).body.id, team!.id);
    assertGraphError(await graphGet(emulator, `/sites/${new URL(team!.webUrl).hostname}:/sites/no-such-site`, admin.token), 404, 'itemNotFound');
    assertGraphError(await graphGet(emulator, '/sites/fabrikam.sharepoint.com:/sites/finance', admin.token), 404, 'itemNotFound');

    assertGraphError(await graphGet(emulator, pathOf(team!.webUrl), selected.token), 403, 'accessDenied');
    const grant = await send('POST', `/sites/${team!.id}/permissions`, admin.token, { roles: ['write'], grantedToIdentities: [{ application: { id: selected.appId, displayName: 'selected' } }] });
    assert.equal(grant.status, 201);
    const permission = (await grant.json()) as { id: string };
    assert.equal((await graphGet(emulator, pathOf(team!.webUrl), selected.token)).body.id, team!.id);
    assert.equal((await graphGet(emulator, `/sites/${team!.id}`, selected.token)).status, 200);
    assertGraphError(await graphGet(emulator, `/sites/${other!.id}`, selected.token), 403, 'accessDenied');

    const drive = await graphGet(emulator, `/sites/${team!.id}/drive`, selected.token);
    const put = await emulator.fetch(`${emulator.url}/v1.0/drives/${drive.body.id}/root:/granted.txt:/content`, { method: 'PUT', headers: { authorization: `Bearer ${selected.token}` }, body: 'x' });
    assert.equal(put.status, 201, 'a write grant allows uploads');

    const one = await graphGet(emulator, `/sites/${team!.id}/permissions/${permission.id}`, admin.token);
    assert.equal(one.status, 200);
    assert.deepEqual(one.body.roles, ['write']);
    assertGraphError(await graphGet(emulator, `/sites/${team!.id}/permissions/${permission.id}`, selected.token), 403, 'Authorization_RequestDenied');
    assert.equal((await send('DELETE', `/sites/${team!.id}/permissions/${permission.id}`, selected.token)).status, 403, 'revoking needs Sites.FullControl.All');
    assert.equal((await send('DELETE', `/sites/${team!.id}/permissions/${permission.id}`, admin.token)).status, 204);
    assertGraphError(await graphGet(emulator, `/sites/${team!.id}/permissions/${permission.id}`, admin.token), 404, 'itemNotFound');
    assertGraphError(await graphGet(emulator, `/sites/${team!.id}/drive`, selected.token), 403, 'accessDenied');
  });

  test('a grant naming no role Graph knows, or an app with no service principal, is 400 invalidRequest', async () => {
    const tid = emulator.tenantId!;
    const admin = await appWithRoles(emulator, tid, ['Sites.FullControl.All', 'Sites.Read.All']);
    const site = (await graphGet(emulator, '/sites/root', admin.token)).body.id as string;
    const badRole = await send('POST', `/sites/${site}/permissions`, admin.token, { roles: ['admin'], grantedToIdentities: [{ application: { id: admin.appId } }] });
    assert.equal(badRole.status, 400);
    assert.equal(((await badRole.json()) as { error: { code: string } }).error.code, 'invalidRequest');
    const noApp = await send('POST', `/sites/${site}/permissions`, admin.token, { roles: ['read'], grantedToIdentities: [{ application: { id: '00000000-0000-0000-0000-00000000abcd' } }] });
    assert.equal(noApp.status, 400);
  });
});
