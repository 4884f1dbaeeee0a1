// The control API (the emulator's own, /_emulator/…) and the CLI contract the hub's demo command relies on:
// the two stdout lines, --port 0, exit codes, clean SIGTERM, persistent CA and kid, --state loading.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { createTrustingFetch } from '../client/trusting-fetch.js';
import { readFileSync } from 'node:fs';

const cliScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'run-cli.ts');
let emulator: EmulatorHandle;
let scratch: string;

before(async () => {
  emulator = await startEmulator();
  scratch = mkdtempSync(path.join(os.tmpdir(), 'm365hub-emulator-cli-'));
});
after(async () => {
  await emulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

const clientCredentials = (tenant = emulator.tenantId!) =>
  emulator.fetch(`${emulator.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: emulator.seed!.application.appId, client_secret: emulator.seed!.application.clientSecret, scope: 'https://graph.microsoft.com/.default' }).toString(),
  });

describe('control API', () => {
  test('GET /_emulator/seed describes the deterministic demo organisation', async () => {
    const seed = (await (await emulator.fetch(`${emulator.url}/_emulator/seed`)).json()) as Record<string, any>;
    assert.equal(seed.tenant.id, 'c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01');
    assert.equal(seed.tenant.domain, 'contoso.onmicrosoft.com');
    assert.equal(seed.application.appId, '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60');
    assert.ok(seed.application.redirectUris.includes('http://127.0.0.1:3000/auth/m365/callback'));
    assert.equal(seed.admin.userPrincipalName, 'admin@contoso.onmicrosoft.com');
    // Same email in two tenants, two identities.
    const danas = seed.users.filter((u: { userPrincipalName: string }) => u.userPrincipalName.startsWith('dana@'));
    assert.equal(danas.length, 2);
    assert.notEqual(danas[0].id, danas[1].id);
  });

  test('registration and consent-workflow routes refuse bad input with the reason, and reset() restores the seed', async () => {
    const control = (method: string, route: string, body?: unknown) =>
      emulator.fetch(`${emulator.url}/_emulator${route}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) });
    const tid = emulator.tenantId!;
    const appId = emulator.seed!.application.appId;
    const badUri = await control('PATCH', `/tenants/${tid}/applications/${appId}`, { redirectUris: ['not a uri'] });
    assert.equal(badUri.status, 400);
    assert.match(((await badUri.json()) as { error: { message: string } }).error.message, /not an absolute URI/);
    assert.equal((await control('PATCH', `/tenants/${tid}/applications/${appId}`, { colour: 'blue' })).status, 400, 'unknown fields are refused');
    assert.equal((await control('PATCH', `/tenants/${tid}/applications/00000000-0000-0000-0000-000000000000`, { redirectUris: [] })).status, 404);
    assert.equal((await control('PATCH', `/tenants/${emulator.seed!.otherTenant.id}/servicePrincipals/00000000-0000-0000-0000-000000000000`, { appRoleAssignmentRequired: true })).status, 404);
    assert.equal((await control('PUT', `/tenants/${tid}/adminConsentWorkflow`, { isEnabled: true, requestDurationInDays: 0 })).status, 400);
    const off = await control('POST', `/tenants/${emulator.seed!.otherTenant.id}/consentRequests`, { appId, userId: 'dana@fabrikam.onmicrosoft.com', reason: 'x' });
    assert.equal(off.status, 409, 'no request while the workflow is off');
    assert.match(((await off.json()) as { error: { message: string } }).error.message, /adminConsentWorkflow/);
    assert.equal((await control('POST', `/tenants/${tid}/consentRequests`, { appId, userId: 'lee@contoso.onmicrosoft.com', reason: ' ' })).status, 400);
    assert.equal((await control('POST', `/tenants/${tid}/consentRequests/00000000-0000-0000-0000-000000000000/decision`, { result: 'Approve' })).status, 404);

    await emulator.updateApplication(tid, appId, { redirectUris: ['https://changed.example.com/cb'] });
    await emulator.setAdminConsentWorkflow(tid, false);
    await emulator.createConsentRequest(emulator.seed!.otherTenant.id, { appId, userId: 'dana@fabrikam.onmicrosoft.com', reason: 'x' }).catch(() => undefined);
    await emulator.reset();
    const state = await emulator.state();
    assert.deepEqual(state.applications.find((a) => a.appId === appId)!.redirectUris, [...emulator.seed!.application.redirectUris]);
    assert.equal(state.tenants.find((t) => t.id === tid)!.adminConsentRequestPolicy?.isEnabled, true);
  });

  test('create tenant, user, application, secret; the new app gets tokens once granted', async () => {
    const tenant = await emulator.createTenant({ displayName: 'Northwind', domain: 'northwind.onmicrosoft.com' });
    const user = await emulator.createUser(tenant.id, { userPrincipalName: 'ann@northwind.onmicrosoft.com', password: 'x-Pass-1' });
    assert.match(user.id, /^[0-9a-f-]{36}$/);
    const app = await emulator.createApplication(tenant.id, { displayName: 'nw app', signInAudience: 'AzureADMyOrg', redirectUris: ['http://localhost:3000/cb'] });
    const secret = await emulator.addSecret(tenant.id, app.appId);
    assert.match(secret.secretText, /^.{3}8Q~/);
    await emulator.grant(tenant.id, { appId: app.appId, roles: ['User.Read.All'] });
    const response = await emulator.fetch(`${emulator.url}/northwind.onmicrosoft.com/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'client_credentials', client_id: app.appId, client_secret: secret.secretText, scope: 'https://graph.microsoft.com/.default' }).toString(),
    });
    assert.equal(response.status, 200);
  });

  test('control errors are JSON with a status: unknown tenant 404, bad body 400, duplicate 409', async () => {
    await assert.rejects(emulator.createUser('nowhere.example', { userPrincipalName: 'a@nowhere.example' }), /answered 404/);
    await assert.rejects(emulator.createUser(emulator.tenantId!, { userPrincipalName: 'not-an-upn' }), /answered 400/);
    await assert.rejects(emulator.createUser(emulator.tenantId!, { userPrincipalName: 'admin@contoso.onmicrosoft.com' }), /answered 409/);
  });

  test('faults: the next N matching requests fail with status, Retry-After and Microsoft-shaped body', async () => {
    await emulator.addFault({ method: 'POST', pathPattern: '/oauth2/v2.0/token$', status: 429, count: 2, retryAfter: 7 });
    for (let i = 0; i < 2; i++) {
      const response = await clientCredentials();
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('retry-after'), '7');
      assert.equal(((await response.json()) as Record<string, unknown>).error, 'temporarily_unavailable');
    }
    assert.equal((await clientCredentials()).status, 200);
    await emulator.addFault({ pathPattern: 'token', status: 503, count: 5 });
    await emulator.clearFaults();
    assert.equal((await clientCredentials()).status, 200);
  });

  test('requests log counts grants and never carries secrets', async () => {
    await clientCredentials();
    const log = await emulator.requests(5);
    const last = log.at(-1)!;
    assert.equal(last.grant_type, 'client_credentials');
    assert.equal(last.client_id, emulator.seed!.application.appId);
    assert.equal(last.status, 200);
    assert.doesNotMatch(JSON.stringify(log), /client-secret|8Q~/);
  });

  test('state export, reset and load round-trip', async () => {
    await emulator.createTenant({ domain: 'exported.onmicrosoft.com' });
    const exported = await emulator.state();
    assert.ok(exported.tenants.some((t) => t.domains.includes('exported.onmicrosoft.com')));
    assert.doesNotMatch(JSON.stringify(exported), /Passw0rd|client-secret-0000001/, 'only credential digests are exported');
    await emulator.reset();
    assert.ok(!(await emulator.state()).tenants.some((t) => t.domains.includes('exported.onmicrosoft.com')));
    await emulator.loadState(exported);
    assert.ok((await emulator.state()).tenants.some((t) => t.domains.includes('exported.onmicrosoft.com')));
    writeFileSync(path.join(scratch, 'state.json'), JSON.stringify(exported));
  });
});

describe('command line', () => {
  test('--help exits 0, bad usage exits 2', () => {
    const help = spawnSync(process.execPath, ['--import', 'tsx', cliScript, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /--auto-sign-in/);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', cliScript, '--port', 'eighty'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--port/);
  });

  test('prints the listening and CA lines, serves, keeps CA and kid across restarts, exits 0 on SIGTERM', async () => {
    const dataDir = path.join(scratch, 'data');
    const run = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', cliScript, '--port', '0', '--data-dir', dataDir, '--state', path.join(scratch, 'state.json')], { stdio: ['ignore', 'pipe', 'inherit'] });
      const lines = createInterface({ input: child.stdout! });
      let url = '';
      let ca = '';
      for await (const line of lines) {
        const listening = /^emulator listening on (https:\/\/127\.0\.0\.1:\d+)$/.exec(line);
        if (listening) url = listening[1]!;
        const caLine = /^emulator ca (.+)$/.exec(line);
        if (caLine) ca = caLine[1]!;
        if (url && ca) break;
      }
      assert.ok(url && ca, 'both lines printed');
      const { fetch, agent } = createTrustingFetch(readFileSync(ca, 'utf8'));
      const keys = (await (await fetch(`${url}/common/discovery/v2.0/keys`)).json()) as { keys: { kid: string }[] };
      const tenants = (await (await fetch(`${url}/_emulator/tenants`)).json()) as { value: { domains: string[] }[] };
      agent.destroy();
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exit, 0);
      return { ca: readFileSync(ca, 'utf8'), kid: keys.keys[0]!.kid, tenants: tenants.value };
    };
    const first = await run();
    const second = await run();
    assert.equal(second.ca, first.ca, 'the CA persists in the data dir');
    assert.equal(second.kid, first.kid, 'the signing key (kid) persists in the data dir');
    assert.ok(first.tenants.some((t) => t.domains.includes('exported.onmicrosoft.com')), '--state loaded the exported organisation');
  });
});
