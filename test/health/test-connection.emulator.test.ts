// Test Connection against the Microsoft 365 emulator (real token endpoint, real Graph v1.0 permission checks):
// a missing application permission, then consented → connected; a wrong secret; Graph answering 503.
import { INTEGRATION_LISTENERS } from '../../src/app/integration-listeners.js';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { testConnection, type TestConnectionDeps } from '../../src/features/health/test-connection.js';
import { emulatorTestConnectionDeps } from './support/emulator-test-connection-deps.js';
import { IntegrationStore } from '../../src/features/integrations/integration-store.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { openTestStore, type TestStore } from '../support/stores.js';

const REDIRECT_URI = 'https://hub.example.test/auth/m365/callback';

describe('Test Connection against the emulator', () => {
  let emulator: EmulatorHandle;
  let store: TestStore;
  let integrations: IntegrationStore;
  let deps: TestConnectionDeps;
  let tenant: string;
  let appId: string;
  let secret: string;
  const clock = new ManualClock(new Date());
  const logger = createLogger({ level: 'silent', destination: new Writable({ write: (_c, _e, done) => done() }) });
  const audit = () => ({ actor: { type: 'user' as const, id: null, label: 'admin@example.test' }, ip: null, at: clock.now() });
  const ws = (n: string) => `ws_${n.padEnd(26, 'a')}`;

  before(async () => {
    emulator = await startEmulator();
    tenant = emulator.tenantId!;
    store = await openTestStore('pglite');
    for (const id of [ws('one'), ws('two'), ws('three'), ws('four'), ws('five'), ws('six'), ws('seven')]) await store.db.insertInto('workspaces').values({ id, name: id, created_at: clock.now(), updated_at: clock.now() }).execute();
    const keyRing = new KeyRing([{ id: 'k1', key: Buffer.alloc(32, 5) }]);
    integrations = new IntegrationStore({ db: store.db, keyRing, clock, redirectDefaults: { backendUrl: 'https://hub.example.test' }, listeners: INTEGRATION_LISTENERS });
    const app = await emulator.createApplication(tenant, { displayName: 'Acme compliance', signInAudience: 'AzureADMyOrg', requiredPermissions: { application: ['User.Read.All', 'GroupMember.Read.All'] } });
    appId = app.appId;
    secret = (await emulator.addSecret(tenant, appId)).secretText;
    // Only part of what the directory service needs is consented.
    await emulator.grant(tenant, { appId, roles: ['User.Read.All'] });
    deps = {
      ...emulatorTestConnectionDeps(emulator, integrations, clock, logger),
      adminConsentLink: (workspaceId: string) => `https://hub.example.test/auth/m365/admin-consent?workspaceId=${workspaceId}`,
    };
  });
  after(async () => {
    await store?.close();
    await emulator?.close();
  });

  const configure = (workspaceId: string, clientSecret: string) =>
    integrations.put(workspaceId, { clientId: appId, azureTenantId: tenant, services: [{ service: 'directory', modes: ['application'] }], credential: { kind: 'secret', clientSecret } }, audit());

  it('first reports the missing permission with the consent link, then connected once it is granted', async () => {
    await configure(ws('one'), secret);
    const first = await testConnection(deps, ws('one'));
    assert.equal(first.health, 'permission_error');
    const permissions = first.steps.find((s) => s.name === 'permissions')!;
    assert.equal(permissions.status, 'failed');
    assert.equal(permissions.code, 'permissions_missing');
    assert.deepEqual((permissions.details!.missing as { name: string }[]).map((m) => m.name), ['GroupMember.Read.All']);
    assert.equal(permissions.details!.adminConsentUrl, `https://hub.example.test/auth/m365/admin-consent?workspaceId=${ws('one')}`);
    assert.equal(first.steps.find((s) => s.name === 'credentials')!.status, 'passed');

    await emulator.grant(tenant, { appId, roles: ['User.Read.All', 'GroupMember.Read.All'] });
    const second = await testConnection(deps, ws('one'));
    assert.equal(second.health, 'connected', JSON.stringify(second.steps));
    assert.deepEqual(second.steps.map((s) => [s.name, s.status]), [['credentials', 'passed'], ['permissions', 'passed'], ['service:directory', 'passed']]);
  });

  it('a wrong secret is an authentication_error with the fix, and never echoes the secret', async () => {
    await configure(ws('two'), 'Wrong8Q~not-the-secret-at-all-000000000');
    const report = await testConnection(deps, ws('two'));
    assert.equal(report.health, 'authentication_error');
    const step = report.steps[0]!;
    assert.equal(step.name, 'credentials');
    assert.equal(step.code, 'invalid_client_secret');
    assert.match(step.fix ?? '', /Update Credentials/);
    assert.ok(report.steps.slice(1).every((s) => s.status === 'skipped'));
    assert.ok(!JSON.stringify(report).includes('not-the-secret'));
  });

  it('Graph answering 503 is a service_error after the retries', async () => {
    await emulator.addFault({ pathPattern: '^/v1\\.0/users', status: 503, count: 10 });
    try {
      const report = await testConnection({ ...deps, graphRetry: { maxAttempts: 3 } }, ws('one'));
      assert.equal(report.health, 'service_error');
      const step = report.steps.find((s) => s.name === 'service:directory')!;
      assert.equal(step.code, 'graph_unavailable');
      assert.equal(step.details!.status, 503);
      const graphCalls = (await emulator.requests(50)).filter((r) => /\/v1\.0\/users/.test(JSON.stringify(r)));
      assert.ok(graphCalls.length >= 3, `retried (${graphCalls.length} calls)`);
    } finally {
      await emulator.clearFaults();
    }
  });

  it('an app registration not in the tenant (AADSTS700016) and a multi-tenant app with no tenant are setup problems, not authentication errors', async () => {
    await integrations.put(ws('five'), { clientId: '0badc0de-0000-4000-8000-000000000016', azureTenantId: tenant, services: [{ service: 'directory', modes: ['application'] }], credential: { kind: 'secret', clientSecret: secret } }, audit());
    const unknownApp = await testConnection(deps, ws('five'));
    assert.equal(unknownApp.steps[0]!.code, 'application_not_found');
    assert.equal(unknownApp.health, 'setup_error');

    await integrations.put(ws('six'), { clientId: appId, azureTenantId: null, services: [{ service: 'directory', modes: ['application'] }], credential: { kind: 'secret', clientSecret: secret } }, audit());
    const noTenant = await testConnection(deps, ws('six'));
    assert.equal(noTenant.steps[0]!.code, 'tenant_required');
    assert.equal(noTenant.health, 'setup_error');
  });

  // Before users meet AADSTS50011 / AADSTS50105 on Microsoft's page: the app reads its own registration.
  it('says when the redirect URI is not registered under Web, and when user assignment is required', async () => {
    await emulator.updateApplication(tenant, appId, { redirectUris: ['https://elsewhere.example.test/callback'], spaRedirectUris: [] });
    await integrations.put(ws('seven'), { clientId: appId, azureTenantId: tenant, services: [{ service: 'onedrive', modes: ['delegated'] }], credential: { kind: 'secret', clientSecret: secret } }, audit());
    const notRegistered = await testConnection(deps, ws('seven'));
    const registration = notRegistered.steps.find((s) => s.name === 'registration')!;
    assert.equal(registration.status, 'failed');
    assert.equal(registration.code, 'redirect_uri_not_registered');
    assert.match(registration.message ?? '', /AADSTS50011/);
    assert.match(registration.fix ?? '', new RegExp(`Authentication → Web → add exactly ${REDIRECT_URI.replaceAll('.', '\\.')}`));
    assert.equal(notRegistered.health, 'setup_error');

    await emulator.updateApplication(tenant, appId, { redirectUris: [REDIRECT_URI] });
    await emulator.setAssignmentRequired(tenant, appId, true);
    try {
      const assigned = await testConnection(deps, ws('seven'));
      const step = assigned.steps.find((s) => s.name === 'registration')!;
      assert.equal(step.status, 'passed');
      assert.match(step.message ?? '', /Assignment required\?" is Yes.*AADSTS50105/);
      assert.equal(step.details!.appRoleAssignmentRequired, true);
    } finally {
      await emulator.setAssignmentRequired(tenant, appId, false);
    }
  });

  describe('delegated-only integrations', () => {
    const configureDelegated = (workspaceId: string, clientSecret: string) =>
      integrations.put(workspaceId, { clientId: appId, azureTenantId: tenant, services: [{ service: 'onedrive', modes: ['delegated'] }], credential: { kind: 'secret', clientSecret } }, audit());
    // The token service's answer for a user who never connected (what TokenService.getAccessToken throws).
    const notConnected = async () => {
      throw Object.assign(new Error('connection_not_found'), { code: 'connection_not_found', userMessage: 'This user has not connected Microsoft 365 in this workspace.', fix: 'Connect.' });
    };

    it('a wrong secret is found without any user connection (client credentials authenticate the app first)', async () => {
      await configureDelegated(ws('three'), 'Wrong8Q~not-the-secret-at-all-000000000');
      const report = await testConnection({ ...deps, delegatedToken: notConnected }, ws('three'), { actingUser: { kind: 'console_user', id: 'nobody' } });
      assert.equal(report.mode, 'delegated');
      assert.equal(report.health, 'authentication_error');
      const credentials = report.steps.find((s) => s.name === 'credentials')!;
      assert.equal(credentials.status, 'failed');
      assert.equal(credentials.code, 'invalid_client_secret');
    });

    it('a user without a connection gets a finished report: the credential checked, the delegated part waiting for Connect', async () => {
      await emulator.updateApplication(tenant, appId, { redirectUris: [REDIRECT_URI] });
      await configureDelegated(ws('four'), secret);
      const report = await testConnection({ ...deps, delegatedToken: notConnected }, ws('four'), { actingUser: { kind: 'console_user', id: 'nobody' } });
      assert.equal(report.health, 'connected', JSON.stringify(report.steps));
      assert.deepEqual(report.steps.map((s) => [s.name, s.status]), [['credentials', 'passed'], ['registration', 'passed'], ['connection', 'skipped'], ['permissions', 'skipped'], ['service:onedrive', 'skipped']]);
      const connection = report.steps.find((s) => s.name === 'connection')!;
      assert.equal(connection.code, 'connection_not_found');
      assert.match(connection.fix ?? '', /Your integrations/);
      // The console's route of the workspace's "Your integrations" page (console/src/app.tsx: /w/:workspaceId/account/integrations).
      assert.equal(connection.details!.connectPath, `/w/${ws('four')}/account/integrations`);
    });
  });
});
