// Resumable upload sessions through the Graph client against the emulator's upload sessions
// (https://learn.microsoft.com/graph/api/driveitem-createuploadsession): 320 KiB multiples, resume from
// nextExpectedRanges after a failed fragment, a new session after 404, and no bearer on the pre-authenticated uploadUrl.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { userToken } from '../../emulator/graph/test/graph-test-client.js';
import { createGraphClient, type FetchLike, type GraphClient } from '../../src/microsoft/graph/graph-client.js';
import { UPLOAD_UNIT, uploadInSession } from '../../src/microsoft/graph/graph-upload.js';

const EVIL = 'http://evil.example';

describe('Graph client upload sessions on the emulator', () => {
  let emulator: EmulatorHandle;
  let token: string;
  let client: GraphClient;
  let puts: Array<{ url: string; range: string | null; authorization: string | null }>;
  let toEvil: Headers[];
  let moveUploadUrlTo: string | undefined;

  // Everything leaving the hub goes through here: the "evil" host is served by the emulator but recorded apart.
  const net: FetchLike = async (input, init) => {
    let url = String(input);
    const headers = new Headers(init?.headers);
    if (url.startsWith(EVIL)) {
      toEvil.push(headers);
      url = emulator.url + url.slice(EVIL.length);
    }
    if (init?.method === 'PUT') puts.push({ url: String(input), range: headers.get('content-range'), authorization: headers.get('authorization') });
    const response = await emulator.fetch(url, init);
    if (moveUploadUrlTo && url.endsWith('/createUploadSession')) {
      const body = (await response.json()) as { uploadUrl: string };
      body.uploadUrl = moveUploadUrlTo + body.uploadUrl.slice(emulator.url.length);
      return new Response(JSON.stringify(body), { status: response.status, headers: { 'content-type': 'application/json' } });
    }
    return response;
  };

  before(async () => {
    emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
    token = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite');
    client = createGraphClient({ graphUrl: emulator.url, accessToken: async () => token, fetch: net });
  });
  after(async () => {
    await emulator?.close();
  });
  beforeEach(() => {
    puts = [];
    toEvil = [];
    moveUploadUrlTo = undefined;
  });

  const download = async (item: { '@microsoft.graph.downloadUrl': string }) => Buffer.from(await (await emulator.fetch(item['@microsoft.graph.downloadUrl'])).arrayBuffer());

  it('uploads in fragments of 320 KiB multiples with Content-Range and no Authorization header', async () => {
    const bytes = randomBytes(3 * UPLOAD_UNIT + 777);
    const item = await uploadInSession<{ size: number; '@microsoft.graph.downloadUrl': string }>(client, net, bytes, { sessionPath: '/me/drive/root:/Uploads/a.bin:/createUploadSession', fragmentBytes: UPLOAD_UNIT });
    assert.equal(item.size, bytes.length);
    assert.ok((await download(item)).equals(bytes));
    assert.deepEqual(puts.map((p) => p.range), [`bytes 0-${UPLOAD_UNIT - 1}/${bytes.length}`, `bytes ${UPLOAD_UNIT}-${2 * UPLOAD_UNIT - 1}/${bytes.length}`, `bytes ${2 * UPLOAD_UNIT}-${3 * UPLOAD_UNIT - 1}/${bytes.length}`, `bytes ${3 * UPLOAD_UNIT}-${bytes.length - 1}/${bytes.length}`]);
    assert.ok(puts.every((p) => p.authorization === null));
  });

  it('refuses a fragment size that is not a multiple of 320 KiB before calling Microsoft', async () => {
    await assert.rejects(uploadInSession(client, net, randomBytes(10), { sessionPath: '/me/drive/root:/Uploads/b.bin:/createUploadSession', fragmentBytes: 1000 * 1000 }), /multiple of 320 KiB/);
    assert.equal(puts.length, 0);
  });

  it('after a failed fragment resumes from the next expected range the session names', async () => {
    await emulator.addFault({ method: 'PUT', pathPattern: 'uploadSession', status: 503, count: 1 });
    const bytes = randomBytes(2 * UPLOAD_UNIT + 5);
    const item = await uploadInSession<{ size: number; '@microsoft.graph.downloadUrl': string }>(client, net, bytes, { sessionPath: '/me/drive/root:/Uploads/c.bin:/createUploadSession', fragmentBytes: UPLOAD_UNIT });
    assert.ok((await download(item)).equals(bytes));
    assert.equal(puts[0]!.range, puts[1]!.range, 'the failed fragment is sent again from the expected byte');
  });

  it('after a 404 (session expired) starts a new session from byte 0', async () => {
    await emulator.addFault({ method: 'PUT', pathPattern: 'uploadSession', status: 404, count: 1 });
    const bytes = randomBytes(UPLOAD_UNIT + 9);
    const item = await uploadInSession<{ size: number; '@microsoft.graph.downloadUrl': string }>(client, net, bytes, { sessionPath: '/me/drive/root:/Uploads/d.bin:/createUploadSession', fragmentBytes: UPLOAD_UNIT });
    assert.ok((await download(item)).equals(bytes));
    assert.notEqual(puts[0]!.url, puts[1]!.url, 'a new uploadUrl');
    assert.match(puts[1]!.range!, /^bytes 0-/);
  });

  it('attack: an uploadUrl on a foreign host never receives the bearer token', async () => {
    moveUploadUrlTo = EVIL;
    const bytes = randomBytes(UPLOAD_UNIT + 1);
    await uploadInSession(client, net, bytes, { sessionPath: '/me/drive/root:/Uploads/e.bin:/createUploadSession', fragmentBytes: UPLOAD_UNIT });
    assert.ok(toEvil.length >= 2, 'the fragments went to the uploadUrl given');
    assert.ok(toEvil.every((headers) => headers.get('authorization') === null && ![...headers.values()].some((v) => v.includes(token))));
  });
});
