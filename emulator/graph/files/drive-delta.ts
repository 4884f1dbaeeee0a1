// driveItem: delta (https://learn.microsoft.com/graph/api/driveitem-delta): without a token, every item of the drive,
// root first, in pages with `@odata.nextLink`, the last page carrying `@odata.deltaLink`; with a token, what changed
// since (deleted items with the `deleted` facet); `token=latest` an empty page and a deltaLink for now. As OneDrive
// for Business sends them, changed items carry no cTag and no parentReference.path. Tokens are opaque to clients; the
// emulator's encode the drive, a change sequence and the drive's token generation. POST
// /_emulator/files/drives/{id}/expireDeltaTokens makes older tokens too old: 410 Gone, code resyncRequired, a Location
// header starting a fresh enumeration (shape as /work/shared/microsoft/graph/drive-delta.json "resync_410").
import { GraphError } from '../graph-errors.js';
import type { GraphRouteRequest } from '../graph-router.js';
import { parseQuery, project, type GraphObject } from '../odata-query.js';
import { driveItemShape, itemResource, type ItemContext } from './item-resource.js';
import { contextUrl, itemPageSize } from './item-listing.js';
import type { ItemRecord } from './item-tree.js';

interface DeltaToken {
  /** drive id */
  d: string;
  /** 'e' enumerating everything, 'c' changes after `s`. */
  k: 'e' | 'c';
  s: number;
  /** offset within the enumeration or the change list */
  o: number;
  g: number;
}

const encode = (token: DeltaToken) => Buffer.from(JSON.stringify(token)).toString('base64url');

function decode(raw: string, driveId: string): DeltaToken {
  try {
    const token = JSON.parse(Buffer.from(raw, 'base64url').toString()) as DeltaToken;
    if (token.d === driveId && (token.k === 'e' || token.k === 'c') && Number.isInteger(token.s) && Number.isInteger(token.o)) return token;
  } catch {
    // fall through: not one of ours
  }
  throw new GraphError(400, 'invalidRequest', 'The delta token is not valid for this drive. Start again with a delta request without a token.');
}

const resyncMessage =
  "Resync required. Replace any local items with the server's version (including deletes) if you're sure that the service was up to date with your local changes when you last sync'd. Upload any local changes that the server doesn't know about.";

export function deltaPage(req: GraphRouteRequest, ctx: ItemContext): GraphObject {
  const tree = ctx.drive.tree;
  const generation = ctx.system.deltaGeneration(tree);
  const search = new URLSearchParams(req.search);
  const raw = search.get('token');
  search.delete('token');
  const query = parseQuery(search, driveItemShape);
  const link = (token: DeltaToken) => {
    const url = new URL(req.url);
    url.searchParams.set('token', encode(token));
    return url.toString().replace(/%24/g, '$').replace(/%2C/gi, ',');
  };
  const fresh = () => {
    const url = new URL(req.url);
    url.searchParams.delete('token');
    return url.toString();
  };

  let token: DeltaToken;
  if (raw === null) token = { d: tree.driveId, k: 'e', s: tree.seq, o: 0, g: generation };
  else if (raw === 'latest') token = { d: tree.driveId, k: 'c', s: tree.seq, o: 0, g: generation };
  else token = decode(raw, tree.driveId);
  if (token.g < generation) throw new GraphError(410, 'resyncRequired', resyncMessage, { location: fresh() }, 'resyncChangesApplyDifferences');

  const items: ItemRecord[] = token.k === 'e' ? tree.all() : raw === 'latest' ? [] : tree.changedSince(token.s);
  const size = Math.min(query.top ?? itemPageSize, 1000);
  const page = items.slice(token.o, token.o + size);
  const more = token.o + size < items.length;
  const upTo = token.k === 'e' ? token.s : Math.max(token.s, ...items.map((i) => i.seq));
  return {
    '@odata.context': contextUrl(req, 'Collection(driveItem)', query.select),
    ...(more ? { '@odata.nextLink': link({ ...token, o: token.o + size }) } : { '@odata.deltaLink': link({ d: tree.driveId, k: 'c', s: upTo, o: 0, g: generation }) }),
    value: page.map((item) => project(itemResource(ctx, item, { delta: true }), driveItemShape, query.select)),
  };
}
