// The emulator's own control API under /_emulator (JSON). It is not part of Microsoft's surface: tests and the
// hub's demo use it to shape the organisation, move the clock, inject faults and read what clients did.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../server/emulator-context.js';
import { DirectoryError } from '../state/directory-store.js';
import { decideConsentRequest } from '../state/consent-request-decision.js';
import { statusOf } from '../state/consent-requests.js';
import type { DirectorySnapshot } from '../state/directory-types.js';
import { jsonBody, jsonPieces } from '../state/json-chunks.js';
import { listConsentRequests } from './consent-request-listing.js';

const tenantBody = z.object({ id: z.string().optional(), displayName: z.string().min(1).optional(), domain: z.string().min(3).optional() });
export const userBody = z.object({
  id: z.string().optional(),
  userPrincipalName: z.string(),
  displayName: z.string().optional(),
  givenName: z.string().optional(),
  surname: z.string().optional(),
  password: z.string().min(1).optional(),
  mail: z.string().optional(),
  jobTitle: z.string().optional(),
  accountEnabled: z.boolean().optional(),
  isAdmin: z.boolean().optional(),
});
const groupBody = z.object({ id: z.string().optional(), displayName: z.string().min(1), mailNickname: z.string().optional(), memberIds: z.array(z.string()).optional() });
const applicationBody = z.object({
  appId: z.string().optional(),
  displayName: z.string().min(1),
  signInAudience: z.enum(['AzureADMyOrg', 'AzureADMultipleOrgs']).optional(),
  redirectUris: z.array(z.string()).optional(),
  appRoleAssignmentRequired: z.boolean().optional(),
  requiredPermissions: z.object({ delegated: z.array(z.string()).optional(), application: z.array(z.string()).optional() }).optional(),
});
const uriList = z.array(z.string());
const applicationChangesBody = z
  .object({ redirectUris: uriList.optional(), spaRedirectUris: uriList.optional(), publicClientRedirectUris: uriList.optional(), appRoleAssignmentRequired: z.boolean().optional(), isFallbackPublicClient: z.boolean().optional() })
  .strict();
const servicePrincipalChangesBody = z.object({ appRoleAssignmentRequired: z.boolean() }).strict();
const workflowBody = z.object({ isEnabled: z.boolean(), requestDurationInDays: z.number().int().optional() }).strict();
const newConsentRequestBody = z.object({ appId: z.string().min(1), userId: z.string().min(1), reason: z.string().min(1), scopes: z.array(z.string()).optional() }).strict();
const decisionBody = z
  .object({ result: z.enum(['Approve', 'Deny']), userConsentRequestId: z.string().optional(), justification: z.string().optional(), reviewerId: z.string().optional() })
  .strict();
const secretBody = z.object({ endDateTime: z.string().optional(), displayName: z.string().optional() });
const certificateBody = z.object({ certificatePem: z.string().min(1), displayName: z.string().optional() });
const assignmentBody = z.object({ userId: z.string().min(1) });
const grantBody = z.object({ appId: z.string().min(1), scopes: z.array(z.string()).optional(), roles: z.array(z.string()).optional(), principalId: z.string().optional() });
const clockBody = z.object({ advanceSeconds: z.number().finite() });
const faultBody = z.object({
  method: z.string().optional(),
  pathPattern: z.string().min(1),
  status: z.number().int().min(100).max(599),
  count: z.number().int().min(1).default(1),
  retryAfter: z.number().int().min(0).optional(),
  delayMs: z.number().int().min(0).max(120_000).optional(),
  body: z.unknown().optional(),
});

type Tid = { Params: { tid: string } };
type TidApp = { Params: { tid: string; appId: string } };
type TidUser = { Params: { tid: string; id: string } };

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new DirectoryError(400, z.prettifyError(result.error));
  return result.data;
}

/** zod leaves optional keys as undefined; exactOptionalPropertyTypes wants them absent. */
function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as never;
}

export function controlProblem(reply: FastifyReply, status: number, message: string) {
  return reply.code(status).send({ error: { code: status === 404 ? 'not_found' : status === 409 ? 'conflict' : 'bad_request', message } });
}

export function registerControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const { directory } = ctx;

  app.get('/_emulator/health', async () => ({ status: 'ok' }));
  // The summary lists every seeded user (100,000 with --users 100000): streamed in chunks rather than made one string.
  // It never changes after the start, so a slow reader still gets one consistent summary.
  app.get('/_emulator/seed', async (_request, reply) =>
    ctx.seed ? reply.type('application/json; charset=utf-8').send(jsonBody(jsonPieces(ctx.seed))) : controlProblem(reply, 404, 'the emulator was not started with a seed (--seed demo)'),
  );

  app.post('/_emulator/tenants', async (request, reply) => {
    const tenant = directory.createTenant(parse(tenantBody, request.body));
    return reply.code(201).send({ id: tenant.id, domain: tenant.domains[0], displayName: tenant.displayName });
  });
  app.get('/_emulator/tenants', async () => ({ value: directory.listTenants() }));

  app.post<Tid>('/_emulator/tenants/:tid/users', async (request, reply) => {
    const user = directory.createUser(request.params.tid, parse(userBody, request.body));
    return reply.code(201).send({ id: user.id, userPrincipalName: user.userPrincipalName });
  });
  app.post<TidUser>('/_emulator/tenants/:tid/users/:id/revokeSignInSessions', async (request, reply) => {
    const tenant = directory.requireTenant(request.params.tid);
    directory.revokeSignInSessions(tenant.id, request.params.id, ctx.clock.now());
    return reply.code(204).send();
  });

  app.post<Tid>('/_emulator/tenants/:tid/groups', async (request, reply) => {
    const group = directory.createGroup(request.params.tid, parse(groupBody, request.body));
    return reply.code(201).send({ id: group.id, displayName: group.displayName });
  });

  app.post<Tid>('/_emulator/tenants/:tid/applications', async (request, reply) => {
    const body = parse(applicationBody, request.body);
    const created = directory.createApplication(request.params.tid, {
      displayName: body.displayName,
      ...(body.appId ? { appId: body.appId } : {}),
      ...(body.signInAudience ? { signInAudience: body.signInAudience } : {}),
      ...(body.redirectUris ? { redirectUris: body.redirectUris } : {}),
      ...(body.appRoleAssignmentRequired !== undefined ? { appRoleAssignmentRequired: body.appRoleAssignmentRequired } : {}),
      ...(body.requiredPermissions ? { requiredGraphAccess: { delegated: body.requiredPermissions.delegated ?? [], application: body.requiredPermissions.application ?? [] } } : {}),
    });
    return reply.code(201).send({ appId: created.appId, id: created.id });
  });
  // The registration's redirect URIs per platform and "Assignment required?" in its home tenant.
  app.patch<TidApp>('/_emulator/tenants/:tid/applications/:appId', async (request) => {
    const tenant = directory.requireTenant(request.params.tid);
    const body = parse(applicationChangesBody, request.body);
    const changed = directory.updateApplication(tenant.id, request.params.appId, stripUndefined(body));
    const sp = directory.servicePrincipal(tenant.id, changed.appId);
    return {
      appId: changed.appId,
      redirectUris: changed.redirectUris,
      spaRedirectUris: changed.spaRedirectUris ?? [],
      publicClientRedirectUris: changed.publicClientRedirectUris ?? [],
      isFallbackPublicClient: changed.isFallbackPublicClient ?? false,
      appRoleAssignmentRequired: sp?.appRoleAssignmentRequired ?? changed.appRoleAssignmentRequired,
    };
  });
  // "Assignment required?" of the enterprise application in any tenant where it exists (a customer's tenant too).
  app.patch<TidApp>('/_emulator/tenants/:tid/servicePrincipals/:appId', async (request) => {
    const tenant = directory.requireTenant(request.params.tid);
    const sp = directory.setAssignmentRequired(tenant.id, request.params.appId, parse(servicePrincipalChangesBody, request.body).appRoleAssignmentRequired);
    return { id: sp.id, appId: sp.appId, appRoleAssignmentRequired: sp.appRoleAssignmentRequired };
  });

  app.get<Tid>('/_emulator/tenants/:tid/adminConsentWorkflow', async (request) => directory.adminConsentPolicy(directory.requireTenant(request.params.tid).id));
  app.put<Tid>('/_emulator/tenants/:tid/adminConsentWorkflow', async (request) => {
    const body = parse(workflowBody, request.body);
    return directory.setAdminConsentWorkflow(directory.requireTenant(request.params.tid).id, stripUndefined(body));
  });
  app.get<Tid>('/_emulator/tenants/:tid/consentRequests', async (request) => ({ value: listConsentRequests(ctx, directory.requireTenant(request.params.tid).id) }));
  // A request as "Request approval" records it, for tests that do not drive the pages.
  app.post<Tid>('/_emulator/tenants/:tid/consentRequests', async (request, reply) => {
    const tenant = directory.requireTenant(request.params.tid);
    const body = parse(newConsentRequestBody, request.body);
    const policy = directory.adminConsentPolicy(tenant.id);
    if (!policy.isEnabled) throw new DirectoryError(409, `the admin consent workflow is off in tenant ${tenant.id}: PUT /_emulator/tenants/${tenant.id}/adminConsentWorkflow {"isEnabled":true} first`);
    const user = directory.requireUser(tenant.id, body.userId);
    const application = directory.getApplication(body.appId);
    if (!application) throw new DirectoryError(404, `application ${body.appId} not found`);
    const scopes = body.scopes ?? application.requiredGraphAccess.delegated;
    const { app: record, user: userRequest } = directory.consentRequests.submit(
      { tenantId: tenant.id, appId: application.appId, userId: user.id, reason: body.reason, scopes, consentType: body.scopes ? 'Dynamic' : 'Static', now: ctx.clock.now() },
      policy.requestDurationInDays,
    );
    return reply.code(201).send({ id: record.id, userConsentRequestId: userRequest.id, stageId: userRequest.stageId });
  });
  // Approve or deny as a reviewer in the admin center would; without userConsentRequestId, the newest in progress.
  app.post<{ Params: { tid: string; id: string } }>('/_emulator/tenants/:tid/consentRequests/:id/decision', async (request, reply) => {
    const tenant = directory.requireTenant(request.params.tid);
    const body = parse(decisionBody, request.body);
    const record = directory.consentRequests.find(tenant.id, request.params.id);
    if (!record) throw new DirectoryError(404, `no consent request ${request.params.id} in tenant ${tenant.id}`);
    const policy = directory.adminConsentPolicy(tenant.id);
    const target = body.userConsentRequestId
      ? record.userConsentRequests.find((u) => u.id === body.userConsentRequestId!.toLowerCase())
      : [...record.userConsentRequests].reverse().find((u) => statusOf(u, ctx.clock.now(), policy.requestDurationInDays) === 'InProgress');
    if (!target) throw new DirectoryError(body.userConsentRequestId ? 404 : 409, body.userConsentRequestId ? `no user consent request ${body.userConsentRequestId}` : 'no user consent request of it is in progress');
    const reviewer = body.reviewerId ? directory.requireUser(tenant.id, body.reviewerId) : directory.usersOf(tenant.id).find((u) => directory.isAdmin(u));
    if (!reviewer) throw new DirectoryError(409, `tenant ${tenant.id} has no administrator to review the request; name reviewerId`);
    decideConsentRequest(directory, {
      tenantId: tenant.id,
      appConsentRequestId: record.id,
      userConsentRequestId: target.id,
      result: body.result,
      justification: body.justification ?? '',
      reviewer: { id: reviewer.id, displayName: reviewer.displayName, userPrincipalName: reviewer.userPrincipalName, mail: reviewer.mail ?? '' },
      now: ctx.clock.now(),
    });
    return reply.code(204).send();
  });

  app.post<TidApp>('/_emulator/tenants/:tid/applications/:appId/secrets', async (request, reply) => {
    const tenant = directory.requireTenant(request.params.tid);
    const body = parse(secretBody, request.body);
    const secret = directory.addSecret(tenant.id, request.params.appId, { ...(body.endDateTime ? { endDateTime: body.endDateTime } : {}), ...(body.displayName ? { displayName: body.displayName } : {}) }, ctx.clock.now());
    return reply.code(201).send(secret);
  });
  app.post<TidApp>('/_emulator/tenants/:tid/applications/:appId/certificates', async (request, reply) => {
    const tenant = directory.requireTenant(request.params.tid);
    const body = parse(certificateBody, request.body);
    return reply.code(201).send(directory.addCertificate(tenant.id, request.params.appId, { certificatePem: body.certificatePem, ...(body.displayName ? { displayName: body.displayName } : {}) }));
  });
  app.post<TidApp>('/_emulator/tenants/:tid/applications/:appId/assignments', async (request, reply) => {
    const tenant = directory.requireTenant(request.params.tid);
    directory.assignUser(tenant.id, request.params.appId, parse(assignmentBody, request.body).userId);
    return reply.code(204).send();
  });

  app.delete<{ Params: { tid: string; appId: string; userId: string } }>('/_emulator/tenants/:tid/applications/:appId/assignments/:userId', async (request, reply) => {
    directory.unassignUser(directory.requireTenant(request.params.tid).id, request.params.appId, request.params.userId);
    return reply.code(204).send();
  });

  app.post<Tid>('/_emulator/tenants/:tid/grants', async (request, reply) => {
    const tenant = directory.requireTenant(request.params.tid);
    const body = parse(grantBody, request.body);
    if (body.principalId) directory.requireUser(tenant.id, body.principalId);
    if (body.scopes?.length) directory.grantDelegated(tenant.id, body.appId, body.scopes, body.principalId ? directory.requireUser(tenant.id, body.principalId).id : undefined);
    if (body.roles?.length) directory.grantApplication(tenant.id, body.appId, body.roles);
    if (!body.scopes?.length && !body.roles?.length) {
      const app = directory.getApplication(body.appId);
      if (!app) throw new DirectoryError(404, `application ${body.appId} not found`);
      directory.ensureServicePrincipal(tenant.id, app);
    }
    return reply.code(204).send();
  });
  app.delete<TidApp>('/_emulator/tenants/:tid/grants/:appId', async (request, reply) => {
    directory.withdrawConsent(directory.requireTenant(request.params.tid).id, request.params.appId);
    return reply.code(204).send();
  });

  app.get('/_emulator/clock', async () => ({ now: new Date(ctx.clock.now()).toISOString(), offsetSeconds: ctx.clock.offsetSeconds }));
  app.post('/_emulator/clock', async (request, reply) => {
    ctx.clock.advance(parse(clockBody, request.body).advanceSeconds);
    return reply.code(204).send();
  });

  app.get('/_emulator/faults', async () => ({ value: ctx.faults.list() }));
  app.post('/_emulator/faults', async (request, reply) => {
    const body = parse(faultBody, request.body);
    try {
      new RegExp(body.pathPattern);
    } catch {
      throw new DirectoryError(400, `pathPattern is not a valid regular expression: ${body.pathPattern}`);
    }
    ctx.faults.add({ ...body, pathPattern: body.pathPattern } as Parameters<typeof ctx.faults.add>[0]);
    return reply.code(204).send();
  });
  app.delete('/_emulator/faults', async (_request, reply) => {
    ctx.faults.clear();
    return reply.code(204).send();
  });

  app.get<{ Querystring: { limit?: string } }>('/_emulator/requests', async (request) => {
    const limit = Number.parseInt(request.query.limit ?? '100', 10);
    return { value: ctx.requestLog.recent(Number.isFinite(limit) ? limit : 100) };
  });

  app.post('/_emulator/reset', async (_request, reply) => {
    ctx.reset();
    return reply.code(204).send();
  });

  app.get('/_emulator/state', async () => directory.snapshot());
  // An exported organisation of 100,000 users is tens of megabytes: no 256 KiB cap here (the server's limit is for
  // protocol and Graph requests).
  app.post('/_emulator/state', { bodyLimit: 1024 * 1024 * 1024 }, async (request, reply) => {
    directory.load(request.body as DirectorySnapshot);
    return reply.code(204).send();
  });

  app.post('/_emulator/keys/rollover', async (_request, reply) => {
    const key = await ctx.keys.rollover();
    return reply.code(201).send({ kid: key.kid, published: ctx.keys.published.map((k) => k.kid) });
  });
}
