// A small Microsoft Graph for the files tests, played by an injected fetch: one user's OneDrive with a root folder
// of files, joined teams, item metadata, children pages with @odata.nextLink, and `/content` answering 302 to a
// pre-authenticated download host that honours Range (as https://learn.microsoft.com/en-us/graph/api/driveitem-get-content
// describes). Faults are switched on per test. It checks the bearer token of every Graph call and records each
// request, so tests can see which host got which token.
import type { FetchLike } from '../../../src/microsoft/transport/index.js';
import { quickXorHash } from '../../../src/microsoft/graph/quick-xor-hash.js';

export const GRAPH_URL = 'https://graph.test';
export const DOWNLOAD_ORIGIN = 'https://download.test';
export const DRIVE_ID = 'b!drive1';

export interface FakeFile {
  id: string;
  name: string;
  bytes?: Buffer;
  folder?: boolean;
  parentPath?: string;
  /** Omit Microsoft's hash (personal OneDrive gives none for some files). */
  noHash?: boolean;
}

export interface SeenRequest {
  origin: string;
  path: string;
  query: URLSearchParams;
  authorization: string | null;
  range: string | null;
}

/** A body sending `bytes` in 16 KiB chunks that breaks off (a connection reset) once `resetAfter` bytes are sent. */
export function resettableBody(bytes: Uint8Array, resetAfter = Infinity): ReadableStream<Uint8Array> {
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= resetAfter) return controller.error(new TypeError('terminated: other side closed'));
      if (at >= bytes.length) return controller.close();
      const end = Math.min(bytes.length, at + 16_384, resetAfter);
      controller.enqueue(bytes.slice(at, end));
      at = end;
    },
  });
}

const graphError = (status: number, code: string, headers: Record<string, string> = {}) =>
  Response.json({ error: { code, message: `fake ${code}`, innerError: { 'request-id': 'req-1' } } }, { status, headers });

export class FakeGraph {
  readonly seen: SeenRequest[] = [];
  /** token → what it may do; a token not here gets 401. */
  readonly tokens = new Map<string, 'ok' | 'forbidden'>();
  readonly files = new Map<string, FakeFile>();
  followedSitesForbidden = true;
  /** Answer every Graph call with 429 and this Retry-After. */
  throttleSeconds: number | undefined;
  /** Break the next download body off after this many bytes. */
  resetDownloadAt: number | undefined;
  /** Serve this content instead of the file's (a copy that arrives corrupted). */
  corrupt = false;

  constructor() {
    this.files.set('root', { id: 'root', name: 'root', folder: true });
  }

  add(file: FakeFile): FakeFile {
    this.files.set(file.id, { parentPath: `/drives/${DRIVE_ID}/root:`, ...file });
    return file;
  }

  eTagOf(file: FakeFile): string {
    return `"{${file.id}},${file.bytes?.length ?? 0}${file.name.length}"`;
  }

  itemOf(file: FakeFile) {
    return {
      id: file.id,
      name: file.name,
      eTag: this.eTagOf(file),
      webUrl: `https://contoso-my.sharepoint.com/personal/u/Documents/${encodeURIComponent(file.name)}`,
      lastModifiedDateTime: '2026-02-01T10:00:00Z',
      parentReference: { driveId: DRIVE_ID, id: 'root', path: file.parentPath },
      ...(file.folder
        ? { folder: { childCount: [...this.files.values()].filter((f) => f.id !== 'root').length } }
        : { size: file.bytes!.length, file: { mimeType: 'application/pdf', ...(file.noHash ? {} : { hashes: { quickXorHash: quickXorHash(file.bytes!) } }) } }),
    };
  }

  readonly fetch: FetchLike = async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    const headers = new Headers(init?.headers);
    const authorization = headers.get('authorization');
    this.seen.push({ origin: url.origin, path: decodeURIComponent(url.pathname), query: url.searchParams, authorization, range: headers.get('range') });
    if (url.origin === DOWNLOAD_ORIGIN) return this.#download(url, headers);
    if (url.origin !== GRAPH_URL) return new Response('no such host', { status: 599 });
    const access = this.tokens.get(authorization?.replace(/^Bearer /, '') ?? '');
    if (!access) return graphError(401, 'InvalidAuthenticationToken');
    if (this.throttleSeconds !== undefined) return graphError(429, 'TooManyRequests', { 'retry-after': String(this.throttleSeconds) });
    if (access === 'forbidden') return graphError(403, 'accessDenied');
    const path = decodeURIComponent(url.pathname).replace(/^\/v1\.0/, '');
    if (path === '/me/drive') return Response.json({ id: DRIVE_ID, name: 'OneDrive', webUrl: 'https://contoso-my.sharepoint.com/personal/u/Documents' });
    if (path === '/me/followedSites') return this.followedSitesForbidden ? graphError(403, 'accessDenied') : Response.json({ value: [{ id: 'contoso.sharepoint.com,1,2', displayName: 'Compliance', webUrl: 'https://contoso.sharepoint.com/sites/compliance' }] });
    if (path === '/me/joinedTeams') return Response.json({ value: [{ id: 'team-1', displayName: 'Audit team' }] });
    const item = /^\/drives\/([^/]+)\/items\/([^/]+)(\/children|\/content)?$/.exec(path);
    if (!item || item[1] !== DRIVE_ID) return graphError(400, 'invalidRequest');
    const file = this.files.get(item[2]!);
    if (!file) return graphError(404, 'itemNotFound');
    if (item[3] === '/children') return this.#children(url);
    if (item[3] === '/content') return new Response(null, { status: 302, headers: { location: `${DOWNLOAD_ORIGIN}/dl/${file.id}?tempauth=pre-authenticated` } });
    return Response.json(this.itemOf(file));
  };

  #children(url: URL): Response {
    const all = [...this.files.values()].filter((f) => f.id !== 'root').sort((a, b) => a.id.localeCompare(b.id));
    const top = Number(url.searchParams.get('$top') ?? 200);
    const skip = Number(url.searchParams.get('$skiptoken') ?? 0);
    const page = all.slice(skip, skip + top);
    const next = skip + top < all.length ? `${GRAPH_URL}${url.pathname}?$top=${top}&$skiptoken=${skip + top}` : undefined;
    return Response.json({ value: page.map((f) => this.itemOf(f)), ...(next ? { '@odata.nextLink': next } : {}) });
  }

  #download(url: URL, headers: Headers): Response {
    const file = this.files.get(url.pathname.replace('/dl/', ''));
    if (!file?.bytes) return new Response('gone', { status: 404 });
    const bytes = this.corrupt ? Buffer.from(file.bytes).fill(0x41) : file.bytes;
    const range = /^bytes=(\d+)-$/.exec(headers.get('range') ?? '');
    const start = range ? Number(range[1]) : 0;
    const reset = this.resetDownloadAt;
    this.resetDownloadAt = undefined;
    const body = resettableBody(bytes.subarray(start), reset === undefined ? Infinity : reset - start);
    return start > 0
      ? new Response(body, { status: 206, headers: { 'content-range': `bytes ${start}-${bytes.length - 1}/${bytes.length}`, 'content-length': String(bytes.length - start) } })
      : new Response(body, { status: 200, headers: { 'content-length': String(bytes.length) } });
  }
}
