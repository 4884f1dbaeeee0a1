// The workspace's Microsoft 365 integration (admins and API keys only; members get 403): settings, Update
// Credentials (pending → promote), the generated setup guide and the admin consent URL.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../platform/config/config.js';
import { IdentityError, MODES, SERVICES, setupGuide, type PermissionMode, type Service, type ServiceSelection } from '../../microsoft/identity/index.js';
import type { CredentialInput } from './credential-material.js';
import type { IntegrationStore, IntegrationView } from './integration-store.js';
import type { CredentialView } from './credential-material.js';
import type { Clock } from '../../platform/time/clock.js';
import { NoContent, WorkspaceParams } from '../../contract/api-schemas.js';
import { auditContextOf, principalOf, workspaceOf } from '../../platform/http/authenticate.js';
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

export interface IntegrationRouteDeps {
  integrations: IntegrationStore;
  config: Config;
  clock: Clock;
}

const tags = ['microsoft 365 integration'];
const BASE = '/api/v1/workspaces/:workspaceId/integrations/m365';

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

async function requireIntegration(deps: IntegrationRouteDeps, workspaceId: string): Promise<IntegrationView> {
  const integration = await deps.integrations.get(workspaceId);
  if (!integration) throw new HttpProblem('not_found', { detail: 'This workspace has no Microsoft 365 integration. Create it with PUT …/integrations/m365.' });
  return integration;
}

export function registerIntegrationRoutes(server: FastifyInstance, deps: IntegrationRouteDeps): void {
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
        cloud: deps.config.cloud,
      });
      return { redirectUri, markdown: guide.markdown, steps: guide.steps };
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
