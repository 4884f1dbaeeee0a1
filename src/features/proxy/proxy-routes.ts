// The Graph pass-through for host backends and console users:
//   ANY /api/v1/workspaces/{ws}/proxy/graph/{v1.0|beta}/{path}
// acting for a user (the console user, or X-M365Hub-Acting-User with an API key) or for the workspace's app
// (X-M365Hub-Mode: application, X-M365Hub-Tenant when the workspace has several tenants). The hub attaches the
// token, streams both bodies, and passes Graph's status, headers and error bodies back unchanged (Location of a 302
// included: it is never followed with the token). Policed: the path must belong to a service the workspace enabled in
// that mode (or an operator opened the pass-through for the workspace); calls are limited per workspace and API key;
// a tenant Microsoft throttled is paused for the Retry-After it gave, without calling Microsoft again meanwhile.
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { checkPassthroughPath, passedResponseHeaders, passThrough, PassthroughPathError, type GraphVersion } from '../../microsoft/graph/graph-passthrough.js';
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
import type { TokenPrincipal, TokenService } from '../tokens/index.js';
import type { ProxyPolicy } from './proxy-policy.js';
import { RateWindow } from './rate-window.js';

export interface ProxyServices {
  tokens: Pick<TokenService, 'getAccessToken'>;
  transport: MicrosoftTransport;
  /** Config.graphUrl. */
  graphUrl: string;
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
const MODE_HEADER = 'x-m365hub-mode';
const TENANT_HEADER = 'x-m365hub-tenant';
const DEFAULT_TIMEOUT_MS = 30 * 60_000;
const VERSIONS: readonly GraphVersion[] = ['v1.0', 'beta'];

function rateLimited(seconds: number, what: string): HttpProblem {
  return new HttpProblem('rate_limited', { detail: `Too many pass-through calls for this ${what}. Wait ${seconds} s (Retry-After) and try again.`, headers: { 'retry-after': String(seconds) } });
}

/** The path after /graph/{version}, exactly as the caller sent it (still percent-encoded), and the raw query. */
function rawPathAndQuery(request: FastifyRequest, version: string): { path: string; query: string } {
  const raw = request.raw.url ?? '';
  const queryAt = raw.indexOf('?');
  const pathPart = queryAt === -1 ? raw : raw.slice(0, queryAt);
  const marker = `/proxy/graph/${version}`;
  const at = pathPart.indexOf(marker);
  return { path: pathPart.slice(at + marker.length), query: queryAt === -1 ? '' : raw.slice(queryAt + 1) };
}

export function registerProxyRoutes(server: FastifyInstance, deps: ProxyRouteDeps): void {
  const pacer = deps.pacer ?? new TenantPacer(deps.clock);
  const perWorkspace = new RateWindow(deps.clock, deps.rateLimit.perWorkspace);
  const perKey = new RateWindow(deps.clock, deps.rateLimit.perApiKey);

  async function handle(request: FastifyRequest<{ Params: { workspaceId: string; version: string } }>, reply: FastifyReply) {
    const workspace = workspaceOf(request);
    const principal = principalOf(request);
    const version = request.params.version as GraphVersion;
    if (!VERSIONS.includes(version)) throw new HttpProblem('proxy_path_invalid', { detail: 'The Graph version is v1.0 or beta: …/proxy/graph/v1.0/{path}.' });
    let target: { path: string; query: string };
    try {
      const raw = rawPathAndQuery(request, version);
      target = checkPassthroughPath(raw.path, raw.query);
    } catch (error) {
      if (error instanceof PassthroughPathError) throw new HttpProblem('proxy_path_invalid', { detail: error.message });
      throw error;
    }

    const mode = String(request.headers[MODE_HEADER] ?? 'delegated').toLowerCase();
    if (mode !== 'delegated' && mode !== 'application') throw new HttpProblem('validation_failed', { detail: `${MODE_HEADER} is delegated (default) or application.` });
    if (mode === 'application' && workspace.role !== 'admin' && workspace.role !== 'api_key') throw new HttpProblem('application_mode_forbidden');
    const tenant = typeof request.headers[TENANT_HEADER] === 'string' ? (request.headers[TENANT_HEADER] as string) : undefined;
    let tokenPrincipal: TokenPrincipal;
    if (mode === 'application') tokenPrincipal = tenant ? { kind: 'application', tenantId: tenant } : { kind: 'application' };
    else if (principal.kind === 'user') tokenPrincipal = { kind: 'console_user', consoleUserId: principal.user.id };
    else if (principal.actingUser) tokenPrincipal = { kind: 'user', externalUserId: principal.actingUser };
    else throw new HttpProblem('acting_user_required');

    const service = serviceOfGraphPath(target.path);
    const policy = await deps.policy.of(workspace.id);
    const covered = (mode === 'delegated' && isOwnProfilePath(target.path)) || (service !== undefined && isServiceEnabled(policy.services, service, mode));
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

    const token = await deps.tokens.getAccessToken({ workspaceId: workspace.id, principal: tokenPrincipal });
    const tenantKey = tenantPacingKey(workspace.id, mode === 'application' ? { kind: 'application', tenantId: tenant } : { kind: 'user' });
    const paused = pacer.waitSeconds(tenantKey);
    if (paused > 0) {
      // Microsoft asked to wait: answer as Microsoft would, without adding to its count.
      return reply.code(429).header('retry-after', String(paused)).type('application/json').send({ error: { code: 'TooManyRequests', message: `The tenant is throttled by Microsoft Graph; retry after ${paused} s.` } });
    }

    if (request.method !== 'GET') {
      await recordAudit(deps.db, { workspaceId: workspace.id, ...auditContextOf(request, deps.clock), action: 'proxy.graph_write', target: { type: 'graph', id: service ?? 'uncovered' }, data: { method: request.method, version, mode } });
    }
    const body = request.body instanceof Readable ? (Readable.toWeb(request.body) as ReadableStream<Uint8Array>) : undefined;
    const response = await passThrough(
      { graphUrl: deps.graphUrl, transport: deps.transport, timeoutMs: deps.timeoutMs ?? DEFAULT_TIMEOUT_MS },
      { method: request.method, version, path: target.path, query: target.query, headers: request.headers, body, accessToken: token.accessToken },
    );
    if (response.status === 429) pacer.throttled(tenantKey, parseRetryAfter(response.headers.get('retry-after')) ?? 1);
    reply.code(response.status);
    for (const [name, value] of passedResponseHeaders(response)) reply.header(name, value);
    return reply.send(response.body ? Readable.fromWeb(response.body as import('node:stream/web').ReadableStream) : null);
  }

  // Bodies are Graph's, not ours: any content type, passed on as a stream (no parsing, no buffering).
  void server.register(async (passthrough) => {
    passthrough.removeAllContentTypeParsers();
    passthrough.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    passthrough.route({
      method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
      url: PREFIX,
      config: { access: 'workspace_member' },
      schema: {
        tags: ['pass-through'],
        summary:
          'Microsoft Graph pass-through: ANY {version}/{path} with the acting user\'s token (X-M365Hub-Acting-User, or the console user) or the app\'s (X-M365Hub-Mode: application, X-M365Hub-Tenant); bodies stream both ways; Graph\'s status, headers and errors come back unchanged',
        params: { type: 'object', properties: { workspaceId: { type: 'string' }, version: { type: 'string', enum: [...VERSIONS] }, '*': { type: 'string' } }, required: ['workspaceId', 'version'] },
        response: { 200: { description: "Microsoft Graph's answer, status, headers and body passed through unchanged", content: { '*/*': { schema: {} } } } },
      },
      handler: handle,
    });
  });
}
