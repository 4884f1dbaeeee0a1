// The composition root: configuration → store → key ring → job queue → features → job worker → HTTP server, and
// the reverse on close. `buildHub` builds it all without listening (tests use it, with test settings: a manual clock,
// a test key ring in the configuration, an injected fetch and DNS resolver); `startHub` builds, listens and starts
// the worker.
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../platform/config/config.js';
import { KeyRing } from '../platform/crypto/key-ring.js';
import { checkKeyRingOpensStoredData } from '../platform/crypto/key-ring-check.js';
import { hubSealedColumns } from './sealed-columns.js';
import { listenOrExplain } from '../platform/http/listen.js';
import { loadOrCreateKeyFile } from '../platform/crypto/key-file.js';
import { buildHubServer } from './hub-server.js';
import type { JobsPort } from '../platform/http/server.js';
import { JobQueue } from '../platform/jobs/job-queue.js';
import { JobWorker } from '../platform/jobs/job-worker.js';
import type { Logger } from '../platform/logging/logger.js';
import type { Store } from '../platform/store/database.js';
import { systemClock, type Clock } from '../platform/time/clock.js';
import { maintenanceJobs, scheduleMaintenance } from './maintenance-jobs.js';
import { openConfiguredStore } from './open-configured-store.js';
import { builtConsoleDir } from './package-paths.js';
import { ConnectFlow } from '../features/connect/index.js';
import { createEntraClient, type FetchLike } from '../microsoft/identity/index.js';
import { IntegrationStore } from '../features/integrations/index.js';
import { keepAliveJobs, scheduleKeepAlive } from '../features/tokens/index.js';
import { TokenService } from '../features/tokens/index.js';
import { createGraphClientFactory, type GraphClientFactory } from '../features/tokens/index.js';
import { TenantPacer } from '../microsoft/graph/tenant-pacer.js';
import { createMicrosoftTransport, type Exchange } from '../microsoft/transport/index.js';
import { WEBHOOK_DELIVERY_JOB, WebhookEventPublisher } from '../features/webhooks/index.js';
import { healthJobs, scheduleHealthChecks } from '../features/health/index.js';
import { listActiveTenants, recordTenantHealth, tenantGate } from '../features/tenants/index.js';
import { webhookDeliveryJob } from '../features/webhooks/index.js';
import { createWebhookSender, type Resolver } from '../features/webhooks/index.js';
import type { ConnectionUser } from '../contract/integration-schemas.js';
import { jobConditionClassifier } from './job-conditions.js';
import { hubProblemCatalogue } from './problem-catalogue.js';
import { hubEventCatalogue } from './event-catalogue.js';
import { INTEGRATION_LISTENERS } from './integration-listeners.js';
import { scheduleSubscriptionRenewal, subscriptionJobs, SubscriptionManager } from '../features/subscriptions/index.js';
import { pickerSigningKeys } from '../features/picker/index.js';
import { workspaceHomeUrl } from '../features/workspaces/index.js';
import { AttachmentService, copyJobs, FilesBrowser, linkRefreshJobs, scheduleLinkRefresh, type FilesMicrosoft } from '../features/files/index.js';
import { openDocumentStorage } from '../platform/storage/open-document-storage.js';
import { afterSnapshotAppended, complianceSyncJobs } from '../features/compliance/index.js';

export interface HubOptions {
  config: Config;
  logger: Logger;
  clock?: Clock;
  /** An already opened and migrated store (tests); by default the one the configuration names. */
  store?: Store;
  /** The built console; defaults to the package's dist/console. */
  consoleDir?: string;
  /** How the hub reaches Microsoft (tests: the emulator's CA-trusting fetch); default the global fetch. */
  fetch?: FetchLike;
  /** How pass-through calls reach Microsoft; default node:http(s), or over `fetch` when one is given. */
  exchange?: Exchange;
  /** How webhook target host names resolve (tests: no real DNS); default the system resolver. */
  resolveHost?: Resolver;
  /** What the HTTP layer shows of jobs and counts in metrics (tests: a fake); default the job queue. */
  jobsView?: JobsPort;
}

export interface Hub {
  store: Store;
  keyRing: KeyRing;
  jobs: JobQueue;
  integrations: IntegrationStore;
  /** Hands out Microsoft access tokens (delegated per connection, or the workspace's application token). */
  tokens: TokenService;
  /** Graph clients for (workspace, user | app[, tenant]), over the one transport and fed by `tokens`. */
  graphClients: GraphClientFactory;
  server: FastifyInstance;
  worker: JobWorker;
  /** Graceful: stop taking requests, finish in-flight ones, release job leases, close the store it opened. */
  close(): Promise<void>;
}

export interface RunningHub extends Hub {
  url: string;
}

export function keyRingFor(config: Config, logger: Logger): KeyRing {
  return new KeyRing(config.encryptionKeys ?? loadOrCreateKeyFile(config.dataDir, logger));
}

export async function buildHub(options: HubOptions): Promise<Hub> {
  const { config, logger } = options;
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (await openConfiguredStore(config));
  const ownsStore = options.store === undefined;
  try {
    const keyRing = keyRingFor(config, logger);
    await checkKeyRingOpensStoredData({ db: store.db, keyRing, columns: hubSealedColumns, logger });
    const jobs = new JobQueue({ db: store.db, clock, logger, ...(store.wakeups ? { wakeChannel: store.wakeups.channel } : {}) });
    // Every call to Microsoft (identity platform and Graph) leaves through this one transport.
    const transport = createMicrosoftTransport({ clock, logger, ...(options.fetch ? { fetch: options.fetch } : {}), ...(options.exchange ? { exchange: options.exchange } : {}) });
    const entra = createEntraClient({ loginUrl: config.loginUrl, graphResource: config.cloud.graphResource, clock, logger, transport });
    const redirectDefaults = { m365RedirectUri: config.m365RedirectUri, backendUrl: config.backendUrl };
    const integrations = new IntegrationStore({ db: store.db, keyRing, clock, redirectDefaults, listeners: INTEGRATION_LISTENERS });
    hubEventCatalogue(); // the features' event types cover the contract's list, each with one owner
    const problems = hubProblemCatalogue();
    const events = new WebhookEventPublisher({ queue: jobs, clock });
    const tokens = new TokenService({ db: store.db, dialect: store.dialect, keyRing, identity: entra, integrations, events, clock, logger, tenantGate: tenantGate(store.db) });
    // One tenant pacer per process: a tenant Microsoft throttled waits in the Graph clients and the pass-through alike.
    const pacer = new TenantPacer(clock);
    const graphClients = createGraphClientFactory({ graphUrl: config.graphUrl, transport, tokens, logger, pacer });
    const connect = new ConnectFlow({ db: store.db, keyRing, entra, integrations, clock, events, onConnectionChanged: (ws, user) => tokens.invalidate(ws, user) });
    await scheduleMaintenance(jobs);
    await scheduleKeepAlive(jobs);
    await scheduleHealthChecks(jobs);
    await scheduleSubscriptionRenewal(jobs);
    const enabledServices = (workspaceId: string) => integrations.enabledServices(workspaceId);
    const subscriptions = new SubscriptionManager({ db: store.db, graphs: graphClients, events, clock, logger, publicUrl: config.backendUrl });
    await scheduleLinkRefresh(jobs);
    // A user's delegated Graph token, for Test Connection and the files feature.
    const delegatedToken = async (workspaceId: string, user: ConnectionUser) =>
      (await tokens.getAccessToken({ workspaceId, principal: user.kind === 'console_user' ? { kind: 'console_user', consoleUserId: user.id } : { kind: 'user', externalUserId: user.id } })).accessToken;
    const testConnectionDeps = {
      integrations,
      entra,
      delegatedToken,
      graphUrl: config.graphUrl,
      ...(options.fetch ? { fetch: options.fetch } : {}),
      adminConsentLink: (workspaceId: string) => `${config.backendUrl ?? ''}/auth/m365/admin-consent?workspaceId=${encodeURIComponent(workspaceId)}`,
      clock,
      logger,
    };
    const filesMicrosoft: FilesMicrosoft = {
      graphUrl: config.graphUrl,
      transport,
      logger,
      accessToken: delegatedToken,
      appToken: async (workspaceId: string, tenantId?: string) => (await tokens.getAccessToken({ workspaceId, principal: tenantId ? { kind: 'application', tenantId } : { kind: 'application' } })).accessToken,
      allowedSites: async (workspaceId: string) => (await integrations.get(workspaceId))?.allowedSites ?? [],
    };
    const documents = await openDocumentStorage(config);
    const filesDeps = { db: store.db, clock, storage: documents, microsoft: filesMicrosoft, maxCopyBytes: config.filesMaxCopyBytes };
    const files = { browser: new FilesBrowser(filesMicrosoft), attachments: new AttachmentService({ ...filesDeps, queue: jobs }) };
    const worker = new JobWorker({
      db: store.db,
      queue: jobs,
      clock,
      logger,
      workerId: `${hostname()}:${process.pid}`,
      ...(store.wakeups ? { wakeups: store.wakeups } : {}),
      isCondition: jobConditionClassifier(problems),
      handlers: {
        ...maintenanceJobs({ db: store.db, clock }),
        ...keepAliveJobs({ db: store.db, tokens, clock, logger, idleDays: config.keepAliveIdleDays }),
        ...copyJobs(filesDeps),
        ...linkRefreshJobs(filesDeps),
        ...complianceSyncJobs({
          db: store.db,
          clock,
          graphFor: (workspaceId, tenantId) => graphClients.forApp(workspaceId, tenantId),
          // A synced snapshot is assessed, measured against the baseline and its drift announced, as an imported one is.
          onSnapshot: async (workspaceId, stored) => void (await afterSnapshotAppended({ db: store.db, clock, events }, { workspaceId, stored })),
        }),
        ...healthJobs({
          test: testConnectionDeps,
          health: { db: store.db, events, clock },
          queue: jobs,
          db: store.db,
          recordTenantHealth: (workspaceId, tenantId, report) => recordTenantHealth(store.db, { workspaceId, tenantId, report }, events),
          tenantsToCheck: (workspaceId) => listActiveTenants(store.db, workspaceId),
        }),
        ...subscriptionJobs(subscriptions),
        [WEBHOOK_DELIVERY_JOB]: webhookDeliveryJob({ db: store.db, keyRing, clock, logger, send: createWebhookSender({ allowPrivateTargets: config.allowPrivateWebhookTargets }) }),
      },
    });
    const server = await buildHubServer({
      problems,
      config,
      store,
      logger,
      clock,
      jobs: options.jobsView ?? jobs,
      consoleDir: options.consoleDir ?? builtConsoleDir,
      m365: { integrations, connect },
      healthChecks: { queue: jobs },
      tenants: { queue: jobs, events },
      webhooks: { keyRing, queue: jobs, allowPrivateTargets: config.allowPrivateWebhookTargets, ...(options.resolveHost ? { resolve: options.resolveHost } : {}) },
      consentRequests: { graphs: graphClients },
      subscriptions: { manager: subscriptions, queue: jobs },
      actions: { graphs: graphClients, enabledServices, attachments: files.attachments },
      proxy: { tokens, transport, graphUrl: config.graphUrl, ...(config.backendUrl ? { publicUrl: config.backendUrl } : {}), managementUrl: config.managementUrl, managementResource: config.cloud.managementUrl, sharePointUrl: config.sharePointUrl, sharePointSuffix: config.cloud.sharePointSuffix, enabledServices, rateLimit: config.proxyRateLimit, pacer },
      files,
      complianceSyncs: { queue: jobs },
      complianceEvents: events,
      picker: {
        keys: pickerSigningKeys(config.encryptionKeys ?? loadOrCreateKeyFile(config.dataDir, logger)),
        // As for connect's returnTo: the integration's returnOrigins and the workspace's own URL.
        allowedOrigins: async (workspaceId) => [...((await integrations.get(workspaceId))?.returnOrigins ?? []), ...[await workspaceHomeUrl(store.db, config.frontendUrl, workspaceId)].filter((o): o is string => Boolean(o))],
      },
      siteGrants: { integrations, delegatedToken, graphUrl: config.graphUrl, ...(options.fetch ? { fetch: options.fetch } : {}), logger, adminConsentLink: testConnectionDeps.adminConsentLink },
    });

    let closing: Promise<void> | undefined;
    return {
      store,
      keyRing,
      jobs,
      integrations,
      tokens,
      graphClients,
      server,
      worker,
      close() {
        closing ??= (async () => {
          // Readiness turns 503 first, so a load balancer stops sending work while in-flight requests finish.
          server.markShuttingDown();
          await server.close();
          await worker.stop({ graceful: true });
          documents.close?.();
          if (ownsStore) await store.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    if (ownsStore) await store.close();
    throw error;
  }
}

export async function startHub(options: HubOptions): Promise<RunningHub> {
  const hub = await buildHub(options);
  const { config, logger } = options;
  try {
    await listenOrExplain(hub.server, config.host, config.port);
  } catch (error) {
    await hub.close();
    throw error;
  }
  hub.worker.start();
  const address = hub.server.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  logger.info({ url, database: hub.store.dialect }, 'm365hub listening');
  return { ...hub, url };
}
