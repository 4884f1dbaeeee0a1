// SharePoint REST on the emulator's one port: `https://{emulator}/_sharepoint/{host}/…/_api/…` stands for
// `https://{host}/…/_api/…` (the host is the tenant's SharePoint host, `contoso.sharepoint.com`, as Graph's site
// `webUrl` names it; the hub's M365HUB_SHAREPOINT_URL maps one onto the other). Reads only:
//   /_api/web, /_api/site, /_api/web/currentuser, /_api/web/lists, /_api/web/lists/getbytitle('Documents')[/items[(id)]]
// optionally after a site path (`/sites/engineering/_api/web`).
// Tokens as SharePoint Online checks them: `aud` the host (a Graph token is refused with "Invalid audience Uri"),
// and an app-only token only when the app authenticated with a certificate: SharePoint answers 401
// "Unsupported app only token." to one from a client secret (appidacr 1)
// (https://learn.microsoft.com/sharepoint/dev/solution-guidance/security-apponly-azuread). A read needs one of the
// Sites.* / AllSites.* permissions, and a delegated caller also the user's own access to the site (the root site, or
// a team site of a group they belong to, as Graph's drive routes check it).
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticateGraphRequest, type GraphCaller } from '../graph/access-token.js';
import { GraphError } from '../graph/graph-errors.js';
import { fileSystemOf } from '../graph/files/file-system.js';
import { tenantSites, type SiteFacts } from '../graph/resources/files-resources.js';
import { tenantOfSharePointHost } from '../identity/hosted-resources.js';
import type { EmulatorContext } from '../server/emulator-context.js';
import type { Tenant } from '../state/directory-types.js';
import { collectionBody, contentTypeOf, entityBody, errorBody, formatOf, selectProperties, type ODataFormat, type SpEntity } from './odata-format.js';
import { apiRootOf, currentUserEntity, defaultItemFields, DOCUMENTS_TITLE, itemEntity, libraryItems, listEntity, siteEntity, webEntity } from './sharepoint-resources.js';

export const SHAREPOINT_PREFIX = '/_sharepoint';

/** SharePoint's resource application id, named in its WWW-Authenticate challenge. */
const SHAREPOINT_APP_ID = '00000003-0000-0ff1-ce00-000000000000';
const READ_PERMISSIONS = ['sites.read.all', 'sites.readwrite.all', 'sites.manage.all', 'sites.fullcontrol.all', 'allsites.read', 'allsites.write', 'allsites.manage', 'allsites.fullcontrol'];

class SpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const accessDenied = () => new SpError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');
const notFound = (what: string) => new SpError(404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${what}.`);

/** A 401 as SharePoint sends it: a JSON `error_description` and the Bearer challenge naming the tenant. */
class SpUnauthorized extends Error {}

interface SpRequest {
  ctx: EmulatorContext;
  tenant: Tenant;
  site: SiteFacts;
  caller: GraphCaller;
  search: URLSearchParams;
}

/** `/sites/x/_api/web/lists` → the site (by its server-relative path) and the segments after `_api`. */
function splitPath(ctx: EmulatorContext, tenant: Tenant, host: string, rest: string): { site: SiteFacts; api: string } {
  const at = rest.toLowerCase().indexOf('/_api');
  if (at < 0) throw notFound(rest);
  const sitePath = rest.slice(0, at).replace(/\/+$/, '');
  const site = tenantSites(tenant, ctx.directory.groupsOf(tenant.id)).find((s) => s.webUrl.toLowerCase() === `https://${host}${sitePath}`.toLowerCase());
  if (!site) throw new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
  let api: string;
  try {
    api = decodeURIComponent(rest.slice(at + '/_api'.length));
  } catch {
    throw new SpError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'The request URI is not valid: a malformed percent-encoding.');
  }
  return { site, api: api.replace(/^\/+|\/+$/g, '') };
}

function userMayOpen(req: SpRequest): boolean {
  if (req.caller.kind === 'application') return true;
  return req.site.isRoot || (req.site.group?.memberIds.includes(req.caller.userId ?? '') ?? false);
}

function documents(req: SpRequest) {
  return fileSystemOf(req.ctx).tree({ kind: 'site', site: req.site }, req.tenant);
}

/** The answer for the path after `_api`, as entities. */
function resolve(req: SpRequest, api: string): { one: SpEntity } | { many: SpEntity[]; set: string } {
  const lower = api.toLowerCase();
  if (lower === 'web') return { one: webEntity(req.site, req.tenant) };
  if (lower === 'site') return { one: siteEntity(req.site) };
  if (lower === 'web/currentuser') {
    if (req.caller.kind === 'delegated') {
      const user = req.ctx.directory.getUser(req.caller.userId ?? '')!;
      return { one: currentUserEntity(req.site, req.tenant, { user, isSiteAdmin: req.ctx.directory.isAdmin(user) }) };
    }
    return { one: currentUserEntity(req.site, req.tenant, { app: req.ctx.directory.getApplication(req.caller.appId)! }) };
  }
  if (lower === 'web/lists') return { many: [listEntity(req.site, req.tenant, documents(req))], set: 'SP.ApiData.Lists' };
  const list = /^web\/lists\/getbytitle\('((?:[^']|'')*)'\)(\/items(?:\((\d+)\))?)?$/i.exec(api);
  if (list) {
    if (list[1]!.replace(/''/g, "'").toLowerCase() !== DOCUMENTS_TITLE.toLowerCase()) {
      throw new SpError(404, '-1, System.ArgumentException', `List '${list[1]}' does not exist at site with URL '${req.site.webUrl}'.`);
    }
    const tree = documents(req);
    if (!list[2]) return { one: listEntity(req.site, req.tenant, tree) };
    const entities = libraryItems(tree).map((item, i) => itemEntity(req.site, tree, item, i + 1));
    if (list[3] !== undefined) {
      const one = entities[Number(list[3]) - 1];
      if (!one) throw new SpError(404, '-2147024809, System.ArgumentException', 'Item does not exist. It may have been deleted by another user.');
      return { one: selectProperties(one, req.search.get('$select') ?? defaultItemFields) };
    }
    const top = Number(req.search.get('$top') ?? '100');
    const limit = Number.isInteger(top) && top >= 0 ? Math.min(top, 5000) : 100;
    return { many: entities.slice(0, limit).map((e) => selectProperties(e, req.search.get('$select') ?? defaultItemFields)), set: 'SP.Data.Shared_x0020_DocumentsItems' };
  }
  throw notFound(api);
}

async function authenticate(ctx: EmulatorContext, request: FastifyRequest, host: string, tenant: Tenant): Promise<GraphCaller> {
  let caller: GraphCaller;
  try {
    caller = await authenticateGraphRequest(ctx, request.headers.authorization, ctx.origin(request), [`https://${host}`, `https://${host}/`]);
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    throw new SpUnauthorized(/audience/i.test(error.message) ? 'Invalid audience Uri.' : error.message.includes('expired') ? 'Invalid JWT token. The token is expired.' : 'Invalid JWT token. Could not resolve issuer token.');
  }
  if (caller.tenantId !== tenant.id) throw new SpUnauthorized('Invalid issuer or signature.');
  if (caller.kind === 'application' && caller.clientAuth !== '2') throw new SpUnauthorized('Unsupported app only token.');
  return caller;
}

export function registerSharePointRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const handle = async (request: FastifyRequest<{ Params: { host: string } }>, reply: FastifyReply) => {
    const format: ODataFormat = formatOf(request.headers.accept);
    const requestId = request.trace.traceId;
    reply.header('request-id', requestId).header('sprequestguid', requestId);
    const host = request.params.host.toLowerCase();
    const tenant = tenantOfSharePointHost(ctx.directory, host);
    // A write's body is never read: drain it so the connection stays usable.
    (request.body as Readable | undefined)?.resume?.();
    const send = (status: number, body: unknown) => reply.code(status).type(contentTypeOf(format)).send(body);
    try {
      if (!tenant) throw new SpError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
      const caller = await authenticate(ctx, request, host, tenant);
      Object.assign(request.protocolOutcome, { clientId: caller.appId, tenant: caller.tenantId });
      const url = new URL(request.url, 'https://emulator.invalid');
      const rest = url.pathname.slice(`${SHAREPOINT_PREFIX}/${request.params.host}`.length);
      const { site, api } = splitPath(ctx, tenant, host, rest);
      const req: SpRequest = { ctx, tenant, site, caller, search: url.searchParams };
      if (!caller.permissions.some((p) => READ_PERMISSIONS.includes(p.toLowerCase())) || !userMayOpen(req)) throw accessDenied();
      if (request.method !== 'GET') {
        throw new SpError(501, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', `The m365hub emulator serves SharePoint REST reads (GET) only, not ${request.method} ${api}.`);
      }
      const found = resolve(req, api);
      const apiRoot = apiRootOf(site);
      return send(200, 'one' in found ? entityBody(found.one, format, apiRoot) : collectionBody(found.many, found.set, format, apiRoot));
    } catch (error) {
      if (error instanceof SpUnauthorized) {
        reply.header('www-authenticate', `Bearer realm="${tenant?.id ?? ''}",client_id="${SHAREPOINT_APP_ID}",trusted_issuers="00000001-0000-0000-c000-000000000000@*,https://sts.windows.net/*/",authorization_uri="https://login.windows.net/common/oauth2/authorize"`);
        return reply.code(401).type('application/json;charset=utf-8').send({ error_description: error.message });
      }
      if (error instanceof SpError) {
        request.protocolOutcome.error = error.code;
        return send(error.status, errorBody(error.code, error.message, format));
      }
      throw error;
    }
  };
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: `${SHAREPOINT_PREFIX}/:host/*`, handler: handle });
  });
}
