// The Graph pass-through for host backends and console users:
//   ANY /api/v1/workspaces/{ws}/proxy/graph/{v1.0|beta}/{path}
// acting for a user (the console user, or X-M365Hub-Acting-User with an API key) or for the workspace's app
// (X-M365Hub-Mode: application, X-M365Hub-Tenant when the workspace has several tenants). The hub attaches the
// token, streams both bodies, and passes Graph's status, headers and error bodies back unchanged (Location of a 302
// included: it is never followed with the token). Policed: the path must belong to a service the workspace enabled in
// that mode (or an operator opened the pass-through for the workspace); calls are limited per workspace and API key;
// a tenant Microsoft throttled is paused for the Retry-After it gave, without calling Microsoft again meanwhile.
// The same for SharePoint REST (`…/proxy/sharepoint/{path}`, the tenant's SharePoint host found from Graph's root
// site) and the Management Activity API (`…/proxy/manage/api/v1.0/{tenant}/activity/feed/…`), each with a token for
// its own audience (./proxied-apis.ts).
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { checkPassthroughPath, jsonOf, passedResponseHeaders, passThrough, passThroughTo, PassthroughPathError, type GraphVersion } from '../../microsoft/graph/graph-passthrough.js';
import { TenantPacer, tenantPacingKey } from '../../microsoft/graph/tenant-pacer.js';
import { isOwnProfilePath, serviceOfGraphPath } from '../../microsoft/identity/graph-path-services.js';
import { parseRetryAfter } from '../../microsoft/transport/index.js';
import type { MicrosoftTransport } from '../../microsoft/transport/index.js';
import { auditContextOf, principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { recordAudit } from '../audit/index.js';
import { isServiceEnabled, serviceNotEnabled, type EnabledServices } from '../integrations/index.js';
import { actingModeOf, actingPrincipalOf, TENANT_HEADER, tokenPrincipalOf, type TokenPrincipal, type TokenRequest, type TokenService } from '../tokens/index.js';
import { LRUCache } from 'lru-cache';
import type { ProxyPolicy } from './proxy-policy.js';
import { checkSharePointPath, isSharePointHost, managementPathTenant, nextPageThroughHub, PROXIED_API_SERVICE, type ProxiedApiName } from './proxied-apis.js';
import { RateWindow } from './rate-window.js';

export interface ProxyServices {
  tokens: Pick<TokenService, 'getAccessToken'>;
  transport: MicrosoftTransport;
  /** Config.graphUrl. */
  graphUrl: string;
  /** The cloud's Management Activity API root (NationalCloud.managementUrl) and SharePoint host suffix. */
  managementUrl?: string;
  sharePointSuffix?: string;
  /** The Management Activity API's token audience when managementUrl points elsewhere (the emulator). */
  managementResource?: string;
  /** Where SharePoint calls go, `{host}` standing for the tenant's host (Config.sharePointUrl); `https://{host}` when unset. */
  sharePointUrl?: string;
  /** This hub as callers reach it (Config.backendUrl), for paging links through the pass-through; else the request's own origin. */
  publicUrl?: string;
  enabledServices(workspaceId: string): Promise<EnabledServices>;
  rateLimit: { perWorkspace: number; perApiKey: number };
  /** How long one pass-through call may take, body included (a large download streams for a while). */
  timeoutMs?: number;
  /** The process's one tenant pacer, shared with the Graph clients; its own when absent (tests). */
  pacer?: TenantPacer;
}

export interface ProxyRouteDeps extends ProxyServices {
  db: Kysely<Database>;
  clock: Clock;
  /** Shared with the settings routes, which make it forget a workspace whose policy an operator changed. */
  policy: ProxyPolicy;
}

const PREFIX = '/api/v1/workspaces/:workspaceId/proxy/graph/:version/*';
const DEFAULT_TIMEOUT_MS = 30 * 60_000;
const VERSIONS: readonly GraphVersion[] = ['v1.0', 'beta'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

function rateLimited(seconds: number, what: string): HttpProblem {
  return new HttpProblem('rate_limited', { detail: `Too many pass-through calls for this ${what}. Wait ${seconds} s (Retry-After) and try again.`, headers: { 'retry-after': String(seconds) } });
}

/** The path after the marker (`/proxy/graph/{version}`), exactly as the caller sent it (still percent-encoded), and the raw query. */
function rawPathAndQuery(request: FastifyRequest, marker: string): { path: string; query: string } {
  const raw = request.raw.url ?? '';
  const queryAt = raw.indexOf('?');
  const pathPart = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const at = pathPart.indexOf(marker);
  return { path: pathPart.slice(at + marker.length), query: queryAt === -1 ? '' : raw.slice(queryAt + 1) };
}

type ApiName = 'graph' | ProxiedApiName;

/** Where one call goes: the API root its bearer token is bound to, and the token's audience. */
interface Target {
  baseUrl: string;
  apiName: string;
  resource: TokenRequest['resource'];
}

const SHAREPOINT_HOSTS_TTL_MS = 60 * 60_000;

export function registerProxyRoutes(server: FastifyInstance, deps: ProxyRouteDeps): void {
  const pacer = deps.pacer ?? new TenantPacer(deps.clock);
  const perWorkspace = new RateWindow(deps.clock, deps.rateLimit.perWorkspace);
  const perKey = new RateWindow(deps.clock, deps.rateLimit.perApiKey);
  const timeoutMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // A tenant's SharePoint host, per workspace and principal, from Graph's root site (it does not change).
  const sharePointHosts = new LRUCache<string, string>({ max: 10_000, ttl: SHAREPOINT_HOSTS_TTL_MS });

  async function sharePointHost(workspaceId: string, principal: TokenPrincipal, certificateOnly: boolean): Promise<string> {
    const key = `${workspaceId}\u0000${JSON.stringify(principal)}`;
    const known = sharePointHosts.get(key);
    if (known) return known;
    // certificateOnly: a secret-credential app is refused here already, before Graph is asked anything.
    const token = await deps.tokens.getAccessToken({ workspaceId, principal, ...(certificateOnly ? { certificateOnly } : {}) });
    const response = await passThrough(
      { graphUrl: deps.graphUrl, transport: deps.transport, timeoutMs },
      { method: 'GET', version: 'v1.0', path: '/sites/root', query: '$select=webUrl', headers: { accept: 'application/json' }, body: undefined, accessToken: token.accessToken },
    );
    const ok = response.status >= 200 && response.status < 300;
    const webUrl = ok ? ((await jsonOf(response)) as { webUrl?: unknown } | undefined)?.webUrl : (response.body.destroy(), undefined);
    const host = typeof webUrl === 'string' && URL.canParse(webUrl) ? new URL(webUrl).host : '';
    if (!isSharePointHost(host, deps.sharePointSuffix ?? 'sharepoint.com')) {
      throw new HttpProblem('sharepoint_host_unknown', { detail: `Microsoft Graph did not name the tenant's SharePoint root site (GET /sites/root answered ${response.status}). Enable the SharePoint service and grant Sites.Read.All, then try again.` });
    }
    sharePointHosts.set(key, host);
    return host;
  }

  async function handle(api: ApiName, request: FastifyRequest<{ Params: { workspaceId: string; version?: string } }>, reply: FastifyReply) {
    const workspace = workspaceOf(request);
    const principal = principalOf(request);
    const version = request.params.version as GraphVersion;
    if (api === 'graph' && !VERSIONS.includes(version)) throw new HttpProblem('proxy_path_invalid', { detail: 'The Graph version is v1.0 or beta: …/proxy/graph/v1.0/{path}.' });
    let target: { path: string; query: string };
    try {
      const raw = rawPathAndQuery(request, api === 'graph' ? `/proxy/graph/${version}` : `/proxy/${api}`);
      target = checkPassthroughPath(raw.path, raw.query);
    } catch (error) {
      if (error instanceof PassthroughPathError) throw new HttpProblem('proxy_path_invalid', { detail: error.message });
      throw error;
    }
    if (api === 'sharepoint') checkSharePointPath(target.path);

    const mode = actingModeOf(request, api === 'manage' ? 'application' : 'delegated');
    if (api === 'manage' && mode !== 'application') throw new HttpProblem('validation_failed', { detail: 'The Management Activity API takes app-only tokens: call …/proxy/manage with X-M365Hub-Mode: application (or without the header).' });
    let acting = actingPrincipalOf(request, mode);
    if (api === 'manage' && acting.mode === 'application') {
      // The path names the tenant whose activity is read; the token is for that tenant, or the call is refused.
      const pathTenant = managementPathTenant(target.path);
      if (acting.tenantId !== undefined && acting.tenantId !== pathTenant) throw new HttpProblem('validation_failed', { detail: `The tenant in the path (${pathTenant}) differs from ${TENANT_HEADER} (${acting.tenantId}); name one customer tenant.` });
      acting = { mode: 'application', tenantId: pathTenant };
    }
    const tenant = acting.mode === 'application' ? acting.tenantId : undefined;
    const tokenPrincipal = tokenPrincipalOf(acting);

    const service = api === 'graph' ? serviceOfGraphPath(target.path) : PROXIED_API_SERVICE[api];
    const policy = await deps.policy.of(workspace.id);
    const covered = (api === 'graph' && mode === 'delegated' && isOwnProfilePath(target.path)) || (service !== undefined && isServiceEnabled(policy.services, service, mode));
    if (!covered && !policy.openPassthrough) {
      if (service) throw serviceNotEnabled(service, mode);
      throw new HttpProblem('proxy_path_not_covered');
    }

    const workspaceWait = perWorkspace.take(workspace.id);
    if (workspaceWait > 0) throw rateLimited(workspaceWait, 'workspace');
    if (principal.kind === 'api_key') {
      const keyWait = perKey.take(principal.key.id);
      if (keyWait > 0) throw rateLimited(keyWait, 'API key');
    }

    let destination: Target;
    if (api === 'sharepoint') {
      const host = await sharePointHost(workspace.id, tokenPrincipal, mode === 'application');
      // The audience is the real host; only where the request goes may be overridden (the emulator).
      destination = { baseUrl: (deps.sharePointUrl ?? 'https://{host}').replace('{host}', host), apiName: 'SharePoint REST', resource: { uri: `https://${host}` } };
    } else if (api === 'manage') {
      const managementUrl = (deps.managementUrl ?? 'https://manage.office.com').replace(/\/+$/, '');
      destination = { baseUrl: managementUrl, apiName: 'the Office 365 Management Activity API', resource: { uri: deps.managementResource ?? managementUrl } };
    } else {
      destination = { baseUrl: `${deps.graphUrl.replace(/\/+$/, '')}/${version}`, apiName: 'Microsoft Graph', resource: 'graph' };
    }
    const token = await deps.tokens.getAccessToken({ workspaceId: workspace.id, principal: tokenPrincipal, resource: destination.resource, ...(api === 'sharepoint' && mode === 'application' ? { certificateOnly: true } : {}) });
    // By the token's tenant id: a tenant named by a domain, or left to the default, is paced as when named by id.
    const tenantKey = `${api}:${tenantPacingKey(workspace.id, mode === 'application' ? { kind: 'application', tenantId: token.tenantId ?? tenant } : { kind: 'user' })}`;
    const paused = pacer.waitSeconds(tenantKey);
    if (paused > 0) {
      // Microsoft asked to wait: answer as Microsoft would, without adding to its count.
      return reply.code(429).header('retry-after', String(paused)).type('application/json').send({ error: { code: 'TooManyRequests', message: `The tenant is throttled by ${destination.apiName}; retry after ${paused} s.` } });
    }

    if (request.method !== 'GET') {
      await recordAudit(deps.db, { workspaceId: workspace.id, ...auditContextOf(request, deps.clock), action: `proxy.${api}_write`, target: { type: api, id: service ?? 'uncovered' }, data: { method: request.method, ...(api === 'graph' ? { version } : {}), mode } });
    }
    const body = request.body instanceof Readable ? request.body : undefined;
    const response = await passThroughTo(
      { baseUrl: destination.baseUrl, apiName: destination.apiName, transport: deps.transport, timeoutMs },
      { method: request.method, path: target.path, query: target.query, headers: request.headers, body, accessToken: token.accessToken },
    );
    const retryAfter = response.headers['retry-after'];
    if (response.status === 429) pacer.throttled(tenantKey, parseRetryAfter(typeof retryAfter === 'string' ? retryAfter : null) ?? 1);
    reply.code(response.status);
    for (const [name, value] of passedResponseHeaders(response)) reply.header(name, value);
    const nextPage = response.headers.nextpageuri;
    if (api === 'manage' && typeof nextPage === 'string') {
      const hub = (deps.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
      reply.header('nextpageuri', nextPageThroughHub(nextPage, destination.baseUrl, `${hub}/api/v1/workspaces/${encodeURIComponent(workspace.id)}/proxy/manage`));
    }
    return reply.send(response.body);
  }

  const answer = { 200: { description: "Microsoft's answer, status, headers and body passed through unchanged", content: { '*/*': { schema: {} } } } };
  // Bodies are Microsoft's, not ours: any content type, passed on as a stream (no parsing, no buffering).
  void server.register(async (passthrough) => {
    passthrough.removeAllContentTypeParsers();
    passthrough.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    passthrough.route({
      method: METHODS,
      url: PREFIX,
      config: { access: 'workspace_member' },
      schema: {
        tags: ['pass-through'],
        summary:
          'Microsoft Graph pass-through: ANY {version}/{path} with the acting user\'s token (X-M365Hub-Acting-User, or the console user) or the app\'s (X-M365Hub-Mode: application, X-M365Hub-Tenant); bodies stream both ways; Graph\'s status, headers and errors come back unchanged',
        params: { type: 'object', properties: { workspaceId: { type: 'string' }, version: { type: 'string', enum: [...VERSIONS] }, '*': { type: 'string' } }, required: ['workspaceId', 'version'] },
        response: answer,
      },
      handler: (request: FastifyRequest<{ Params: { workspaceId: string; version: string } }>, reply) => handle('graph', request, reply),
    });
    const others: [ProxiedApiName, string][] = [
      ['sharepoint', "SharePoint REST pass-through: ANY {path with _api} on the tenant's SharePoint host (found from Graph's root site), with a token for SharePoint; app mode needs a certificate credential, as SharePoint requires"],
      ['manage', "Office 365 Management Activity API pass-through: ANY api/v1.0/{tenant}/activity/feed/{path} with the app's token for that tenant (ActivityFeed.Read; the compliance service in application mode)"],
    ];
    for (const [api, summary] of others) {
      passthrough.route({
        method: METHODS,
        url: `/api/v1/workspaces/:workspaceId/proxy/${api}/*`,
        config: { access: 'workspace_member' },
        schema: { tags: ['pass-through'], summary, params: { type: 'object', properties: { workspaceId: { type: 'string' }, '*': { type: 'string' } }, required: ['workspaceId'] }, response: answer },
        handler: (request: FastifyRequest<{ Params: { workspaceId: string } }>, reply) => handle(api, request, reply),
      });
    }
  });
}
