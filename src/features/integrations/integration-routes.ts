// The workspace's Microsoft 365 integration (admins and API keys only; members get 403): settings, Update
// Credentials (pending → promote), the generated setup guide and the admin consent URL.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../platform/config/config.js';
import { ConnectError } from '../connect/connect-error.js';
import type { ConnectFlow } from '../connect/connect-flow.js';
import { checkReturnTo } from '../connect/return-to.js';
import { IdentityError, MODES, SERVICES, setupGuide, type PermissionMode, type Service, type ServiceSelection } from '../../microsoft/identity/index.js';
import type { CredentialInput } from './credential-material.js';
import type { IntegrationStore, IntegrationView } from './integration-store.js';
import type { CredentialView } from './credential-material.js';
import type { Clock } from '../../platform/time/clock.js';
import { NoContent, WorkspaceParams } from '../../contract/api-schemas.js';
import { auditContextOf, principalOf, workspaceOf } from '../access/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import {
  AdminConsentLink,
  ConnectLinkBody,
  Credential,
  CredentialBody,
  Integration,
  PutIntegrationBody,
  SetupGuideQuery,
  SetupGuideResource,
  type Credential as CredentialResource,
  type Integration as IntegrationResource,
} from '../../contract/integration-schemas.js';
import { setBrowserBinding } from '../connect/m365-auth-routes.js';
import { workspaceUrl } from '../workspaces/workspace-subdomain.js';
import { ADMIN_CONSENT_LINK_PATH, createAdminConsentLink } from '../connect/connect-links.js';
import { recordAudit } from '../audit/audit-log.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';

/** What the composition root builds for these routes. */
export interface M365Services {
  integrations: IntegrationStore;
  connect: ConnectFlow;
}

export interface M365RouteDeps extends M365Services {
  config: Config;
  clock: Clock;
  db: Kysely<Database>;
}

const tags = ['microsoft 365 integration'];
const BASE = '/api/v1/workspaces/:workspaceId/integrations/m365';

/** Errors of the identity and connect layers as problems (their messages are catalogue text, never secrets). */
export function m365Problem(error: unknown): unknown {
  if (error instanceof ConnectError) {
    const code = error.code === 'integration_not_configured' || error.code === 'no_delegated_services' || error.code === 'return_to_not_allowed' ? error.code : 'validation_failed';
    return new HttpProblem(code, { detail: `${error.userMessage} ${error.fix}` });
  }
  if (error instanceof IdentityError && error.code === 'redirect_uri_not_configured') {
    return new HttpProblem('redirect_uri_not_configured', { detail: `${error.userMessage} ${error.fix}` });
  }
  return error;
}

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

export const credentialResource = (c: CredentialView): CredentialResource => ({ ...c, expiresAt: isoOrNull(c.expiresAt), createdAt: iso(c.createdAt) });

export const integrationResource = (i: IntegrationView): IntegrationResource => ({
  id: i.id,
  clientId: i.clientId,
  azureTenantId: i.azureTenantId,
  tenant: i.tenant,
  redirectUri: i.redirectUri,
  effectiveRedirectUri: i.effectiveRedirectUri,
  services: i.services.map((s) => ({ service: s.service, modes: [...s.modes] })),
  allowedSites: i.allowedSites,
  dynamicsOrg: i.dynamicsOrg,
  returnOrigins: i.returnOrigins,
  credential: i.credential && credentialResource(i.credential),
  pendingCredential: i.pendingCredential && credentialResource(i.pendingCredential),
  adminConsent: i.adminConsent && { grantedAt: iso(i.adminConsent.grantedAt), tenant: i.adminConsent.tenant },
  health: { status: i.health.status, checkedAt: isoOrNull(i.health.checkedAt) },
  createdAt: iso(i.createdAt),
  updatedAt: iso(i.updatedAt),
});

/** Exactly one of a secret or a certificate; undefined when neither was sent and `optional`. */
function credentialOf(body: CredentialBody, optional: boolean): CredentialInput | undefined {
  if (body.clientSecret !== undefined && body.certificate !== undefined) {
    throw new HttpProblem('validation_failed', { detail: 'Send either clientSecret or certificate, not both.', errors: [{ pointer: '/body/certificate', detail: 'conflicts with clientSecret' }] });
  }
  if (body.clientSecret !== undefined) {
    return { kind: 'secret', clientSecret: body.clientSecret, expiresAt: body.secretExpiresAt ? new Date(body.secretExpiresAt) : null };
  }
  if (body.certificate !== undefined) {
    if (body.secretExpiresAt) throw new HttpProblem('validation_failed', { detail: "secretExpiresAt is for a client secret; a certificate's expiry is read from it." });
    return { kind: 'certificate', ...body.certificate };
  }
  if (optional) return undefined;
  throw new HttpProblem('validation_failed', { detail: 'Send clientSecret or certificate.', errors: [{ pointer: '/body/clientSecret', detail: 'is required (or certificate)' }] });
}

async function requireIntegration(deps: M365RouteDeps, workspaceId: string): Promise<IntegrationView> {
  const integration = await deps.integrations.get(workspaceId);
  if (!integration) throw new HttpProblem('not_found', { detail: 'This workspace has no Microsoft 365 integration. Create it with PUT …/integrations/m365.' });
  return integration;
}

/** The hub as this request addressed it; BACKEND_URL wins when set (the hub may sit behind a proxy). */
export function hubOrigin(request: FastifyRequest, config: Config): string {
  return config.backendUrl ? new URL(config.backendUrl).origin : `${request.protocol}://${request.host}`;
}

export function registerIntegrationRoutes(server: FastifyInstance, deps: M365RouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const admin = { access: 'workspace_admin' as const };

  api.get(BASE, { config: admin, schema: { tags, summary: "The workspace's Microsoft 365 integration (secrets are never shown)", params: WorkspaceParams, response: { 200: Integration } } }, async (request) =>
    integrationResource(await requireIntegration(deps, workspaceOf(request).id)),
  );

  api.put(
    BASE,
    {
      config: admin,
      schema: {
        tags,
        summary: 'Create or replace the integration; a credential (clientSecret or certificate) is required on create and replaces the active one on update',
        params: WorkspaceParams,
        body: PutIntegrationBody,
        response: { 200: Integration, 201: Integration },
      },
    },
    async (request, reply) => {
      const { clientSecret, secretExpiresAt, certificate, ...settings } = request.body;
      const credential = credentialOf({ clientSecret, secretExpiresAt, certificate }, true);
      const { integration, created } = await deps.integrations.put(workspaceOf(request).id, { ...settings, ...(credential ? { credential } : {}) }, auditContextOf(request, deps.clock));
      return reply.code(created ? 201 : 200).send(integrationResource(integration));
    },
  );

  api.delete(BASE, { config: admin, schema: { tags, summary: 'Delete the integration and its credentials', params: WorkspaceParams, response: { 204: NoContent } } }, async (request, reply) => {
    await deps.integrations.delete(workspaceOf(request).id, auditContextOf(request, deps.clock));
    return reply.code(204).send(null);
  });

  api.post(
    `${BASE}/credentials`,
    {
      config: admin,
      schema: {
        tags,
        summary: 'Update Credentials, step 1: add a new secret or certificate as pending (the active one keeps working); test it, then promote it',
        params: WorkspaceParams,
        body: CredentialBody,
        response: { 201: Credential },
      },
    },
    async (request, reply) => {
      const credential = await deps.integrations.addPendingCredential(workspaceOf(request).id, credentialOf(request.body, false)!, auditContextOf(request, deps.clock));
      return reply.code(201).send(credentialResource(credential));
    },
  );

  api.post(
    `${BASE}/credentials/promote`,
    { config: admin, schema: { tags, summary: 'Update Credentials, step 2: the pending credential becomes active, the old one is retired', params: WorkspaceParams, response: { 200: Integration } } },
    async (request) => integrationResource(await deps.integrations.promotePendingCredential(workspaceOf(request).id, auditContextOf(request, deps.clock))),
  );

  api.delete(
    `${BASE}/credentials/pending`,
    { config: admin, schema: { tags, summary: 'Discard the pending credential', params: WorkspaceParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await deps.integrations.discardPendingCredential(workspaceOf(request).id, auditContextOf(request, deps.clock));
      return reply.code(204).send(null);
    },
  );

  api.get(
    `${BASE}/setup-guide`,
    {
      config: admin,
      schema: {
        tags,
        summary: 'What to register in the Microsoft Entra admin center (markdown and structured steps), from the permission catalogue; `services` previews a choice not saved yet',
        params: WorkspaceParams,
        querystring: SetupGuideQuery,
        response: { 200: SetupGuideResource },
      },
    },
    async (request) => {
      const integration = await deps.integrations.get(workspaceOf(request).id);
      const redirectUri = integration ? integration.effectiveRedirectUri : (deps.integrations.redirectUriOf(null) ?? null);
      const preview = request.query.services !== undefined ? servicesOfQuery(request.query.services) : undefined;
      const guide = setupGuide({
        services: preview ?? integration?.services ?? [],
        // The guide still renders without one; the step then says to configure it first.
        redirectUri: redirectUri ?? '(not configured: set BACKEND_URL, M365_REDIRECT_URI or the integration redirect URI)',
        ...(integration?.azureTenantId ? { tenant: integration.azureTenantId } : {}),
      });
      return { redirectUri, markdown: guide.markdown, steps: guide.steps };
    },
  );

  // The host product's "Approval required" page: a link its backend asks for with the API key and shows (or sends) to
  // the customer's tenant administrator, who needs no console account. Single use, 24 hours; opening it starts
  // Microsoft's admin consent in that administrator's browser.
  api.post(
    `${BASE}/admin-consent-link`,
    {
      config: admin,
      schema: {
        tags,
        summary: "A single-use admin consent link (24 hours) for a tenant administrator who is not a console user; it starts Microsoft's admin consent in their browser",
        params: WorkspaceParams,
        body: Type.Optional(ConnectLinkBody),
        response: { 201: AdminConsentLink },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      let returnTo: string | null = null;
      try {
        // Without one, the administrator ends on the workspace's own URL (when FRONTEND_URL is set), not a dead end.
        returnTo = request.body?.returnTo ? await checkedReturnTo(deps, request, workspaceId, request.body.returnTo) : ((await workspaceHome(deps, workspaceId)) ?? null);
        if (!(await deps.integrations.get(workspaceId))) throw new HttpProblem('integration_not_configured');
      } catch (error) {
        throw m365Problem(error);
      }
      const { token, expiresAt } = await createAdminConsentLink(deps.db, { workspaceId, returnTo }, deps.clock.now());
      await recordAudit(deps.db, { workspaceId, ...auditContextOf(request, deps.clock), action: 'integration.admin_consent_link_created', target: { type: 'm365_integration', id: workspaceId } });
      return reply
        .code(201)
        .header('cache-control', 'no-store')
        .send({ url: `${hubOrigin(request, deps.config)}${ADMIN_CONSENT_LINK_PATH}/${token}`, expiresAt: expiresAt.toISOString() });
    },
  );

  // Console admins only: the state is bound to the browser that asks (a cookie set on this answer), so the link
  // works in that browser; an API key has no browser to bind to (it asks for …/admin-consent-link instead).
  api.get(
    `${BASE}/admin-consent-url`,
    {
      config: {
        access: 'workspace_admin_user',
        forbiddenForApiKey:
          "Microsoft's admin consent URL is bound to the browser that asks for it, so only a signed-in console admin gets it. With an API key, ask for a single-use admin consent link instead: POST …/integrations/m365/admin-consent-link.",
      },
      schema: {
        tags,
        summary: "Microsoft's admin consent URL for the integration (single use, 10 minutes); open it in the same browser",
        params: WorkspaceParams,
        querystring: Type.Object({ returnTo: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })) }, { additionalProperties: false }),
        response: { 200: AdminConsentLink },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const principal = principalOf(request);
      try {
        const returnTo = request.query.returnTo ? await checkedReturnTo(deps, request, workspaceId, request.query.returnTo) : null;
        const binding = setBrowserBinding(request, reply);
        const { url, expiresAt } = await deps.connect.startAdminConsent({
          workspaceId,
          startedBy: principal.kind === 'user' ? { kind: 'console_user', id: principal.user.id } : null,
          returnTo,
          browserBinding: binding,
        });
        return reply.header('cache-control', 'no-store').send({ url: url.toString(), expiresAt: expiresAt.toISOString() });
      } catch (error) {
        throw m365Problem(error);
      }
    },
  );
}

/**
 * `?services=onedrive.delegated,directory.application`: the services ticked in the console's form before they are
 * saved, so the guide follows them.
 */
function servicesOfQuery(text: string): ServiceSelection[] {
  const selections = new Map<Service, PermissionMode[]>();
  for (const item of text.split(',').filter(Boolean)) {
    const [service, mode] = item.split('.') as [string, string | undefined];
    if (!(SERVICES as readonly string[]).includes(service) || !(MODES as readonly (string | undefined)[]).includes(mode)) {
      throw new HttpProblem('validation_failed', {
        detail: `services: "${item}" is not service.mode (services: ${SERVICES.join(', ')}; modes: delegated, application).`,
        errors: [{ pointer: '/querystring/services', detail: 'expected a comma-separated list of service.mode' }],
      });
    }
    const modes = selections.get(service as Service) ?? [];
    selections.set(service as Service, [...modes, mode as PermissionMode]);
  }
  return [...selections].map(([service, modes]) => ({ service, modes }));
}

/**
 * The workspace's own URL (its subdomain of FRONTEND_URL), undefined without FRONTEND_URL. Flows that end in the
 * host product go back there, never to the root domain.
 */
export async function workspaceHome(deps: M365RouteDeps, workspaceId: string): Promise<string | undefined> {
  if (!deps.config.frontendUrl) return undefined;
  const row = await deps.db.selectFrom('workspaces').select('subdomain').where('id', '=', workspaceId).executeTakeFirst();
  return row ? workspaceUrl(deps.config.frontendUrl, row.subdomain) : undefined;
}

/**
 * returnTo checked against the workspace's own URL (allowed automatically), the hub's origin (and BACKEND_URL) and
 * the workspace's returnOrigins. The root FRONTEND_URL is not a workspace's home and is refused.
 */
export async function checkedReturnTo(deps: M365RouteDeps, request: FastifyRequest, workspaceId: string, returnTo: string): Promise<string> {
  const integration = await deps.integrations.get(workspaceId);
  const allowed = [await workspaceHome(deps, workspaceId), deps.config.backendUrl, `${request.protocol}://${request.host}`, ...(integration?.returnOrigins ?? [])].filter(
    (o): o is string => Boolean(o),
  );
  return checkReturnTo(returnTo, hubOrigin(request, deps.config), allowed);
}
