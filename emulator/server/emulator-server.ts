// Assembles the emulator: TLS material, signing keys, state, and the routes, on one Fastify HTTPS server.
import { CalendarStore } from '../graph/calendar/calendar-store.js';
import { TeamsMessageStore } from '../graph/teams-messages/teams-message-store.js';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerBulkUserRoutes } from '../control/bulk-user-routes.js';
import { controlProblem, registerControlRoutes } from '../control/control-routes.js';
import { registerSecurityConfigRoutes } from '../control/security-config-routes.js';
import { FaultInjector } from '../control/fault-injector.js';
import { RequestLog } from '../control/request-log.js';
import { withDefaults, type EmulatorOptions } from '../config/emulator-options.js';
import { aadsts } from '../identity/aadsts-errors.js';
import { createOriginResolver } from '../identity/endpoint-urls.js';
import { errorBody, sendProtocolError } from '../identity/error-responses.js';
import { registerDiscoveryRoutes } from '../identity/discovery-routes.js';
import { graphErrors, sendGraphError } from '../graph/graph-errors.js';
import { graphFaultBody, graphTrace, isGraphPath, registerGraphHeaders, registerGraphRoutes, setGraphHeaders } from '../graph/graph-routes.js';
import { registerInteractiveRoutes } from '../identity/interactive-routes.js';
import { registerDeviceCodeRoutes } from '../identity/device-code-routes.js';
import { registerAdvertisedEndpoints } from '../identity/advertised-endpoints.js';
import { JwtSigner } from '../identity/jwt-signer.js';
import { RefreshTokenSealer } from '../identity/refresh-token-sealer.js';
import { registerTokenEndpoint } from '../identity/token-endpoint.js';
import { TokenMinter } from '../identity/token-minter.js';
import { ensureTlsMaterial } from '../pki/local-ca.js';
import { SigningKeySet } from '../pki/signing-keys.js';
import { AuthorizationCodes } from '../state/authorization-codes.js';
import { DeviceCodes } from '../state/device-codes.js';
import { seedDemo, type SeedSummary } from '../state/demo-seed.js';
import { DirectoryError, DirectoryStore } from '../state/directory-store.js';
import type { DirectorySnapshot } from '../state/directory-types.js';
import { EmulatorClock } from '../state/emulator-clock.js';
import { PersistenceRegistry, persistableStore } from '../state/persistable.js';
import { PendingRequests, SignInSessions } from '../state/sign-in-sessions.js';
import { DeltaTokens } from '../state/delta-tokens.js';
import { RoleMembers } from '../state/role-members.js';
import { SecurityConfigStore } from '../state/security-config.js';
import { seedSecurityConfig } from '../state/security-seed.js';
import type { PendingInteraction } from '../identity/interaction-state.js';
import type { EmulatorContext } from './emulator-context.js';
import { registerRequestContext } from './request-context.js';
import { GraphSubscriptions } from '../graph/subscriptions/graph-subscriptions.js';
import { MailboxStore } from '../graph/mail/mailbox-store.js';
import { registerSubscriptionControlRoutes } from '../graph/subscriptions/subscription-control-routes.js';
import { registerManageRoutes } from '../manage-api/manage-routes.js';
import { registerSharePointRoutes } from '../sharepoint-rest/sharepoint-routes.js';

export interface RunningEmulator {
  url: string;
  port: number;
  caPath: string;
  caPem: string;
  ctx: EmulatorContext;
  app: FastifyInstance;
  close(): Promise<void>;
}

/** Longest query string accepted before AADSTS90015; Node's header limit is raised above it so we see the request. */
const maxQueryLength = 16_384;
const bodyLimit = 256 * 1024;

/** The organisation file's name in the data dir. */
export const organisationFileName = 'organisation.ndjson';

/**
 * What the organisation was started from. A saved organisation is loaded only on a start from the same origin:
 * `--users 100000` after a run with `--users 0`, or another `--state` file, starts from that instead.
 */
function originOf(options: EmulatorOptions): Record<string, unknown> {
  if (options.statePath) {
    const stat = statSync(options.statePath);
    return { state: path.resolve(options.statePath), size: stat.size, modified: stat.mtimeMs };
  }
  return { seed: options.seed ?? null, users: options.users };
}

/**
 * Puts the starting organisation in the directory and returns how to put it back (reset). The demo seed is
 * deterministic, so reset runs it again rather than keeping a copy of a possibly 100,000-user directory in memory;
 * a loaded state file is kept as its text (it may change on disk after the start).
 */
function initialState(options: EmulatorOptions, directory: DirectoryStore, now: number, security: SecurityConfigStore, roles: RoleMembers): { seed: SeedSummary | undefined; restore: () => void } {
  if (options.statePath) {
    const text = readFileSync(options.statePath, 'utf8');
    const restore = () => directory.load(JSON.parse(text) as DirectorySnapshot);
    restore();
    return { seed: undefined, restore };
  }
  const plant = () => {
    if (options.seed !== 'demo') return undefined;
    const seed = seedDemo(directory, { users: options.users, now });
    // The security configuration's people join the seed summary so tests and the demo see every seeded user.
    const extras = seedSecurityConfig({ directory, security, roles, contoso: directory.requireTenant(seed.tenant.id), fabrikam: directory.requireTenant(seed.otherTenant.id), password: seed.password, now });
    for (const u of extras) seed.users.push({ id: u.id, userPrincipalName: u.userPrincipalName, displayName: u.displayName, password: seed.password, isAdmin: directory.isAdmin(u), tenantId: u.tenantId, accountEnabled: u.accountEnabled });
    return seed;
  };
  return {
    seed: plant(),
    restore: () => {
      directory.clear();
      plant();
    },
  };
}

export async function startEmulatorServer(input: Partial<EmulatorOptions>): Promise<RunningEmulator> {
  const options = withDefaults(input);
  const publicHost = options.publicUrl ? [new URL(options.publicUrl).hostname] : [];
  const listenHost = ['0.0.0.0', '::'].includes(options.host) ? [] : [options.host];
  const tls = await ensureTlsMaterial(options.dataDir, [...listenHost, ...publicHost, ...options.hostnames]);
  const keys = await SigningKeySet.open(options.dataDir);
  const clock = new EmulatorClock();
  const directory = new DirectoryStore();
  const security = new SecurityConfigStore();
  const roles = new RoleMembers(directory, security);
  const { seed, restore: restoreInitialState } = initialState(options, directory, clock.now(), security, roles);
  const persistence = new PersistenceRegistry(options.persist ? path.join(options.dataDir, organisationFileName) : undefined, originOf(options));
  // `reset` returns to the seed, so the seed's security configuration is taken before the file replaces it.
  const initialSecurity = security.snapshot();
  const mailboxes = new MailboxStore(directory);
  const calendars = new CalendarStore(directory);
  const teamsMessages = new TeamsMessageStore(directory);
  persistence.register(directory.persistable());
  persistence.register(persistableStore('security-config', security));
  persistence.register(persistableStore('mailboxes', mailboxes));
  persistence.register(persistableStore('calendars', calendars));
  persistence.register(persistableStore('teams-messages', teamsMessages));
  // Other state modules register here, before restore (see emulator/state/persistable.ts).
  await persistence.restore();
  // Users and groups written from now on enter the delta journal (the seeded ones are in every full round anyway).
  const deltaTokens = new DeltaTokens();
  directory.onChange((change) => deltaTokens.journal.record(change.tenantId, change.kind === 'user' ? 'users' : 'groups', change.id));
  const signer = new JwtSigner(keys);

  const ctx: EmulatorContext = {
    options,
    directory,
    security,
    roles,
    deltaTokens,
    clock,
    keys,
    signer,
    minter: new TokenMinter(signer, () => clock.offsetMillis),
    sealer: RefreshTokenSealer.open(options.dataDir),
    codes: new AuthorizationCodes(() => clock.now()),
    deviceCodes: new DeviceCodes(() => clock.now()),
    sessions: new SignInSessions(() => clock.now()),
    pending: new PendingRequests<PendingInteraction>(() => clock.now()),
    origin: createOriginResolver(options.publicUrl),
    requestLog: new RequestLog(),
    faults: new FaultInjector(),
    subscriptions: new GraphSubscriptions(directory, clock),
    mailboxes,
    calendars,
    teamsMessages,
    seed,
    persistence,
    reset() {
      restoreInitialState();
      security.load(initialSecurity);
      ctx.deltaTokens.clear();
      ctx.codes.clear();
      ctx.deviceCodes.clear();
      ctx.sessions.clear();
      ctx.pending.clear();
      ctx.faults.clear();
      ctx.subscriptions.clear();
      ctx.mailboxes.clear();
      ctx.calendars.clear();
      ctx.teamsMessages.clear();
      ctx.requestLog.clear();
      clock.reset();
      ctx.minter.forgetIssued();
    },
  };

  // Mail delivered in the organisation is a change Graph notifies subscribers of.
  ctx.mailboxes.onDelivered((message) => ctx.subscriptions.messageDelivered({ ownerId: message.ownerId, tenantId: directory.getUser(message.ownerId)!.tenantId, id: message.id }));

  const app = Fastify({
    https: { key: tls.keyPem, cert: tls.certPem, maxHeaderSize: 65_536 } as never,
    logger: options.log ? { level: 'info' } : false,
    bodyLimit,
    routerOptions: { maxParamLength: 500 },
  });

  // Protocol bodies are kept raw: duplicate parameters must be detected, which a parsed object would hide.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, body));
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  registerRequestContext(app);
  registerPersistence(app, ctx);
  registerGraphHeaders(app);
  registerFaultsAndLog(app, ctx);
  registerErrorHandling(app, ctx);
  registerDiscoveryRoutes(app, ctx);
  registerTokenEndpoint(app, ctx);
  registerInteractiveRoutes(app, ctx);
  registerDeviceCodeRoutes(app, ctx);
  registerAdvertisedEndpoints(app, ctx);
  registerControlRoutes(app, ctx);
  registerSubscriptionControlRoutes(app, ctx);
  registerSecurityConfigRoutes(app, ctx);
  registerBulkUserRoutes(app, ctx);
  registerGraphRoutes(app, ctx);
  registerSharePointRoutes(app, ctx);
  registerManageRoutes(app, ctx);

  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const displayHost = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `https://${displayHost}:${port}`,
    port,
    caPath: tls.caPath,
    caPem: tls.caPem,
    ctx,
    app,
    close: async () => {
      await app.close();
      await persistence.save();
    },
  };
}

const readOnly = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A request that changed the organisation is answered only once the organisation file holds the change, so a client
 * that saw the answer finds it after a kill. Reads cost nothing: the registry compares revisions before writing.
 */
function registerPersistence(app: FastifyInstance, ctx: EmulatorContext): void {
  app.addHook('onSend', async (request, _reply, payload) => {
    if (readOnly.has(request.method)) return payload;
    try {
      await ctx.persistence.save();
    } catch (error) {
      request.log.error({ err: error }, 'could not write the organisation file');
    }
    return payload;
  });
}

function registerFaultsAndLog(app: FastifyInstance, ctx: EmulatorContext): void {
  app.addHook('onRequest', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/_emulator/')) return;
    if (request.url.length - path.length > maxQueryLength) {
      return sendProtocolError(reply, aadsts.queryStringTooLong(), request.trace, ctx.origin(request));
    }
    const fault = ctx.faults.take(request.method, path);
    if (!fault) return;
    if (fault.delayMs) await delay(fault.delayMs);
    if (fault.retryAfter !== undefined) reply.header('retry-after', String(fault.retryAfter));
    reply.code(fault.status);
    if (fault.body !== undefined) return reply.send(fault.body);
    if (isGraphPath(path)) return reply.type('application/json').send(graphFaultBody(fault.status, graphTrace(request)));
    return reply.type('application/json; charset=utf-8').send(errorBody(aadsts.transient(fault.status), request.trace, ctx.origin(request)));
  });

  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/_emulator/')) return;
    const outcome = request.protocolOutcome ?? {};
    const tenant = outcome.tenant ?? (request.params as { tenant?: string } | undefined)?.tenant;
    ctx.requestLog.record({
      time: new Date().toISOString(),
      method: request.method,
      path,
      ...(tenant ? { tenant } : {}),
      ...(outcome.grantType ? { grant_type: outcome.grantType } : {}),
      ...(outcome.clientId ? { client_id: outcome.clientId } : {}),
      status: reply.statusCode,
      ...(outcome.error ? { error: outcome.error } : {}),
      ...(outcome.errorCode ? { error_code: outcome.errorCode } : {}),
    });
  });
}

function registerErrorHandling(app: FastifyInstance, ctx: EmulatorContext): void {
  app.setErrorHandler((error, request, reply) => {
    const isControl = request.url.startsWith('/_emulator/');
    if (error instanceof DirectoryError) return controlProblem(reply, error.status, error.message);
    const err = error as { statusCode?: number; code?: string; message?: string };
    if (isControl) {
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
      return controlProblem(reply, status, err.message ?? 'error');
    }
    // A Graph write whose body is not JSON (or too large) gets Graph's error shape, not an AADSTS body.
    if (isGraphPath(request.url.split('?')[0]!) && err.statusCode && err.statusCode < 500) {
      return sendGraphError(reply, graphErrors.badRequest(err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'The request body is too large.' : 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.'), graphTrace(request));
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || (err.statusCode && err.statusCode < 500)) {
      return sendProtocolError(reply, aadsts.malformedRequest(), request.trace, ctx.origin(request));
    }
    request.log.error(error);
    return sendProtocolError(reply, aadsts.transient(500), request.trace, ctx.origin(request));
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/_emulator/')) return controlProblem(reply, 404, `no control route ${request.method} ${request.url.split('?')[0]}`);
    // Graph's host answers a path without a version (`/me`, `/v1.0None`) 400 BadRequest "Invalid version." (captured
    // in microsoftgraph/msgraph-sample-blazor-clientside#94 and O365/python-o365#889); paths whose first segment
    // names a tenant belong to the identity platform and keep the emulator's own answer.
    if (!namesIdentityOrEmulatorArea(request.url.split('?')[0]!)) {
      setGraphHeaders(request, reply);
      return sendGraphError(reply, graphErrors.badRequest('Invalid version.'), graphTrace(request));
    }
    return reply.code(404).type('application/json; charset=utf-8').send({ error: 'not_found', error_description: `The emulator has no endpoint ${request.method} ${request.url.split('?')[0]}.` });
  });
}

/**
 * The identity platform's paths start with a tenant (GUID, domain, common/organizations/consumers); the rest are the
 * emulator's own areas. A first segment with a dot (a domain, `.well-known`, a file name) is not Graph's.
 */
function namesIdentityOrEmulatorArea(path: string): boolean {
  let first: string;
  try {
    first = decodeURIComponent(path.split('/')[1] ?? '').toLowerCase();
  } catch {
    return false;
  }
  if (/^(v\d|beta)/.test(first)) return false; // a mistyped Graph version (`/v1.0None`, `/v2.0/me`)
  return (
    ['common', 'organizations', 'consumers', '_emulator', '_sharepoint', 'api', ''].includes(first) ||
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(first) ||
    first.includes('.')
  );
}
