// Streaming download against the emulator's file system, which follows Microsoft's protocol
// (https://learn.microsoft.com/en-us/graph/api/driveitem-get-content): GET /content answers 302 to a pre-authenticated
// download URL that expires after an hour and honours Range. The bytes must match Microsoft's QuickXorHash.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { userToken } from '../../emulator/graph/test/graph-test-client.js';
import { downloadItem, type GraphTransferOptions } from '../../src/microsoft/graph/graph-download.js';
import { QuickXorHash } from '../../src/microsoft/graph/quick-xor-hash.js';
import { createMicrosoftTransport } from '../../src/microsoft/transport/index.js';
import { resettableBody } from './support/fake-graph.js';

const DANA = 'dana@contoso.onmicrosoft.com';
const SCOPES = 'Files.Read.All';

describe('streaming download from the emulator', () => {
  let emulator: EmulatorHandle;
  let token: string;
  const sent: Array<{ url: URL; authorization: string | null; range: string | null }> = [];
  let options: GraphTransferOptions;
  /** The first download body breaks off after CUT bytes (a connection reset). */
  let cutFirstDownload = false;
  let advanced = false;
  const CUT = 1000;
  let item: { id: string; size: number; parentReference: { driveId: string }; file: { hashes: { quickXorHash: string } } };

  before(async () => {
    emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
    token = await userToken(emulator, DANA, SCOPES);
    const transport = createMicrosoftTransport({
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        const url = new URL(String(input));
        sent.push({ url, authorization: headers.get('authorization'), range: headers.get('range') });
        if (!cutFirstDownload || !url.pathname.includes('download.aspx')) return emulator.fetch(input, init);
        cutFirstDownload = false;
        return emulator.fetch(input, init).then(async (response) => {
          const bytes = new Uint8Array(await response.arrayBuffer()).subarray(0, CUT);
          return new Response(resettableBody(bytes, CUT), { status: response.status, headers: response.headers });
        });
      },
    });
    options = { graphUrl: emulator.url, accessToken: async () => token, transport };
    const response = await emulator.fetch(`${emulator.url}/v1.0/me/drive/root:/Projects/2026 Audit/Evidence register.xlsx`, { headers: { authorization: `Bearer ${token}` } });
    item = (await response.json()) as typeof item;
  });
  after(async () => emulator?.close());

  it("downloads a file whose bytes match Microsoft's QuickXorHash, sending the token only to Graph", async () => {
    sent.length = 0;
    const hash = new QuickXorHash();
    let size = 0;
    for await (const chunk of downloadItem(options, { driveId: item.parentReference.driveId, itemId: item.id })) {
      hash.update(chunk);
      size += chunk.length;
    }
    assert.equal(size, item.size);
    assert.equal(hash.digest(), item.file.hashes.quickXorHash);
    const graph = new URL(emulator.url);
    const [toGraph, toDownload] = sent;
    assert.equal(toGraph!.url.pathname, `/v1.0/drives/${item.parentReference.driveId}/items/${item.id}/content`);
    assert.equal(toGraph!.authorization, `Bearer ${token}`);
    assert.ok(toDownload!.url.pathname.includes('download.aspx'), toDownload!.url.pathname);
    assert.equal(toDownload!.authorization, null, `no token sent to ${graph.origin === toDownload!.url.origin ? 'the download URL on the Graph host' : 'the download host'}`);
  });

  it('gets a fresh download URL when the first expired (an hour of emulator time) before a reset could be resumed, and resumes with Range', async () => {
    sent.length = 0;
    cutFirstDownload = true;
    const hash = new QuickXorHash();
    let size = 0;
    for await (const chunk of downloadItem(options, { driveId: item.parentReference.driveId, itemId: item.id })) {
      hash.update(chunk);
      size += chunk.length;
      if (!advanced) {
        // The first chunk came from the body that is about to break off; the resume will meet an expired URL.
        advanced = true;
        await emulator.advanceClock(3700);
        token = await userToken(emulator, DANA, SCOPES); // the access token expired with the clock too
      }
    }
    assert.equal(size, item.size);
    assert.equal(hash.digest(), item.file.hashes.quickXorHash);
    const downloads = sent.filter((s) => s.url.pathname.includes('download.aspx'));
    const firstUrl = downloads[0]!.url.searchParams.get('tempauth');
    assert.deepEqual(
      downloads.map((s) => [s.url.searchParams.get('tempauth') === firstUrl ? 'first URL' : 'fresh URL', s.range]),
      [['first URL', null], ['first URL', `bytes=${CUT}-`], ['fresh URL', `bytes=${CUT}-`]],
    );
  });
});
