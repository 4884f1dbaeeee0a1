// Streaming download of a driveItem (https://learn.microsoft.com/en-us/graph/api/driveitem-get-content): the 302 to a
// pre-authenticated download URL, Range resumes, expired URLs, and where the bearer token may go. Microsoft is played
// by an injected fetch so each fault happens at a chosen byte.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { downloadItem, type GraphTransferOptions } from '../../src/microsoft/graph/graph-download.js';
import { GraphError } from '../../src/microsoft/graph/graph-error.js';
import { createMicrosoftTransport, type FetchLike } from '../../src/microsoft/transport/index.js';
import { resettableBody as body } from './support/fake-graph.js';

const GRAPH = 'https://graph.test';
const TOKEN = 'secret-bearer-token';
const FILE = randomBytes(300_000);

interface Seen {
  url: URL;
  authorization: string | null;
  range: string | null;
}

interface FakeMicrosoft {
  fetch: FetchLike;
  seen: Seen[];
}

/** Serves FILE from a download host honouring Range, with the 302 from Graph naming `downloadHost` (and a fresh URL each time). */
function fakeMicrosoft(options: { downloadHost?: string; resetAt?: number[]; expireFirstUrlAfterBytes?: number; ignoreRange?: boolean; graphStatus?: number } = {}): FakeMicrosoft {
  const seen: Seen[] = [];
  const resets = [...(options.resetAt ?? [])];
  let issued = 0;
  const host = options.downloadHost ?? 'https://download.test';
  let servedOnFirstUrl = 0;
  const fetch: FetchLike = async (input, init) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    seen.push({ url, authorization: headers.get('authorization'), range: headers.get('range') });
    if (url.origin === GRAPH) {
      if (options.graphStatus) {
        return Response.json({ error: { code: 'itemNotFound', message: 'The resource could not be found.' } }, { status: options.graphStatus });
      }
      issued += 1;
      return new Response(null, { status: 302, headers: { location: `${host}/files/abc?tempauth=t${issued}` } });
    }
    if (options.expireFirstUrlAfterBytes !== undefined && url.searchParams.get('tempauth') === 't1' && servedOnFirstUrl >= options.expireFirstUrlAfterBytes) {
      return new Response('expired', { status: 403 });
    }
    const range = /^bytes=(\d+)-$/.exec(headers.get('range') ?? '');
    const start = range && !options.ignoreRange ? Number(range[1]) : 0;
    const slice = FILE.subarray(start);
    const resetAfter = resets.length && resets[0]! > start ? resets.shift()! - start : Infinity;
    const cut = options.expireFirstUrlAfterBytes !== undefined && url.searchParams.get('tempauth') === 't1' ? Math.min(resetAfter, options.expireFirstUrlAfterBytes - start) : resetAfter;
    if (url.searchParams.get('tempauth') === 't1') servedOnFirstUrl = start + Math.min(cut, slice.length);
    const partial = start > 0;
    return new Response(body(slice, cut), {
      status: partial ? 206 : 200,
      headers: partial ? { 'content-range': `bytes ${start}-${FILE.length - 1}/${FILE.length}`, 'content-length': String(slice.length) } : { 'content-length': String(FILE.length) },
    });
  };
  return { fetch, seen };
}

function transferOptions(fetch: FetchLike, extra: Partial<GraphTransferOptions> = {}): GraphTransferOptions {
  return { graphUrl: GRAPH, accessToken: async () => TOKEN, transport: createMicrosoftTransport({ fetch, sleep: async () => {} }), ...extra };
}

async function collect(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const target = { driveId: 'b!drive', itemId: '01ITEM' };

describe('streaming download', () => {
  it('follows the 302 to the download URL on another host without sending it the bearer token', async () => {
    const microsoft = fakeMicrosoft();
    const bytes = await collect(downloadItem(transferOptions(microsoft.fetch), target));
    assert.equal(sha(bytes), sha(FILE));
    const [graphCall, download] = microsoft.seen;
    assert.equal(graphCall!.url.pathname, '/v1.0/drives/b!drive/items/01ITEM/content');
    assert.equal(graphCall!.authorization, `Bearer ${TOKEN}`);
    assert.equal(download!.url.origin, 'https://download.test');
    assert.equal(download!.authorization, null);
  });

  it('sends no token to a download URL even when it points at the Graph host itself', async () => {
    const microsoft = fakeMicrosoft({ downloadHost: 'https://graph.test' });
    // The fake answers every Graph-host request with a 302, so this only checks the request made.
    const options = transferOptions(microsoft.fetch, { maxStalledResumes: 0 });
    await assert.rejects(collect(downloadItem(options, target)));
    assert.equal(microsoft.seen[1]!.url.searchParams.get('tempauth'), 't1');
    assert.equal(microsoft.seen[1]!.authorization, null);
  });

  it('refuses a download URL that would move the bytes over plain http, and never requests it', async () => {
    const microsoft = fakeMicrosoft({ downloadHost: 'http://download.test' });
    await assert.rejects(collect(downloadItem(transferOptions(microsoft.fetch), target)), (error: unknown) => error instanceof GraphError && error.code === 'unexpected_response');
    assert.deepEqual(microsoft.seen.map((s) => s.url.origin), [GRAPH]);
  });

  it('resumes with Range after the connection resets mid-body, twice, and yields every byte once', async () => {
    const microsoft = fakeMicrosoft({ resetAt: [70_000, 200_001] });
    const bytes = await collect(downloadItem(transferOptions(microsoft.fetch), target));
    assert.equal(sha(bytes), sha(FILE));
    const downloads = microsoft.seen.filter((s) => s.url.origin !== GRAPH);
    assert.deepEqual(downloads.map((s) => s.range), [null, 'bytes=70000-', 'bytes=200001-']);
    // The same download URL serves the resumes: Graph was asked once.
    assert.equal(microsoft.seen.filter((s) => s.url.origin === GRAPH).length, 1);
  });

  it('asks Graph for a fresh download URL when the first one expires mid-transfer, and resumes where it was', async () => {
    const microsoft = fakeMicrosoft({ expireFirstUrlAfterBytes: 100_000 });
    const bytes = await collect(downloadItem(transferOptions(microsoft.fetch), target));
    assert.equal(sha(bytes), sha(FILE));
    const downloads = microsoft.seen.filter((s) => s.url.origin !== GRAPH).map((s) => `${s.url.searchParams.get('tempauth')} ${s.range}`);
    assert.deepEqual(downloads, ['t1 null', 't1 bytes=100000-', 't2 bytes=100000-']);
  });

  it('refuses to splice a new version onto the bytes of the old one when the fresh download URL serves another ETag', async () => {
    const microsoft = fakeMicrosoft({ expireFirstUrlAfterBytes: 100_000 });
    const versioned: FetchLike = async (input, init) => {
      const response = await microsoft.fetch(input, init);
      const tempauth = new URL(String(input)).searchParams.get('tempauth');
      if (!tempauth || response.status >= 300) return response;
      const headers = new Headers(response.headers);
      headers.set('etag', `"{ITEM},${tempauth === 't1' ? 1 : 2}"`);
      return new Response(response.body, { status: response.status, headers });
    };
    const received: number[] = [];
    await assert.rejects(
      (async () => {
        for await (const chunk of downloadItem(transferOptions(versioned), target)) received.push(chunk.length);
      })(),
      (error: unknown) => error instanceof GraphError && error.code === 'content_changed',
    );
    assert.equal(received.reduce((a, b) => a + b, 0), 100_000, 'only the first version\'s bytes were given out');
  });

  it('starts at a given offset (a copy resumed after a crash) and copes with a host that ignores Range', async () => {
    for (const ignoreRange of [false, true]) {
      const microsoft = fakeMicrosoft({ ignoreRange });
      const bytes = await collect(downloadItem(transferOptions(microsoft.fetch), target, { offset: 123_456 }));
      assert.equal(sha(bytes), sha(FILE.subarray(123_456)), `ignoreRange ${ignoreRange}`);
    }
  });

  it("reports Graph's own error (an item deleted since it was picked) with Microsoft's code", async () => {
    const microsoft = fakeMicrosoft({ graphStatus: 404 });
    await assert.rejects(collect(downloadItem(transferOptions(microsoft.fetch), target)), (error: unknown) => error instanceof GraphError && error.code === 'itemNotFound' && error.status === 404);
  });

  it('gives up with download_interrupted when resumes stop bringing bytes', async () => {
    const microsoft = fakeMicrosoft({ resetAt: [50_000, 50_000, 50_000, 50_000, 50_000, 50_000, 50_000, 50_000] });
    // Every resume from 50 000 breaks off before its first byte.
    const stuck: FetchLike = async (input, init) => {
      const range = new Headers(init?.headers).get('range');
      if (range === 'bytes=50000-') return new Response(body(new Uint8Array(10), 0), { status: 206, headers: { 'content-range': `bytes 50000-${FILE.length - 1}/${FILE.length}` } });
      return microsoft.fetch(input, init);
    };
    await assert.rejects(collect(downloadItem(transferOptions(stuck, { maxStalledResumes: 3 }), target)), (error: unknown) => error instanceof GraphError && error.code === 'download_interrupted');
  });

  it('pulls bytes only as fast as the consumer reads: stopping after the first chunk leaves the rest unread', async () => {
    const size = 256 * 1024 * 1024;
    let produced = 0;
    const huge: FetchLike = async (input) => {
      if (new URL(String(input)).origin === GRAPH) return new Response(null, { status: 302, headers: { location: 'https://download.test/big' } });
      const chunk = new Uint8Array(65_536);
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (produced >= size) return controller.close();
          produced += chunk.length;
          controller.enqueue(chunk);
        },
      }, { highWaterMark: 1 });
      return new Response(stream, { status: 200, headers: { 'content-length': String(size) } });
    };
    for await (const chunk of downloadItem(transferOptions(huge), target)) {
      assert.ok(chunk.length > 0);
      break;
    }
    assert.ok(produced < 1024 * 1024, `only what was read (and a small read-ahead) was produced, not ${produced} bytes`);
  });
});
