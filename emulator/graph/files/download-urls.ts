// Pre-authenticated download URLs (`@microsoft.graph.downloadUrl`, and the 302 Location of GET …/content), in
// SharePoint's shape: `{origin}/_layouts/15/download.aspx?UniqueId=…&Translate=false&tempauth=…&ApiVersion=2.0`.
// The `tempauth` value is signed and names tenant, drive, item, content version and an expiry one hour ahead on the
// emulator clock (POST /_emulator/clock expires it). The host answers without any Authorization header and honours a
// single `Range` (206 + Content-Range; 416 with `bytes */size` when unsatisfiable), streaming the bytes
// (https://learn.microsoft.com/graph/api/driveitem-get-content: "Pre-authenticated download URLs are only valid for
// a short period of time … and don't require an Authorization header to download").
import { createReadStream } from 'node:fs';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EmulatorContext } from '../../server/emulator-context.js';
import { deterministicGuid } from '../../state/deterministic-id.js';
import { findDrive, tenantSites } from '../resources/files-resources.js';
import { GeneratedContent } from './content-generator.js';
import { fileSystemOf, type FileSystem } from './file-system.js';
import type { ItemRecord } from './item-tree.js';
import { eTagOf } from './item-tags.js';

export const downloadUrlLifetimeMs = 3600_000;
export const downloadPath = '/_layouts/15/download.aspx';

interface Ticket {
  t: string;
  d: string;
  i: string;
  v: number;
  e: number;
}

export function downloadUrl(system: FileSystem, origin: string, tenantId: string, driveId: string, item: ItemRecord): string {
  const ticket: Ticket = { t: tenantId, d: driveId, i: item.id, v: item.contentVersion, e: system.ctx.clock.now() + downloadUrlLifetimeMs };
  const payload = Buffer.from(JSON.stringify(ticket)).toString('base64url');
  const params = new URLSearchParams({
    UniqueId: deterministicGuid(`unique/${driveId}/${item.id}`),
    Translate: 'false',
    tempauth: `${payload}.${system.sign(payload)}`,
    ApiVersion: '2.0',
  });
  return `${origin}${downloadPath}?${params}`;
}

function readTicket(system: FileSystem, tempauth: string | undefined): Ticket | undefined {
  const [payload, signature] = (tempauth ?? '').split('.');
  if (!payload || !signature || system.sign(payload) !== signature) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Ticket;
  } catch {
    return undefined;
  }
}

/** SharePoint answers a bad or expired tempauth with 401 and a JSON body naming the problem. */
function refuse(reply: FastifyReply, status: number, code: string, message: string) {
  return reply.code(status).type('application/json').send({ error: { code, message } });
}

/** `bytes=a-b`, `bytes=a-` or `bytes=-n` against `size`: the inclusive range, 'unsatisfiable', or undefined (whole file). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === '' && match[2] === '')) return undefined; // not one simple range: serve the whole file, as RFC 9110 allows
  if (match[1] === '') {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

const contentDisposition = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export function registerDownloadHost(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get<{ Querystring: { tempauth?: string } }>(downloadPath, async (request, reply) => {
    const system = fileSystemOf(ctx);
    const ticket = readTicket(system, request.query.tempauth);
    if (!ticket) return refuse(reply, 401, 'unauthenticated', 'The tempauth of this download URL is not valid. Get a fresh @microsoft.graph.downloadUrl from the item.');
    if (ctx.clock.now() > ticket.e) return refuse(reply, 401, 'unauthenticated', 'This download URL has expired. Get a fresh @microsoft.graph.downloadUrl from the item.');
    const tenant = ctx.directory.findTenant(ticket.t);
    const owner = tenant && findDrive(tenant, ctx.directory.usersOf(tenant.id), tenantSites(tenant, ctx.directory.groupsOf(tenant.id)), ticket.d);
    const item = owner ? system.tree(owner, tenant).get(ticket.i) : undefined;
    if (!item || item.folder || item.contentVersion !== ticket.v) return refuse(reply, 404, 'itemNotFound', 'The file this download URL named no longer exists in this version.');

    const range = parseRange(request.headers.range, item.size);
    reply.header('accept-ranges', 'bytes').header('etag', eTagOf(ticket.d, item));
    reply.header('content-disposition', contentDisposition(item.name)).type(item.mimeType ?? 'application/octet-stream');
    if (range === 'unsatisfiable') return reply.code(416).header('content-range', `bytes */${item.size}`).send();
    const { start, end } = range ?? { start: 0, end: item.size - 1 };
    if (range) reply.code(206).header('content-range', `bytes ${start}-${end}/${item.size}`);
    reply.header('content-length', String(end - start + 1));
    if (item.size === 0) return reply.send('');
    const content = item.content!;
    if (content.kind === 'stored') return reply.send(createReadStream(system.blobPath(content.blob), { start, end }));
    return reply.send(new GeneratedContent(content.seed, item.size).stream(start, end));
  });
}
