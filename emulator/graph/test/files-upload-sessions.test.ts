// Resumable uploads (https://learn.microsoft.com/graph/api/driveitem-createuploadsession), over HTTP as a client
// sends them: fragments of 320 KiB multiples with Content-Range, no Authorization on the uploadUrl.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../harness.js';
import { quickXorHash } from '../files/quick-xor-hash.js';
import { appWithRoles, graphGet, userToken } from './graph-test-client.js';

let emulator: EmulatorHandle;
let dana: string;
const unit = 320 * 1024;

before(async () => {
  emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
  dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite');
});
after(async () => {
  await emulator?.close();
});

async function call(method: string, url: string, options: { token?: string; json?: unknown; bytes?: Buffer; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.json !== undefined) headers['content-type'] = 'application/json';
  const body = options.json !== undefined ? JSON.stringify(options.json) : options.bytes ? new Uint8Array(options.bytes) : undefined;
  const response = await emulator.fetch(url.startsWith('http') ? url : `${emulator.url}/v1.0${url}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

const fragment = (url: string, bytes: Buffer, start: number, end: number, total: number) =>
  call('PUT', url, { bytes: bytes.subarray(start, end + 1), headers: { 'content-range': `bytes ${start}-${end}/${total}` } });

describe('upload sessions', () => {
  test('fragments in order: 202 with nextExpectedRanges, 416 on a repeated fragment, 201 at the end with the driveItem and its hash', async () => {
    const bytes = randomBytes(2 * unit + 1234);
    const total = bytes.length;
    const session = await call('POST', '/me/drive/root:/Uploads/big.bin:/createUploadSession', { token: dana, json: { item: { '@microsoft.graph.conflictBehavior': 'rename' } } });
    assert.equal(session.status, 200, JSON.stringify(session.body));
    assert.deepEqual(session.body.nextExpectedRanges, ['0-']);
    const url = session.body.uploadUrl as string;

    const first = await fragment(url, bytes, 0, unit - 1, total);
    assert.equal(first.status, 202);
    assert.deepEqual(first.body.nextExpectedRanges, [`${unit}-${total - 1}`]);
    const again = await fragment(url, bytes, 0, unit - 1, total);
    assert.equal(again.status, 416);
    assert.equal(again.body.error.code, 'invalidRange');
    assert.equal((await fragment(url, bytes, unit, unit + 1000, total)).status, 400, 'not a multiple of 320 KiB');
    assert.equal((await call('GET', url)).body.nextExpectedRanges[0], `${unit}-${total - 1}`);
    assert.equal((await fragment(url, bytes, unit, 2 * unit - 1, total)).status, 202);
    const last = await fragment(url, bytes, 2 * unit, total - 1, total);
    assert.equal(last.status, 201, JSON.stringify(last.body));
    assert.equal(last.body.size, total);
    assert.equal(last.body.file.hashes.quickXorHash, quickXorHash(bytes));
    const downloaded = Buffer.from(await (await emulator.fetch(last.body['@microsoft.graph.downloadUrl'])).arrayBuffer());
    assert.ok(downloaded.equals(bytes));
  });

  test('an Authorization header on the uploadUrl is 401; a session is 404 after it expired', async () => {
    await call('PUT', '/me/drive/root:/Uploads/a.txt:/content', { token: dana, bytes: Buffer.from('a') });
    const session = await call('POST', '/me/drive/root:/Uploads/a.txt:/createUploadSession', { token: dana, json: { item: { '@microsoft.graph.conflictBehavior': 'replace' } } });
    const url = session.body.uploadUrl as string;
    const withBearer = await call('PUT', url, { token: dana, bytes: Buffer.from('b'), headers: { 'content-range': 'bytes 0-0/1' } });
    assert.equal(withBearer.status, 401);
    await emulator.advanceClock(16 * 60);
    const expired = await fragment(url, Buffer.from('b'), 0, 0, 1);
    assert.equal(expired.status, 404);
    assert.equal(expired.body.error.code, 'itemNotFound');
  });

  test('conflictBehavior fail on an existing name is 409 nameAlreadyExists; replace gives 200 with new content', async () => {
    dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite');
    const failing = await call('POST', '/me/drive/root:/Notes.txt:/createUploadSession', { token: dana, json: {} });
    assert.equal(failing.status, 409);
    assert.equal(failing.body.error.code, 'nameAlreadyExists');
    const before = await graphGet(emulator, '/me/drive/root:/Notes.txt', dana);
    const session = await call('POST', `/me/drive/items/${before.body.id}/createUploadSession`, { token: dana, json: {} });
    const done = await fragment(session.body.uploadUrl, Buffer.from('replaced'), 0, 7, 8);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.id, before.body.id);
    assert.notEqual(done.body.cTag, before.body.cTag);
  });

  test('an application needs Sites.ReadWrite.All to create a session (driveitem-createuploadsession permissions)', async () => {
    const reader = await appWithRoles(emulator, emulator.tenantId!, ['Files.Read.All']);
    const drive = (await graphGet(emulator, '/me/drive', dana)).body.id;
    const refused = await call('POST', `/drives/${drive}/root:/x.bin:/createUploadSession`, { token: reader.token, json: {} });
    assert.equal(refused.status, 403);
    const writer = await appWithRoles(emulator, emulator.tenantId!, ['Sites.ReadWrite.All']);
    assert.equal((await call('POST', `/drives/${drive}/root:/x.bin:/createUploadSession`, { token: writer.token, json: {} })).status, 200);
  });
});
