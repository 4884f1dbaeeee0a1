// Builds the hub's HTTP server: the API under /api/v1, operations routes, the console, problem+json errors,
// request ids, metrics and (redacted) request logs. The caller owns the lifecycle: `listen()`, then `close()`,
// which stops accepting connections, lets in-flight requests finish, and from its first moment answers /readyz
// with 503. `server.markShuttingDown()` flips readiness earlier (e.g. on SIGTERM, before waiting for the load
// balancer to notice).
import path from 'node:path';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import Fastify, { LogController, type FastifyInstance, type FastifySchema } from 'fastify';
import type { Config } from '../config/config.js';
import type { Logger } from '../logging/logger.js';
import type { Store } from '../store/database.js';
import type { Clock } from '../time/clock.js';
import { registerAuthentication, type Authenticators } from './authenticate.js';
import type { RouteAccess } from './route-access.js';
import type { ProblemCatalogue } from './problem-catalogue.js';
import { registerConsole } from './console-static.js';
import { PROBLEM_CONTENT_TYPE, registerErrorHandling, sendProblem } from './error-handling.js';
import { HttpProblem } from './http-problem.js';
import { buildLazySerializer } from './lazy-serializers.js';
import { registerMetrics } from './metrics.js';
import { registerOperationsRoutes } from './operations-routes.js';
import { requestIdOf, REQUEST_ID_HEADER } from './request-id.js';
import { Problem } from '../../contract/api-schemas.js';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** The job queue as the HTTP layer sees it (structural, so it does not depend on the queue's module). */
export interface JobsPort {
  countByStatus(): Promise<Record<string, number>>;
  get(workspaceId: string | null, jobId: string): Promise<unknown | undefined>;
  requestCancel(workspaceId: string, jobId: string): Promise<unknown | undefined>;
}

export interface ServerDeps {
  config: Config;
  store: Store;
  logger: Logger;
  clock: Clock;
  jobs?: JobsPort;
  /** The built console; default `dist/console` under the working directory. */
  consoleDir?: string;
  /** The one catalogue of problem codes (the platform's and every feature's; see src/app/problem-catalogue.ts). */
  problems: ProblemCatalogue;
  /** How API keys and session cookies become principals (the features that own them supply these). */
  authenticators: Authenticators;
  /** The features' routes, registered in this order after the operations routes (see src/app/hub-routes.ts). */
  routes: ReadonlyArray<(server: FastifyInstance) => void>;
}

export interface RegisteredRoute {
  method: string;
  /** The pattern, e.g. `/api/v1/workspaces/:workspaceId/members/:userId`. */
  url: string;
  access: RouteAccess | undefined;
  hasBody: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Makes /readyz answer 503 from now on; close() does it too. */
    markShuttingDown(): void;
    /** Every route registered, so tests can try each one (e.g. with another workspace's ids) without a list to forget. */
    registeredRoutes: RegisteredRoute[];
  }
}

export async function buildServer(deps: ServerDeps): Promise<FastifyInstance> {
  const server = Fastify({
    loggerInstance: deps.logger,
    // Fastify's own request logs would print URLs with query strings; one redacted line per response is logged below.
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: requestIdOf,
    requestIdHeader: false,
    // Behind a TLS-terminating proxy the real protocol and client address come from X-Forwarded-* headers; they
    // decide the cookie's Secure flag, the CSRF origin check and the IP in the audit log.
    trustProxy: deps.config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    schemaController: { compilersFactory: { buildSerializer: buildLazySerializer } },
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: false } },
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
  }) as unknown as FastifyInstance;

  const registeredRoutes: RegisteredRoute[] = [];
  server.decorate('registeredRoutes', registeredRoutes);
  server.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      registeredRoutes.push({ method, url: route.url, access: route.config?.access, hasBody: Boolean(route.schema?.body) });
    }
  });

  let shuttingDown = false;
  server.decorate('markShuttingDown', () => {
    shuttingDown = true;
  });
  server.addHook('preClose', async () => {
    shuttingDown = true;
  });

  // JSON is the only body type. An empty body counts as none (bodiless POSTs from fetch wrappers that always set
  // Content-Type); routes that need a body then fail validation with a clear message.
  server.removeAllContentTypeParsers();
  const parseJson = server.getDefaultJsonParser('error', 'error');
  server.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body: string, done) => {
    if (body.trim() === '') return done(null, undefined);
    parseJson(request, body, done);
  });

  await server.register(cookie);
  await server.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'm365hub API',
        version: '1',
        description:
          'Connects a multi-tenant SaaS product to its customers\' Microsoft 365 tenants. Errors are application/problem+json (RFC 9457) with a stable `code`.',
      },
      components: {
        schemas: { Problem },
        securitySchemes: {
          apiKey: { type: 'http', scheme: 'bearer', description: 'A workspace API key: `Authorization: Bearer m365k_…`' },
          session: { type: 'apiKey', in: 'cookie', name: 'm365hub_session', description: 'Console session; state-changing requests also need X-CSRF-Token' },
        },
      },
      security: [{ apiKey: [] }, { session: [] }],
    },
    // Every operation can answer a problem: say so in the document (not in the route's response schemas, which would
    // re-serialise the error handler's bodies), so generated clients type `error` as Problem.
    transform: ({ schema, url }) => ({ schema: withProblemResponse(schema), url }),
  });

  server.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });
  server.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        route: request.routeOptions.url ?? null,
        path: request.routeOptions.config.secretInPath ? null : request.url.split('?')[0],
        status: reply.statusCode,
        durationMs: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  });

  registerErrorHandling(server, deps.problems);
  const registry = registerMetrics(server, deps.jobs);
  registerAuthentication(server, { config: deps.config, authenticators: deps.authenticators });

  registerOperationsRoutes(server, { isReady: () => deps.store.isReady(), isShuttingDown: () => shuttingDown, registry });
  for (const register of deps.routes) register(server);

  const consoleStatic = await registerConsole(server, deps.consoleDir ?? path.resolve('dist/console'));
  server.setNotFoundHandler((request, reply) => {
    if (consoleStatic.trySpaFallback(request, reply)) return;
    sendProblem(reply, new HttpProblem('route_not_found', { detail: `No route ${request.method} ${request.url.split('?')[0]}. See /openapi.json for the routes this hub serves.` }));
  });

  return server;
}

export { PROBLEM_CONTENT_TYPE };

function withProblemResponse(schema: FastifySchema): FastifySchema {
  if (!schema || (schema as { hide?: boolean }).hide) return schema;
  const response = (schema.response ?? {}) as Record<string, unknown>;
  if ('default' in response) return schema;
  return {
    ...schema,
    response: {
      ...response,
      default: { description: 'A problem (RFC 9457) with a stable `code`', content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } } },
    },
  } as FastifySchema;
}
