// The hub's HTTP server as the features make it: the platform's server plumbing, given the authenticators that
// console-auth and api-keys own and every feature's routes in one list. Production and tests build it here.
import type { FastifyInstance } from 'fastify';
import { buildServer, type ServerDeps } from '../platform/http/server.js';
import type { Authenticators } from '../platform/http/authenticate.js';
import type { JobQueue } from '../platform/jobs/job-queue.js';
import { ApiKeyAuthenticator, registerApiKeyRoutes } from '../features/api-keys/index.js';
import { registerAuditRoutes } from '../features/audit/index.js';
import { registerAccessReviewRoutes, registerComplianceRoutes, registerDriftRoutes, registerSyncRoutes, type ComplianceEventType } from '../features/compliance/index.js';
import type { EventPublisher } from '../platform/events/event-publisher.js';
import { registerConnectRoutes, type M365Services } from '../features/connect/index.js';
import { csrfTokenMatches, registerAuthRoutes, resumeSession, SESSION_COOKIE, setSessionCookie, SignInLimiter } from '../features/console-auth/index.js';
import { registerTestConnectionRoutes, type TestConnectionServices } from '../features/health/index.js';
import { registerIntegrationRoutes } from '../features/integrations/index.js';
import { registerJobRoutes } from '../features/jobs/index.js';
import { registerWebhookRoutes, type WebhookServices } from '../features/webhooks/index.js';
import { registerConsentRequestRoutes, type ConsentRequestServices } from '../features/consent-requests/index.js';
import { registerAttachmentRoutes, registerFilesRoutes, type AttachmentService, type FilesBrowser } from '../features/files/index.js';
import { registerMemberRoutes, registerWorkspaceRoutes } from '../features/workspaces/index.js';
import { registerSubscriptionRoutes, type SubscriptionServices } from '../features/subscriptions/index.js';
import { registerActionRoutes, type ActionServices } from '../features/actions/index.js';
import { ProxyPolicy, registerProxyRoutes, registerProxySettingsRoutes, type ProxyServices } from '../features/proxy/index.js';
import { registerPickerApiRoutes, registerPickerRoutes } from '../features/picker/index.js';
import { registerTenantRoutes, type TenantServices } from '../features/tenants/index.js';
import { registerSiteGrantRoutes, type SiteGrantDeps } from '../features/site-grants/index.js';

export interface HubServerDeps extends Omit<ServerDeps, 'authenticators' | 'routes'> {
  /** Microsoft 365 integration settings and the connect flows; their routes exist only when given. */
  m365?: M365Services;
  /** Test Connection and health routes (they enqueue jobs); the routes exist only when given. */
  healthChecks?: TestConnectionServices;
  /** Webhook endpoint routes; they exist only when given. */
  webhooks?: WebhookServices;
  /** The admin consent requests route (reads Microsoft Graph as the workspace's app); it exists only when given. */
  consentRequests?: ConsentRequestServices;
  /** Graph change-notification subscriptions and Graph's notification endpoints; they exist only when given. */
  subscriptions?: SubscriptionServices;
  /** Typed actions in Microsoft 365 (mail); they exist only when given. */
  actions?: ActionServices;
  /** The Microsoft Graph pass-through and its policy; they exist only when given. */
  proxy?: ProxyServices;
  /** Browsing users' Microsoft 365 files and the attachments of records; the routes exist only when given. */
  files?: { browser: FilesBrowser; attachments: AttachmentService };
  /** Compliance syncs of tenants (they need the job queue); the routes exist only when given. */
  complianceSyncs?: { queue: JobQueue };
  /** Announces compliance drift found when a snapshot arrives; without it drift is recorded silently. */
  complianceEvents?: EventPublisher<ComplianceEventType>;
  /** The hosted file picker (needs `files`): its signing keys and the origins a workspace's picker may answer to. */
  picker?: { keys: readonly Buffer[]; allowedOrigins(workspaceId: string): Promise<string[]> };
  /** A workspace's customer tenants (list, label, pause, remove, test); the routes exist only when given. */
  tenants?: TenantServices;
  /** Granting the integration's app its allowed SharePoint sites (Sites.Selected); the route exists only when given. */
  siteGrants?: SiteGrantDeps;
}

export async function buildHubServer(deps: HubServerDeps): Promise<FastifyInstance> {
  const { config, clock } = deps;
  const db = deps.store.db;
  const apiKeys = new ApiKeyAuthenticator(db, clock);
  const authenticators: Authenticators = {
    sessionCookie: SESSION_COOKIE,
    apiKey: (token) => apiKeys.authenticate(token),
    session: (cookie) => resumeSession({ db, clock, ttlSeconds: config.sessionTtlSeconds }, cookie),
    renewSessionCookie: setSessionCookie,
    csrfTokenMatches,
  };
  const routes: Array<(server: FastifyInstance) => void> = [
    (server) => registerAuthRoutes(server, { db, clock, config, limiter: new SignInLimiter({ db, clock }) }),
    (server) => registerWorkspaceRoutes(server, { db, clock, frontendUrl: config.frontendUrl, onDeleted: (id) => apiKeys.forgetWorkspace(id) }),
    (server) => registerMemberRoutes(server, { db, clock }),
    (server) => registerApiKeyRoutes(server, { db, clock, onRevoked: (id) => apiKeys.forget(id) }),
    (server) => registerAuditRoutes(server, { db }),
    (server) => registerJobRoutes(server, { jobs: deps.jobs }),
    (server) => registerComplianceRoutes(server, { db, clock, events: deps.complianceEvents }),
    (server) => registerDriftRoutes(server, { db, clock, events: deps.complianceEvents }),
    (server) => registerAccessReviewRoutes(server, { db, clock }),
  ];
  if (deps.m365) {
    const m365 = { db, clock, config, ...deps.m365 };
    routes.push((server) => registerIntegrationRoutes(server, m365), (server) => registerConnectRoutes(server, m365));
  }
  const { healthChecks, webhooks } = deps;
  if (healthChecks) routes.push((server) => registerTestConnectionRoutes(server, { db, clock, ...healthChecks }));
  if (webhooks) routes.push((server) => registerWebhookRoutes(server, { db, clock, ...webhooks }));
  const { consentRequests } = deps;
  const { subscriptions, actions, proxy } = deps;
  if (proxy) {
    const policy = new ProxyPolicy(db, proxy.enabledServices);
    routes.push((server) => registerProxyRoutes(server, { db, clock, policy, ...proxy }), (server) => registerProxySettingsRoutes(server, { db, clock, policy }));
  }
  if (actions) routes.push((server) => registerActionRoutes(server, { db, clock, ...actions }));
  const { complianceSyncs } = deps;
  if (complianceSyncs) routes.push((server) => registerSyncRoutes(server, { db, clock, ...complianceSyncs }));
  if (subscriptions) routes.push((server) => registerSubscriptionRoutes(server, { db, clock, ...subscriptions }));
  if (consentRequests) routes.push((server) => registerConsentRequestRoutes(server, { db, entraAdminCenterUrl: config.cloud.entraAdminCenterUrl, ...consentRequests }));
  const { files } = deps;
  if (files) routes.push((server) => registerFilesRoutes(server, files), (server) => registerAttachmentRoutes(server, { db, attachments: files.attachments }));
  const { picker } = deps;
  const jobsPort = deps.jobs;
  if (files && picker && jobsPort) {
    routes.push(
      (server) => registerPickerRoutes(server, { clock, keys: picker.keys, allowedOrigins: picker.allowedOrigins, backendUrl: config.backendUrl }),
      (server) => registerPickerApiRoutes(server, { clock, keys: picker.keys, browser: files.browser, attachments: files.attachments, jobs: { get: (ws, id) => jobsPort.get(ws, id) } }),
    );
  }
  const { tenants } = deps;
  if (tenants) routes.push((server) => registerTenantRoutes(server, { db, clock, ...tenants }));
  const { siteGrants } = deps;
  if (siteGrants) routes.push((server) => registerSiteGrantRoutes(server, siteGrants));
  return buildServer({ ...deps, authenticators, routes });
}
