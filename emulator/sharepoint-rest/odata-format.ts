// SharePoint REST's three JSON shapes, chosen by the Accept header as SharePoint chooses them
// (https://learn.microsoft.com/sharepoint/dev/sp-add-ins/get-to-know-the-sharepoint-rest-service, "JSON Light support"):
//  - `application/json;odata=verbose`: `{ d: { __metadata: {id, uri, type}, …} }`, collections `{ d: { results: [...] } }`;
//  - `application/json;odata=nometadata`: the properties alone, collections `{ value: [...] }`;
//  - `application/json;odata=minimalmetadata` (and plain `application/json`): `odata.metadata`, `odata.type`,
//    `odata.id`, `odata.editLink` beside the properties, collections `{ "odata.metadata", value }`.
// Errors follow the same choice: `{ error: {code, message: {lang, value}} }` in verbose, `{ "odata.error": … }` otherwise.
// SharePoint answers Atom XML when no JSON is asked for; the emulator answers minimal metadata JSON then.

export type ODataFormat = 'verbose' | 'nometadata' | 'minimalmetadata';

export function formatOf(accept: string | undefined): ODataFormat {
  const value = (accept ?? '').toLowerCase();
  if (value.includes('odata=verbose')) return 'verbose';
  if (value.includes('odata=nometadata')) return 'nometadata';
  return 'minimalmetadata';
}

export const contentTypeOf = (format: ODataFormat) => `application/json;odata=${format};charset=utf-8`;

/** One SharePoint entity: its type (`SP.Web`), absolute URI, edit link relative to `_api`, and properties. */
export interface SpEntity {
  type: string;
  uri: string;
  editLink: string;
  /** The `$metadata#…` fragment minimal metadata names (`SP.ApiData.Webs/@Element`). */
  metadataSet: string;
  properties: Record<string, unknown>;
}

function shape(entity: SpEntity, format: ODataFormat, apiRoot: string, element: boolean): Record<string, unknown> {
  if (format === 'verbose') return { __metadata: { id: entity.uri, uri: entity.uri, type: entity.type }, ...entity.properties };
  if (format === 'nometadata') return { ...entity.properties };
  return {
    ...(element ? { 'odata.metadata': `${apiRoot}/$metadata#${entity.metadataSet}/@Element` } : {}),
    'odata.type': entity.type,
    'odata.id': entity.uri,
    'odata.editLink': entity.editLink,
    ...entity.properties,
  };
}

export function entityBody(entity: SpEntity, format: ODataFormat, apiRoot: string): unknown {
  const body = shape(entity, format, apiRoot, true);
  return format === 'verbose' ? { d: body } : body;
}

export function collectionBody(entities: SpEntity[], metadataSet: string, format: ODataFormat, apiRoot: string): unknown {
  const items = entities.map((e) => shape(e, format, apiRoot, false));
  if (format === 'verbose') return { d: { results: items } };
  if (format === 'nometadata') return { value: items };
  return { 'odata.metadata': `${apiRoot}/$metadata#${metadataSet}`, value: items };
}

export function errorBody(code: string, message: string, format: ODataFormat): unknown {
  const error = { code, message: { lang: 'en-US', value: message } };
  return format === 'verbose' ? { error } : { 'odata.error': error };
}

/** `$select=Title,Id` applied to an entity's properties (case-insensitive, as SharePoint matches them). */
export function selectProperties(entity: SpEntity, select: string | null): SpEntity {
  if (!select) return entity;
  const wanted = new Set(select.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));
  return { ...entity, properties: Object.fromEntries(Object.entries(entity.properties).filter(([name]) => wanted.has(name.toLowerCase()))) };
}
