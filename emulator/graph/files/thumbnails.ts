// `$expand=thumbnails` on drive items (https://learn.microsoft.com/graph/api/driveitem-list-thumbnails, "Include
// thumbnails while listing items"): files carry one thumbnailSet {id: "0", small 96, medium 176, large 800} whose
// urls are served, without Authorization, as small PNGs of a colour fixed by the item; folders carry an empty list.
import { crc32, deflateSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { stableNumber } from '../graph-data.js';
import type { GraphObject } from '../odata-query.js';
import type { ItemRecord } from './item-tree.js';

export const thumbnailPath = '/_layouts/15/thumbnail.png';
const sizes = { small: 96, medium: 176, large: 800 } as const;

export function thumbnailSets(origin: string, driveId: string, item: ItemRecord): GraphObject[] {
  if (item.folder) return [];
  const set: GraphObject = { id: '0' };
  for (const [name, edge] of Object.entries(sizes)) {
    const params = new URLSearchParams({ item: item.id, drive: driveId, size: String(edge) });
    set[name] = { height: edge, width: edge, url: `${origin}${thumbnailPath}?${params}` };
  }
  return [set];
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A solid-colour RGB PNG (8-bit, no interlace). */
export function solidPng(edge: number, rgb: [number, number, number]): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(edge, 0);
  header.writeUInt32BE(edge, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.alloc(1 + edge * 3);
  for (let x = 0; x < edge; x++) row.set(rgb, 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: edge }, () => row));
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(pixels)), chunk('IEND', Buffer.alloc(0))]);
}

export function registerThumbnailHost(app: FastifyInstance): void {
  app.get<{ Querystring: { item?: string; size?: string } }>(thumbnailPath, async (request, reply) => {
    const edge = Object.values(sizes).find((s) => String(s) === request.query.size) ?? sizes.small;
    const seed = request.query.item ?? '';
    const colour: [number, number, number] = [stableNumber(`r/${seed}`, 200) + 30, stableNumber(`g/${seed}`, 200) + 30, stableNumber(`b/${seed}`, 200) + 30];
    return reply.type('image/png').header('cache-control', 'public, max-age=3600').send(solidPng(edge, colour));
  });
}
