// The API's shared shapes, defined once for every route's schemas: times, ids, list pages and their query. Pure
// data (TypeBox, i.e. JSON Schema): safe in the browser bundle.
import { Type, type Static, type TSchema } from 'typebox';

/** Request and response objects refuse unknown properties. */
export const strict = { additionalProperties: false } as const;

export const IsoTime = Type.String({ format: 'date-time', description: 'ISO 8601 UTC time' });
export const NullableIsoTime = Type.Union([IsoTime, Type.Null()]);

/** An id the hub made: a readable prefix, then 26 base32 characters (`ws_…`, `key_…`, `whk_…`). */
export const idPattern = (prefix: string) => Type.String({ pattern: `^${prefix}_[a-z2-7]{26}$`, description: `opaque id starting with ${prefix}_` });
export const WorkspaceId = idPattern('ws');

/** Every list route takes these and answers a ListOf page; `nextCursor` is opaque and null on the last page. */
export const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'page size (1–200, default 50)' })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512, description: 'nextCursor of the previous page' })),
  },
  strict,
);
export type ListQuery = Static<typeof ListQuery>;

export const ListOf = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Type.Union([Type.String(), Type.Null()]) }, strict);
