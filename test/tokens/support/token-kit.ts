// What the token tests share: an emulator, a clock kept in step with the emulator's, a workspace with a real
// integration (the integrations module's store) for a fresh multi-tenant app, users connected through the
// emulator's real sign-in pages, a TokenService on a chosen store, captured logs and recorded events.
import { INTEGRATION_LISTENERS } from '../../../src/app/integration-listeners.js';
import { Writable } from 'node:stream';
import type { EmulatorHandle } from '../../../emulator/harness.js';
import type { AuditContext } from '../../../src/features/audit/audit-log.js';
import { createConsoleUser } from '../../../src/features/console-auth/console-users.js';
import { KeyRing } from '../../../src/platform/crypto/key-ring.js';
import type { EventPublisher, HubEvent } from '../../../src/platform/events/event-publisher.js';
import {
  createEntraClient,
  createPkce,
  delegatedScopes,
  parseAuthorizationCallback,
  randomNonce,
  randomState,
  type EntraClient,
  type Service,
  type ServiceSelection,
} from '../../../src/microsoft/identity/index.js';
import { IntegrationStore, type PutIntegrationInput } from '../../../src/features/integrations/integration-store.js';
import { createLogger, type Logger } from '../../../src/platform/logging/logger.js';
import type { Store } from '../../../src/platform/store/database.js';
import { ManualClock } from '../../../src/platform/time/clock.js';
import { saveDelegatedConnection } from '../../../src/features/tokens/connection-store.js';
import { TokenService, type TokenServiceOptions } from '../../../src/features/tokens/token-service.js';
import { createWorkspace } from '../../../src/features/workspaces/workspaces.js';

export const REDIRECT_URI = 'https://hub.example.com/auth/m365/callback';
export const DELEGATED: Service[] = ['onedrive'];
export const testKeyRing = () => new KeyRing([{ id: 'k1', key: Buffer.alloc(32, 9) }]);

export class RecordingEvents implements EventPublisher {
  readonly events: HubEvent[] = [];
  async publish(_db: unknown, event: HubEvent): Promise<void> {
    this.events.push(event);
  }
}

export function captureLogger(): { logger: Logger; text(): string } {
  const lines: string[] = [];
  const logger = createLogger({
    level: 'trace',
    destination: new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    }),
  });
  return { logger, text: () => lines.join('') };
}

export interface TestApp {
  appId: string;
  secret: string;
}

/** A multi-tenant app of the test's own, so counts of requests per client id belong to one test. */
export async function newApp(emulator: EmulatorHandle): Promise<TestApp> {
  const tenant = emulator.tenantId!;
  const app = await emulator.createApplication(tenant, { displayName: 'token test app', signInAudience: 'AzureADMultipleOrgs', redirectUris: [REDIRECT_URI] });
  const secret = await emulator.addSecret(tenant, app.appId);
  return { appId: app.appId, secret: secret.secretText };
}

export function seedUser(emulator: EmulatorHandle, local: string) {
  return emulator.seed!.users.find((u) => u.userPrincipalName.startsWith(`${local}@`))!;
}

/** Refreshes (grant_type=refresh_token) the emulator answered for this app. */
export async function refreshCount(emulator: EmulatorHandle, appId: string): Promise<number> {
  return (await emulator.requests(1000)).filter((r) => r.grant_type === 'refresh_token' && r.client_id === appId).length;
}

export async function tokenRequestCount(emulator: EmulatorHandle, appId: string): Promise<number> {
  return (await emulator.requests(1000)).filter((r) => r.path.endsWith('/oauth2/v2.0/token') && r.client_id === appId).length;
}

export interface Fixture {
  store: Store;
  keyRing: KeyRing;
  /** The token service's clock; the identity client keeps real time, as the emulator's JWTs do. */
  clock: ManualClock;
  identity: EntraClient;
  integrations: IntegrationStore;
  audit: AuditContext;
  events: RecordingEvents;
  logs: ReturnType<typeof captureLogger>;
  /** Backoff waits the identity client asked for (recorded, not slept). */
  sleeps: number[];
}

export async function createFixture(emulator: EmulatorHandle, store: Store, clock: ManualClock): Promise<Fixture> {
  const sleeps: number[] = [];
  const logs = captureLogger();
  // The backoff's jitter draw is fixed at 1 (the full exponential ceiling) so recorded waits are predictable.
  const identity = createEntraClient({ loginUrl: emulator.url, fetch: emulator.fetch, logger: logs.logger, sleep: async (ms) => void sleeps.push(ms), random: () => 0.999999 });
  const keyRing = testKeyRing();
  const admin = await createConsoleUser(store.db, { email: `admin-${Math.random().toString(36).slice(2)}@example.test`, password: 'correct horse battery staple' });
  const audit: AuditContext = { actor: { type: 'user', id: admin.id, label: admin.email }, ip: '127.0.0.1', at: clock.now() };
  const integrations = new IntegrationStore({ db: store.db, keyRing, clock, redirectDefaults: { backendUrl: 'https://hub.example.com' }, listeners: INTEGRATION_LISTENERS });
  return { store, keyRing, clock, identity, integrations, audit, events: new RecordingEvents(), logs, sleeps };
}

export function tokenService(f: Fixture, overrides: Partial<TokenServiceOptions> = {}): TokenService {
  return new TokenService({
    db: f.store.db,
    dialect: f.store.dialect,
    keyRing: f.keyRing,
    identity: f.identity,
    integrations: f.integrations,
    events: f.events,
    clock: f.clock,
    logger: f.logs.logger,
    ...overrides,
  });
}

/** A workspace whose integration is `app` (multi-tenant, a secret) with the given services. */
export async function workspaceWithApp(f: Fixture, app: TestApp, overrides: Partial<PutIntegrationInput> = {}): Promise<string> {
  const ws = (await createWorkspace(f.store.db, { name: `ws ${Math.random().toString(36).slice(2, 8)}`, adminUserId: f.audit.actor.id! }, f.audit)).id;
  const services: ServiceSelection[] = DELEGATED.map((service) => ({ service, modes: ['delegated'] }));
  await f.integrations.put(ws, { clientId: app.appId, azureTenantId: '', services, credential: { kind: 'secret', clientSecret: app.secret }, ...overrides }, f.audit);
  return ws;
}

/** Signs `local` in through the emulator's pages, redeems the code and saves the connection (as the callback does). */
export async function connectUser(emulator: EmulatorHandle, f: Fixture, app: TestApp, workspaceId: string, externalUserId: string, local = 'dana') {
  const pkce = await createPkce();
  const state = randomState();
  const nonce = randomNonce();
  const url = f.identity.buildAuthorizationUrl({ tenant: 'organizations', clientId: app.appId, redirectUri: REDIRECT_URI, scopes: delegatedScopes(DELEGATED), state, nonce, codeChallenge: pkce.codeChallenge });
  const flow = await emulator.signIn(url.toString(), { username: seedUser(emulator, local).userPrincipalName, password: emulator.seed!.password });
  const { code } = parseAuthorizationCallback(flow.params);
  const redeemed = await f.identity.redeemAuthorizationCode({
    tenant: 'organizations',
    credentials: { clientId: app.appId, clientSecret: app.secret },
    code,
    redirectUri: REDIRECT_URI,
    codeVerifier: pkce.codeVerifier,
    expectedNonce: nonce,
  });
  const connection = await f.store.db.transaction().execute((trx) => saveDelegatedConnection(trx, f.keyRing, { workspaceId, user: externalUserId, redeemed, clock: f.clock }));
  return { redeemed, connection };
}

/** Resolves to the rejection of `promise` (fails when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error & { code?: string; reason?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

/** Makes the stored access token of a connection expire `inMs` from the service's clock (a fresh service reads it). */
export async function expireStoredToken(f: Fixture, connectionId: string, inMs = -1000): Promise<void> {
  await f.store.db.updateTable('m365_connections').set({ access_token_expires_at: new Date(f.clock.now().getTime() + inMs) }).where('id', '=', connectionId).execute();
}

export async function expireAppToken(f: Fixture, workspaceId: string, inMs = -1000): Promise<void> {
  await f.store.db.updateTable('m365_app_tokens').set({ expires_at: new Date(f.clock.now().getTime() + inMs) }).where('workspace_id', '=', workspaceId).execute();
}
