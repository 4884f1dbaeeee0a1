// The emulated file system over HTTP: items, paths, paging, content and its QuickXorHash, writes that persist, and
// delta. Each test names the Microsoft Graph page it follows (https://learn.microsoft.com/graph/api/<page>).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../harness.js';
import { quickXorHash } from '../files/quick-xor-hash.js';
import { appWithRoles, assertGraphError, graphGet, graphGetUrl, userToken } from './graph-test-client.js';

let emulator: EmulatorHandle;
let dataDir: string;
let dana: string;
let lee: string;
let driveId: string;

const startOn = (dir: string) => startEmulator({ autoSignIn: true, autoConsent: true, dataDir: dir, filesPerFolder: 450 });

before(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'm365hub-files-'));
  emulator = await startOn(dataDir);
  dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite Sites.Read.All');
  lee = await userToken(emulator, 'lee@contoso.onmicrosoft.com', 'Files.ReadWrite Sites.Read.All');
  driveId = (await graphGet(emulator, '/me/drive', dana)).body.id;
});
after(async () => {
  await emulator?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function send(method: string, urlPath: string, token: string, body?: string | Buffer, headers: Record<string, string> = {}) {
  const response = await emulator.fetch(`${emulator.url}/v1.0${urlPath}`, { method, headers: { authorization: `Bearer ${token}`, ...headers }, ...(body !== undefined ? { body: typeof body === "string" ? body : new Uint8Array(body) } : {}), redirect: 'manual' });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

async function download(url: string, headers: Record<string, string> = {}) {
  const response = await emulator.fetch(url, { headers });
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

describe('items and paths (driveitem-get, driveitem-list-children, onedrive-addressing-driveitems)', () => {
  test('path addressing reaches nested folders; the item by id is the same item with parentReference to its folder', async () => {
    const byPath = await graphGet(emulator, '/me/drive/root:/Projects/2026 Audit/Evidence register.xlsx', dana);
    assert.equal(byPath.status, 200, JSON.stringify(byPath.body));
    const byId = await graphGet(emulator, `/drives/${driveId}/items/${byPath.body.id}`, dana);
    assert.equal(byId.body.id, byPath.body.id);
    assert.equal(byId.body.parentReference.path, `/drives/${driveId}/root:/Projects/2026 Audit`);
    const children = await graphGet(emulator, '/me/drive/root:/Projects/2026 Audit:/children', dana);
    assert.deepEqual(children.body.value.map((i: { name: string }) => i.name), ['Archive', 'Evidence register.xlsx', 'Interview notes.docx']);
    assertGraphError(await graphGet(emulator, '/me/drive/root:/Projects/nope.txt', dana), 404, 'itemNotFound');
  });

  test('$orderby size desc, $select and $top; a 450-item folder pages 200 at a time with opaque skip tokens', async () => {
    const sorted = await graphGet(emulator, '/me/drive/root/children?$orderby=size desc&$select=name,size&$top=2', dana);
    assert.deepEqual(sorted.body.value[0], { name: 'Large files', size: 5 * 1024 ** 3 });
    assert.deepEqual(Object.keys(sorted.body.value[1]), ['name', 'size']);
    assert.equal(sorted.body.value[1].name, 'Bulk'); // 450 files of 1-16 KiB outweigh Projects' few documents
    assert.ok(sorted.body['@odata.nextLink']);
    let page = await graphGet(emulator, '/me/drive/root:/Bulk:/children', dana);
    const names: string[] = [];
    const sizes: number[] = [];
    for (;;) {
      names.push(...page.body.value.map((i: { name: string }) => i.name));
      sizes.push(page.body.value.length);
      if (!page.body['@odata.nextLink']) break;
      assert.doesNotMatch(page.body['@odata.nextLink'], /skiptoken=\d/);
      page = await graphGetUrl(emulator, page.body['@odata.nextLink'], dana);
    }
    assert.deepEqual(sizes, [200, 200, 50]);
    assert.equal(new Set(names).size, 450);
  });

  test('the control API makes a 10,000-item folder: childCount, 200 a page, the last name first with $orderby=name desc', async () => {
    const control = await emulator.fetch(`${emulator.url}/_emulator/files/folders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ driveId, parentPath: 'Projects', name: 'Ten thousand', count: 10_000 }),
    });
    assert.equal(control.status, 201);
    const made = (await control.json()) as { id: string; childCount: number };
    assert.equal(made.childCount, 10_000);
    const folder = await graphGet(emulator, '/me/drive/root:/Projects/Ten thousand', dana);
    assert.equal(folder.body.folder.childCount, 10_000);
    const first = await graphGet(emulator, `/me/drive/items/${made.id}/children`, dana);
    assert.equal(first.body.value.length, 200);
    assert.equal(first.body.value[0].name, 'File 00001.txt');
    const last = await graphGet(emulator, `/me/drive/items/${made.id}/children?$orderby=name desc&$top=1`, dana);
    assert.equal(last.body.value[0].name, 'File 10000.txt');
    const clash = await emulator.fetch(`${emulator.url}/_emulator/files/folders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ driveId, parentPath: 'Projects', name: 'Ten thousand', count: 1 }),
    });
    assert.equal(clash.status, 409);
  });

  test('a user cannot open another user\'s OneDrive (403 accessDenied); an app with Files.Read.All can', async () => {
    assertGraphError(await graphGet(emulator, `/drives/${driveId}/root/children`, lee), 403, 'accessDenied');
    const app = await appWithRoles(emulator, emulator.tenantId!, ['Files.Read.All']);
    assert.equal((await graphGet(emulator, `/drives/${driveId}/root/children`, app.token)).status, 200);
    const none = await appWithRoles(emulator, emulator.tenantId!, []);
    assertGraphError(await graphGet(emulator, `/drives/${driveId}/root/children`, none.token), 403, 'Authorization_RequestDenied');
  });

  test('search(q=) finds items anywhere below the root (driveitem-search)', async () => {
    const found = await graphGet(emulator, "/me/drive/root/search(q='checklist')", dana);
    assert.deepEqual(found.body.value.map((i: { name: string }) => i.name), ['Old checklist.pdf']);
  });

  // drive-sharedwithme: deprecated, "will stop returning data after November, 2027"; entries carry remoteItem, opened
  // with GET /drives/{remoteItem.parentReference.driveId}/items/{remoteItem.id}.
  test("sharedWithMe lists a colleague's shared items with remoteItem; they open by remoteItem's drive and id, and nothing else of that drive does", async () => {
    const shared = await graphGet(emulator, '/me/drive/sharedWithMe', dana);
    assert.equal(shared.status, 200, JSON.stringify(shared.body));
    const entries = shared.body.value as { name: string; remoteItem: { id: string; name: string; folder?: object; file?: object; parentReference: { driveId: string } } }[];
    assert.deepEqual(entries.map((e) => e.name).sort(), ['2026 Audit', 'Quarterly report.docx']);
    const remoteDrive = entries[0]!.remoteItem.parentReference.driveId;
    assert.notEqual(remoteDrive, driveId, "the items are in the colleague's drive, not Dana's");
    const report = entries.find((e) => e.name === 'Quarterly report.docx')!.remoteItem;
    const folder = entries.find((e) => e.name === '2026 Audit')!.remoteItem;
    assert.ok(report.file && folder.folder);

    const opened = await graphGet(emulator, `/drives/${remoteDrive}/items/${report.id}`, dana);
    assert.equal(opened.status, 200, JSON.stringify(opened.body));
    assert.equal(opened.body.name, 'Quarterly report.docx');
    const children = await graphGet(emulator, `/drives/${remoteDrive}/items/${folder.id}/children`, dana);
    assert.deepEqual(children.body.value.map((i: { name: string }) => i.name).sort(), ['Archive', 'Evidence register.xlsx', 'Interview notes.docx']);
    const content = await send('GET', `/drives/${remoteDrive}/items/${report.id}/content`, dana);
    assert.equal(content.status, 302, 'the shared file downloads');

    assertGraphError(await graphGet(emulator, `/drives/${remoteDrive}/root/children`, dana), 403, 'accessDenied');
    assertGraphError(await graphGet(emulator, `/drives/${remoteDrive}/root:/Budget 2026.xlsx`, dana), 403, 'accessDenied');
    assert.equal((await send('DELETE', `/drives/${remoteDrive}/items/${report.id}`, dana)).status, 403, 'shared to read, not to change');
    // Files.ReadWrite alone lists nothing shared and opens nothing shared (*.All is needed): Sam, whose colleague
    // Jordan shares the same two items with him, with a token (and consent) of Files.ReadWrite only.
    const tenant = emulator.tenantId!;
    const narrowApp = await emulator.createApplication(tenant, { displayName: 'files readwrite only', redirectUris: ['http://localhost:3000/auth/m365/callback'] });
    const narrow = await userToken(emulator, 'sam@contoso.onmicrosoft.com', 'Files.ReadWrite', { appId: narrowApp.appId, secret: (await emulator.addSecret(tenant, narrowApp.appId)).secretText });
    assert.equal((await graphGet(emulator, '/me/drive/sharedWithMe', narrow)).status, 403);
    const app = await appWithRoles(emulator, tenant, ['Files.Read.All']);
    const jordans = (await graphGet(emulator, '/users/jordan@contoso.onmicrosoft.com/drive/root:/Quarterly report.docx', app.token)).body as { id: string; parentReference: { driveId: string } };
    assertGraphError(await graphGet(emulator, `/drives/${jordans.parentReference.driveId}/items/${jordans.id}`, narrow), 403, 'accessDenied');
  });
});

describe('thumbnails (driveitem-list-thumbnails: $expand=thumbnails)', () => {
  test('files carry a small/medium/large set whose urls serve PNGs without Authorization; folders an empty list', async () => {
    const listed = await graphGet(emulator, '/me/drive/root:/Projects:/children?$expand=thumbnails', dana);
    assert.equal(listed.status, 200, JSON.stringify(listed.body));
    const file = listed.body.value.find((i: { name: string }) => i.name === 'Launch plan.docx');
    const folder = listed.body.value.find((i: { name: string }) => i.name === '2026 Audit');
    assert.deepEqual(folder.thumbnails, []);
    const set = file.thumbnails[0];
    assert.equal(set.id, '0');
    assert.deepEqual([set.small.width, set.medium.width, set.large.width], [96, 176, 800]);
    const image = await download(set.medium.url);
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.deepEqual([...image.bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.equal(image.bytes.readUInt32BE(16), 176);
    assert.equal((await graphGet(emulator, '/me/drive/root/children?$expand=children', dana)).status, 501);
  });
});

describe('content (driveitem-get-content, hashes)', () => {
  test('GET /content is a 302 to a download URL that needs no Authorization, honours Range, and whose bytes match quickXorHash', async () => {
    const item = await graphGet(emulator, '/me/drive/root:/Projects/Launch plan.docx', dana);
    const redirect = await send('GET', `/drives/${driveId}/items/${item.body.id}/content`, dana);
    assert.equal(redirect.status, 302);
    const location = redirect.headers.get('location')!;
    const whole = await download(location);
    assert.equal(whole.status, 200);
    assert.equal(whole.bytes.length, item.body.size);
    assert.equal(quickXorHash(whole.bytes), item.body.file.hashes.quickXorHash);
    const part = await download(item.body['@microsoft.graph.downloadUrl'], { range: 'bytes=1000-1999' });
    assert.equal(part.status, 206);
    assert.equal(part.headers.get('content-range'), `bytes 1000-1999/${item.body.size}`);
    assert.deepEqual(part.bytes, whole.bytes.subarray(1000, 2000));
    assert.equal((await download(location, { range: `bytes=${item.body.size}-` })).status, 416);
  });

  test('the 4 GiB file has a hash without being read, and its last bytes are served by Range', async () => {
    const big = await graphGet(emulator, '/me/drive/root:/Large files/Site survey.mp4', dana);
    assert.equal(big.body.size, 4 * 1024 ** 3);
    assert.match(big.body.file.hashes.quickXorHash, /^[A-Za-z0-9+/]{27}=$/);
    const tail = await download(big.body['@microsoft.graph.downloadUrl'], { range: 'bytes=-100' });
    assert.equal(tail.status, 206);
    assert.equal(tail.bytes.length, 100);
  });

  test('a download URL expires after one hour of emulator time', async () => {
    const item = await graphGet(emulator, '/me/drive/root:/Notes.txt', dana);
    await emulator.advanceClock(3601);
    assert.equal((await download(item.body['@microsoft.graph.downloadUrl'])).status, 401);
  });
});

describe('writes that persist (driveitem-put-content, driveitem-post-children, driveitem-update, driveitem-delete)', () => {
  test('PUT content creates a file (201) then replaces it (200, new cTag); folder create, rename and delete; all survive a restart', async () => {
    dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite Sites.Read.All');
    const folder = await send('POST', '/me/drive/root/children', dana, JSON.stringify({ name: 'Uploads', folder: {} }), { 'content-type': 'application/json' });
    assert.equal(folder.status, 201, JSON.stringify(folder.body));
    const clash = await send('POST', '/me/drive/root/children', dana, JSON.stringify({ name: 'uploads', folder: {} }), { 'content-type': 'application/json' });
    assert.equal(clash.status, 409);
    assert.equal(clash.body.error.code, 'nameAlreadyExists');

    const bytes = Buffer.from('first version of the evidence');
    const created = await send('PUT', '/me/drive/root:/Uploads/evidence.txt:/content', dana, bytes, { 'content-type': 'text/plain' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.file.hashes.quickXorHash, quickXorHash(bytes));
    const replaced = await send('PUT', `/me/drive/items/${created.body.id}/content`, dana, Buffer.from('second'));
    assert.equal(replaced.status, 200);
    assert.notEqual(replaced.body.cTag, created.body.cTag);
    assert.equal(replaced.body.size, 6);

    const renamed = await send('PATCH', `/me/drive/items/${created.body.id}`, dana, JSON.stringify({ name: 'kept.txt', parentReference: { path: `/drives/${driveId}/root:` } }), { 'content-type': 'application/json' });
    assert.equal(renamed.status, 200, JSON.stringify(renamed.body));
    assert.equal(renamed.body.parentReference.path, `/drives/${driveId}/root:`);
    const stale = await send('DELETE', `/me/drive/items/${created.body.id}`, dana, undefined, { 'if-match': created.body.eTag });
    assert.equal(stale.status, 412);
    assert.equal((await send('DELETE', `/me/drive/items/${folder.body.id}`, dana)).status, 204);

    await emulator.close();
    emulator = await startOn(dataDir);
    dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite Sites.Read.All');
    const after = await graphGet(emulator, '/me/drive/root:/kept.txt', dana);
    assert.equal(after.status, 200);
    assert.equal((await download(after.body['@microsoft.graph.downloadUrl'])).bytes.toString(), 'second');
    assertGraphError(await graphGet(emulator, `/me/drive/items/${folder.body.id}`, dana), 404, 'itemNotFound');

    await emulator.reset();
    assertGraphError(await graphGet(emulator, '/me/drive/root:/kept.txt', dana), 404, 'itemNotFound');
  });
});

describe('copy (driveitem-copy)', () => {
  test('202 with a monitor Location (no Authorization needed) that reports completed and the copy\'s id; the copy has the same bytes', async () => {
    dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite Sites.Read.All');
    const source = await graphGet(emulator, '/me/drive/root:/Projects', dana);
    const started = await send('POST', `/me/drive/items/${source.body.id}/copy`, dana, JSON.stringify({ name: 'Projects copy' }), { 'content-type': 'application/json' });
    assert.equal(started.status, 202, JSON.stringify(started.body));
    const monitor = await emulator.fetch(started.headers.get('location')!);
    const status = (await monitor.json()) as { status: string; resourceId: string; percentageComplete: number };
    assert.equal(status.status, 'completed');
    const copy = await graphGet(emulator, `/me/drive/items/${status.resourceId}`, dana);
    assert.equal(copy.body.name, 'Projects copy');
    const original = await graphGet(emulator, '/me/drive/root:/Projects/Launch plan.docx', dana);
    const copied = await graphGet(emulator, '/me/drive/root:/Projects copy/Launch plan.docx', dana);
    assert.notEqual(copied.body.id, original.body.id);
    assert.equal(copied.body.file.hashes.quickXorHash, original.body.file.hashes.quickXorHash);
    assert.equal((await send('POST', `/me/drive/items/${source.body.id}/copy`, dana, JSON.stringify({ name: 'Projects copy' }), { 'content-type': 'application/json' })).status, 409);
  });
});

describe('delta (driveitem-delta)', () => {
  test('an enumeration ends with a deltaLink; a change shows up next time; an expired token is 410 resyncRequired with a Location', async () => {
    dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite Sites.Read.All');
    let page = await graphGet(emulator, '/me/drive/root/delta', dana);
    let seen = 0;
    while (page.body['@odata.nextLink']) {
      seen += page.body.value.length;
      page = await graphGetUrl(emulator, page.body['@odata.nextLink'], dana);
    }
    seen += page.body.value.length;
    assert.ok(seen > 450);
    const deltaLink = page.body['@odata.deltaLink'];
    const put = await send('PUT', '/me/drive/root:/delta-new.txt:/content', dana, Buffer.from('x'));
    const changes = await graphGetUrl(emulator, deltaLink, dana);
    assert.deepEqual(changes.body.value.map((i: { id: string }) => i.id), [put.body.id]);
    assert.equal('cTag' in changes.body.value[0], false);

    const control = await emulator.fetch(`${emulator.url}/_emulator/files/drives/${encodeURIComponent(driveId)}/expireDeltaTokens`, { method: 'POST' });
    assert.equal(control.status, 204);
    const gone = await graphGetUrl(emulator, changes.body['@odata.deltaLink'], dana);
    assert.equal(gone.status, 410);
    assert.equal(gone.body.error.code, 'resyncRequired');
    assert.equal(gone.body.error.innerError.code, 'resyncChangesApplyDifferences');
    assert.match(gone.headers.get('location')!, /\/root\/delta$/);
  });
});

describe('sites, groups and Teams (drive-get, channel-get-filesfolder, site-list-followed)', () => {
  test('a team channel\'s filesFolder is its folder in the team site\'s library; /groups/{id}/drive is that library', async () => {
    dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite Sites.Read.All');
    const followed = await graphGet(emulator, '/me/followedSites', dana);
    assert.equal(followed.status, 200);
    const teams = await graphGet(emulator, '/me/joinedTeams', await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Team.ReadBasic.All'));
    const team = teams.body.value[0];
    const channelsToken = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Channel.ReadBasic.All');
    const channel = (await graphGet(emulator, `/teams/${team.id}/channels`, channelsToken)).body.value.find((c: { displayName: string }) => c.displayName === 'General');
    const folder = await graphGet(emulator, `/teams/${team.id}/channels/${encodeURIComponent(channel.id)}/filesFolder`, dana);
    assert.equal(folder.status, 200, JSON.stringify(folder.body));
    assert.equal(folder.body.name, 'General');
    const library = await graphGet(emulator, `/groups/${team.id}/drive`, dana);
    assert.equal(library.body.driveType, 'documentLibrary');
    assert.equal(folder.body.parentReference.driveId, library.body.id);
    const files = await graphGet(emulator, `/drives/${library.body.id}/items/${folder.body.id}/children`, dana);
    assert.ok(files.body.value.some((i: { name: string }) => i.name === 'Meeting notes.docx'));
  });

  test('a user outside a group cannot open its library or channel folders (403 accessDenied); another tenant\'s drive id is 404', async () => {
    dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite Sites.Read.All');
    const finance = emulator.seed!.groups.find((g) => g.displayName === 'Finance')!;
    assertGraphError(await graphGet(emulator, `/groups/${finance.id}/drive`, dana), 403, 'accessDenied');
    const app = await appWithRoles(emulator, emulator.tenantId!, ['Files.Read.All']);
    const library = await graphGet(emulator, `/groups/${finance.id}/drive`, app.token);
    assert.equal(library.status, 200);
    assertGraphError(await graphGet(emulator, `/drives/${library.body.id}/root/children`, dana), 403, 'accessDenied');

    const fabrikam = (await emulator.fetch(`${emulator.url}/_emulator/tenants`).then((r) => r.json()) as { value: { id: string }[] }).value.find((t) => t.id !== emulator.tenantId)!;
    const other = await appWithRoles(emulator, fabrikam.id, ['Files.Read.All']);
    assertGraphError(await graphGet(emulator, `/drives/${driveId}/root/children`, other.token), 404, 'itemNotFound');
    assertGraphError(await graphGet(emulator, `/drives/${driveId}`, other.token), 404, 'itemNotFound');
  });
});
