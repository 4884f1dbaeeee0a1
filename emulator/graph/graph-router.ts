// Graph v1.0 request dispatch: authenticate the bearer token, find the route (literal segments match
// case-insensitively, as Graph's do; `{name}` captures one segment or a part of one, e.g. `applications(appId='{appId}')`),
// refuse /me with an app-only token, enforce the permission table, run the handler, and answer in Graph's shape.
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { permissionsForRequest } from '../permissions/graph-permissions.js';
import { catalogued } from './graph-path-catalogue.js';
import type { EmulatorContext } from '../server/emulator-context.js';
import type { Tenant, User } from '../state/directory-types.js';
import { jsonBody } from '../state/json-chunks.js';
import { authenticateGraphRequest, type GraphCaller } from './access-token.js';
import { GraphError, graphErrors, graphJson, sendGraphError, type GraphTrace } from './graph-errors.js';
import { CollectionPage, type GraphRequestInfo } from './graph-response.js';
import type { GraphObject } from './odata-query.js';

export interface GraphRouteRequest extends GraphRequestInfo {
  ctx: EmulatorContext;
  /** GET, POST, PUT, PATCH or DELETE. */
  method: string;
  caller: GraphCaller;
  tenant: Tenant;
  params: Record<string, string>;
  /** The parsed JSON body of a write (undefined for GET); for a `rawBody` route, undefined (read `raw`). */
  body: unknown;
  /** The request headers (lower-case names; e.g. ConsistencyLevel for advanced queries). */
  headers: Record<string, string | string[] | undefined>;
  /** The unread request body of a `rawBody` route (file content), to be streamed rather than buffered. */
  raw?: Readable;
}

/** A body Graph sends as text/plain, e.g. the integer of `/users/$count`. */
export class PlainText {
  constructor(readonly text: string) {}
}

/** A handler's answer other than 200 with a JSON body: a status, headers and an optional JSON body or stream. */
export class GraphReply {
  constructor(
    readonly status: number,
    readonly body?: GraphObject,
    readonly headers: Record<string, string> = {},
  ) {}
}

type GraphHandlerResult = GraphObject | CollectionPage | GraphReply | PlainText | undefined;

export interface GraphRoute {
  /** GET unless named; a write answers 204 when its handler returns nothing. */
  method?: 'GET' | 'PATCH' | 'POST' | 'PUT' | 'DELETE';
  /** Graph's path after /v1.0, e.g. `/users/{user}/drive`. */
  path: string;
  /** The permission table's path when it names this request differently (e.g. `/sites/root` is `/sites/{id}`). */
  permissionPath?: string;
  handler: (req: GraphRouteRequest) => GraphHandlerResult | Promise<GraphHandlerResult>;
  /** The body is file content: handed over unread as `raw` instead of being parsed as JSON. */
  rawBody?: true;
  /**
   * Set when Microsoft's permission table has no fixed entry because the permission depends on the request (e.g. a
   * subscription needs the permission that reads its resource: subscription-post-subscriptions, "Permissions"):
   * the handler checks it, and the route needs no table entry.
   */
  permissionCheckedByHandler?: true;
  /**
   * True when an app-only caller reads its own object: "A service principal can retrieve its own application and
   * service principal details without being granted any application permissions"
   * (https://learn.microsoft.com/graph/api/serviceprincipal-get, Permissions note).
   */
  ownObject?: (req: GraphRouteRequest) => boolean;
}

interface CompiledRoute {
  route: GraphRoute;
  method: string;
  segments: { regex: RegExp; names: string[] }[];
  placeholders: number;
  /** The route in the permission table's spelling: lower case, every placeholder `{id}`. */
  permissionPath: string;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function compileSegment(segment: string) {
  const names: string[] = [];
  const source = segment
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const placeholder = /^\{([^}]+)\}$/.exec(part);
      if (!placeholder) return escape(part);
      names.push(placeholder[1]!);
      // A whole-segment id never starts with `$` ($count, $ref, $value are OData segments, not ids).
      return part === segment ? '(?!\\$)(.+)' : '(.+)';
    })
    .join('');
  return { regex: new RegExp(`^${source}$`, 'i'), names };
}

/** The table's spelling: lower case, key segments `(appid={value})`, every other placeholder `{id}`. */
const tablePath = (parts: string[]) =>
  `/${parts
    .join('/')
    .toLowerCase()
    .replace(/'\{[^}]+\}'/g, '{value}')
    .replace(/\{(?!value\})[^}]+\}/g, '{id}')}`;

export function compileRoutes(routes: GraphRoute[]): CompiledRoute[] {
  return routes.map((route) => {
    const parts = route.path.split('/').filter(Boolean);
    const segments = parts.map(compileSegment);
    const compiled = {
      route,
      method: route.method ?? 'GET',
      segments,
      placeholders: segments.reduce((n, s) => n + s.names.length, 0),
      permissionPath: route.permissionPath ?? tablePath(parts),
    };
    // A route the permission table does not cover could never be enforced: refuse to start with it.
    if (!route.permissionCheckedByHandler && !permissionsForRequest(compiled.method, compiled.permissionPath)) {
      throw new Error(`Graph route ${compiled.method} ${route.path} has no entry in the permission table (${compiled.permissionPath})`);
    }
    return compiled;
  });
}

function match(routes: CompiledRoute[], segments: string[], method?: string) {
  let best: { compiled: CompiledRoute; params: Record<string, string> } | undefined;
  for (const compiled of routes) {
    if (compiled.segments.length !== segments.length || (method !== undefined && compiled.method !== method)) continue;
    const params: Record<string, string> = {};
    const ok = compiled.segments.every((s, i) => {
      const m = s.regex.exec(segments[i]!);
      if (!m) return false;
      s.names.forEach((name, j) => (params[name] = m[j + 1]!));
      return true;
    });
    if (ok && (!best || compiled.placeholders < best.compiled.placeholders)) best = { compiled, params };
  }
  return best;
}

/** The first segment no route continues with: what Graph names in "Resource not found for the segment". */
function unmatchedSegment(routes: CompiledRoute[], segments: string[]): string {
  let longest = 0;
  for (const compiled of routes) {
    let n = 0;
    while (n < segments.length && n < compiled.segments.length && compiled.segments[n]!.regex.test(segments[n]!)) n++;
    longest = Math.max(longest, n);
  }
  return segments[Math.min(longest, segments.length - 1)] ?? '';
}

/**
 * True when a route reached this request only through its last placeholder while Microsoft has a literal segment
 * there: `/users/delta` is Graph's delta function, not the user "delta" of `/users/{user}`.
 */
function shadowsLiteral(route: CompiledRoute, microsoftPath: { path: string } | undefined): boolean {
  if (!microsoftPath) return false;
  const last = route.segments[route.segments.length - 1]!;
  const tableLast = microsoftPath.path.split('/').pop()!;
  return last.names.length === 1 && last.regex.source === '^(?!\\$)(.+)$' && !tableLast.includes('{');
}

function allowed(caller: GraphCaller, method: string, permissionPath: string): boolean {
  const entry = permissionsForRequest(method, permissionPath)!;
  const accepted = (caller.kind === 'delegated' ? entry.delegated : entry.application).map((p) => p.toLowerCase());
  return caller.permissions.some((p) => accepted.includes(p.toLowerCase()));
}

/** request-id and client-request-id as Graph sends them (the client's id echoed, else the request id). */
export function graphTrace(request: FastifyRequest): GraphTrace {
  const header = request.headers['client-request-id'];
  const supplied = (Array.isArray(header) ? header[0] : header)?.trim();
  return { requestId: request.trace.traceId, clientRequestId: supplied || request.trace.traceId };
}

export const isGraphPath = (path: string) => /^\/(v1\.0|beta)(\/|$)/i.test(path);

/** Graph's response headers: its ids, OData version and cache rule. */
export function setGraphHeaders(request: FastifyRequest, reply: FastifyReply): void {
  const trace = graphTrace(request);
  reply.header('request-id', trace.requestId).header('client-request-id', trace.clientRequestId).header('odata-version', '4.0');
  reply.header('cache-control', 'no-cache');
}

/** Graph's response headers on every Graph path, faults included (registered before the fault hook). */
export function registerGraphHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (isGraphPath(request.url.split('?')[0]!)) setGraphHeaders(request, reply);
  });
}

function pathSegments(path: string): string[] {
  const segments = path
    .split('/')
    .filter(Boolean)
    .slice(1)
    .map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
  return collapseItemPath(segments);
}

/**
 * OneDrive's path addressing (https://learn.microsoft.com/graph/onedrive-addressing-driveitems): `root:/a/b.docx:` or
 * `items/{id}:/a/b.docx:`, then optionally more segments (`/children`, `/content`). The path between the colons spans
 * any number of segments, so it becomes one segment (`a/b.docx`) after the `root:` / `{id}:` segment; routes name it
 * `root:/{path}`. The closing colon may be left out when nothing follows.
 */
function collapseItemPath(segments: string[]): string[] {
  const open = segments.findIndex((s, i) => s.endsWith(':') && (s.toLowerCase() === 'root:' || segments[i - 1]?.toLowerCase() === 'items'));
  if (open < 0 || open === segments.length - 1) return segments;
  let close = segments.findIndex((s, i) => i > open && s.endsWith(':'));
  if (close < 0) close = segments.length - 1;
  const path = segments
    .slice(open + 1, close + 1)
    .join('/')
    .replace(/:$/, '');
  return [...segments.slice(0, open + 1), path, ...segments.slice(close + 1)];
}

const maxJsonBody = 256 * 1024;

/** A JSON write's body, read whole (bounded) as Fastify's parser did before routes could stream. */
async function readJsonBody(request: FastifyRequest, stream: Readable): Promise<unknown> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    length += (chunk as Buffer).length;
    if (length > maxJsonBody) {
      stream.resume();
      throw graphErrors.badRequest('The request body is too large.');
    }
    parts.push(chunk as Buffer);
  }
  const text = Buffer.concat(parts).toString('utf8');
  if (!/\bjson\b/i.test(request.headers['content-type'] ?? '')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw graphErrors.badRequest('Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.');
  }
}

export function registerGraphRouter(app: FastifyInstance, ctx: EmulatorContext, routes: GraphRoute[]): void {
  const compiled = compileRoutes(routes);

  const handle = async (request: FastifyRequest, reply: FastifyReply) => {
    const trace = graphTrace(request);
    const stream = (isReadable(request.body) ? request.body : request.raw) as Readable;
    const origin = ctx.origin(request);
    try {
      const path = request.url.split('?')[0]!;
      if (/^\/beta(\/|$)/i.test(path)) throw graphErrors.emulatorUnsupported('the beta endpoint (/beta)');
      const caller = await authenticateGraphRequest(ctx, request.headers.authorization, origin);
      Object.assign(request.protocolOutcome, { clientId: caller.appId, tenant: caller.tenantId });
      const segments = pathSegments(path);
      const found = match(compiled, segments, request.method);
      const microsoftPath = catalogued(segments);
      if (!found || shadowsLiteral(found.compiled, microsoftPath)) {
        // Unsupported vs unknown: a path Microsoft serves (its permission table, or a route here under another
        // method) is named in a 501; anything else gets Graph's own 400 for the first segment it cannot resolve.
        if (microsoftPath || match(compiled, segments)) throw graphErrors.emulatorUnsupported(`${request.method} /v1.0${microsoftPath ? microsoftPath.path : path.replace(/^\/v1\.0/i, '')}`);
        throw graphErrors.segmentNotFound(unmatchedSegment(compiled, segments));
      }
      if (segments[0]?.toLowerCase() === 'me' && caller.kind !== 'delegated') throw graphErrors.meRequiresDelegated();
      const url = new URL(request.url, origin);
      const route = found.compiled.route;
      const routeRequest: GraphRouteRequest = {
        ctx,
        method: request.method,
        caller,
        tenant: ctx.directory.findTenant(caller.tenantId)!,
        params: found.params,
        body: request.method === 'GET' || route.rawBody ? undefined : await readJsonBody(request, stream),
        headers: request.headers,
        serviceRoot: `${origin}/v1.0`,
        url,
        search: url.searchParams,
        ...(route.rawBody ? { raw: stream } : {}),
      };
      const own = caller.kind === 'application' && route.ownObject?.(routeRequest) === true;
      if (!own && !route.permissionCheckedByHandler && !allowed(caller, found.compiled.method, found.compiled.permissionPath)) throw graphErrors.insufficientPrivileges();
      const body = await route.handler(routeRequest);
      if (body instanceof GraphReply) {
        reply.code(body.status).headers(body.headers);
        return body.body === undefined ? reply.send() : reply.type(graphJson).send(body.body);
      }
      if (body === undefined) return reply.code(204).send();
      if (body instanceof PlainText) return reply.code(200).type('text/plain').send(body.text);
      if (body instanceof CollectionPage) return reply.code(200).type(graphJson).send(body.small ? body.toJSON() : jsonBody(body.pieces()));
      return reply.code(200).type(graphJson).send(body);
    } catch (error) {
      if (!stream.readableEnded) stream.resume(); // an unread body must not stall the connection

      if (error instanceof GraphError) {
        request.protocolOutcome.error = error.code;
        return sendGraphError(reply, error, trace);
      }
      request.log.error(error);
      return sendGraphError(reply, new GraphError(500, 'generalException', 'An unspecified error has occurred.'), trace);
    }
  };

  // Graph bodies reach the handler unread: file content streams to disk, JSON is read by readJsonBody.
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    for (const url of ['/v1.0', '/v1.0/*', '/beta', '/beta/*']) {
      scope.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url, handler: handle });
    }
  });
}

const isReadable = (value: unknown): value is Readable => typeof (value as Readable | undefined)?.pipe === 'function';

/** Graph addresses a user by object id or by userPrincipalName; only within the caller's tenant. */
export function findUser(req: GraphRouteRequest, idOrUpn: string): User {
  const { directory } = req.ctx;
  const user = directory.getUser(idOrUpn) ?? directory.findUserByUpn(idOrUpn, req.tenant.id);
  if (!user || user.tenantId !== req.tenant.id) throw graphErrors.resourceNotFound(idOrUpn);
  return user;
}

/** The signed-in user of a delegated request. */
export function signedInUser(req: GraphRouteRequest): User {
  return findUser(req, req.caller.userId ?? '');
}
