// The organisation a user set up survives a restart of the emulator (and so of `m365hub demo`, which runs it with a
// data dir under its own): tenants, users, groups, applications with secrets (as digests) and certificates, grants
// and assignments, mail, calendar events, Teams messages and the security configuration, written before the change is answered, so even a kill (SIGKILL) loses nothing that was answered.
// `reset` returns to the seed, on disk too; the file is never torn (temporary file + fsync + rename).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createTrustingFetch } from '../client/trusting-fetch.js';
import { readReadyLines } from '../client/ready-lines.js';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { organisationFileName } from '../server/emulator-server.js';
import { createClientCertificate } from './support/test-certificate.js';
import { appWithRoles, graphGet, userToken } from '../graph/test/graph-test-client.js';

const cliScript = path.join(path.dirname(fileURLToPath(import.meta.url)), 'support', 'run-cli.ts');
let scratch: string;

before(() => {
  scratch = mkdtempSync(path.join(os.tmpdir(), 'm365hub-emulator-persist-'));
});
after(() => {
  rmSync(scratch, { recursive: true, force: true });
});

async function clientCredentials(emulator: EmulatorHandle, tenant: string, clientId: string, secret: string) {
  const response = await emulator.fetch(`${emulator.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope: 'https://graph.microsoft.com/.default' }).toString(),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the organisation in the data dir', () => {
  test('what was set up through the control API is there after a restart; reset returns to the seed, also after a restart', async () => {
    const dataDir = path.join(scratch, 'restart');
    let emulator = await startEmulator({ dataDir });
    const tid = emulator.tenantId!;
    const user = await emulator.createUser(tid, { userPrincipalName: 'kept@contoso.onmicrosoft.com', displayName: 'Kept User' });
    const group = await emulator.createGroup(tid, { displayName: 'Kept Group', memberIds: [user.id] });
    const app = await emulator.createApplication(tid, { displayName: 'kept app', appRoleAssignmentRequired: true });
    const secret = await emulator.addSecret(tid, app.appId);
    const { certificatePem } = await createClientCertificate();
    const certificate = await emulator.addCertificate(tid, app.appId, certificatePem);
    await emulator.grant(tid, { appId: app.appId, roles: ['User.Read.All'] });
    await emulator.assignUser(tid, app.appId, user.id);
    const before = await emulator.state();
    await emulator.close();

    const file = readFileSync(path.join(dataDir, organisationFileName), 'utf8');
    assert.ok(!file.includes(secret.secretText), 'the secret is kept as a digest only');
    assert.ok(!file.includes('Passw0rd'), 'passwords are kept as digests only');

    emulator = await startEmulator({ dataDir });
    try {
      assert.deepEqual(await emulator.state(), before, 'the same organisation, field for field');
      const kept = (await emulator.state()).applications.find((a) => a.appId === app.appId)!;
      assert.equal(kept.keyCredentials[0]?.thumbprint, certificate.thumbprint);
      assert.ok((await emulator.state()).groups.some((g) => g.id === group.id && g.memberIds.includes(user.id)));
      const token = await clientCredentials(emulator, tid, app.appId, secret.secretText);
      assert.equal(token.status, 200, 'the secret issued before the restart still signs in');

      await emulator.reset();
      assert.ok(!(await emulator.state()).users.some((u) => u.id === user.id));
    } finally {
      await emulator.close();
    }
    emulator = await startEmulator({ dataDir });
    try {
      const state = await emulator.state();
      assert.ok(!state.users.some((u) => u.id === user.id), 'reset was written too');
      assert.ok(state.applications.some((a) => a.appId === emulator.seed!.application.appId), 'the seed is there');
    } finally {
      await emulator.close();
    }
  });

  test('mail, calendar events and the security configuration written before a restart are there after it; reset returns them to the seed', async () => {
    const dataDir = path.join(scratch, 'workloads');
    const lee = 'lee@contoso.onmicrosoft.com';
    let emulator = await startEmulator({ dataDir, autoSignIn: true, autoConsent: true });
    const tid = emulator.tenantId!;
    const policies = await appWithRoles(emulator, tid, ['Policy.Read.All']);
    const dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'User.Read Mail.Send Calendars.ReadWrite');
    const leeToken = await userToken(emulator, lee, 'User.Read Mail.Read Calendars.Read');
    const send = (path: string, body: unknown) =>
      emulator.fetch(`${emulator.url}/v1.0${path}`, { method: 'POST', headers: { authorization: `Bearer ${dana}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal((await send('/me/sendMail', { message: { subject: 'Kept mail', body: { contentType: 'Text', content: 'x' }, toRecipients: [{ emailAddress: { address: lee } }] } })).status, 202);
    const start = { dateTime: '2026-12-07T10:00:00', timeZone: 'UTC' };
    const end = { dateTime: '2026-12-07T11:00:00', timeZone: 'UTC' };
    assert.equal((await send('/me/events', { subject: 'Kept meeting', start, end, attendees: [{ emailAddress: { address: lee }, type: 'required' }] })).status, 201);
    const seeded = (await graphGet(emulator, '/policies/identitySecurityDefaultsEnforcementPolicy', policies.token)).body.isEnabled as boolean;
    const toggled = await emulator.fetch(`${emulator.url}/_emulator/tenants/${tid}/securityDefaults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ isEnabled: !seeded }) });
    assert.equal(toggled.status, 200);
    await emulator.close();

    const subjects = async (path: string) => ((await graphGet(emulator, path, leeToken)).body.value as { subject: string }[]).map((m) => m.subject);
    emulator = await startEmulator({ dataDir, autoSignIn: true, autoConsent: true });
    try {
      assert.ok((await subjects('/me/mailFolders/inbox/messages')).includes('Kept mail'), "the message is still in the recipient's Inbox");
      assert.ok((await subjects('/me/events?$top=999')).includes('Kept meeting'), `the invitation is still in the attendee's calendar: ${await subjects('/me/events?$top=999')}`);
      assert.equal((await graphGet(emulator, '/policies/identitySecurityDefaultsEnforcementPolicy', policies.token)).body.isEnabled, !seeded, 'the security defaults as they were set');
      await emulator.reset();
      assert.deepEqual(await subjects('/me/mailFolders/inbox/messages'), []);
      assert.equal((await graphGet(emulator, '/policies/identitySecurityDefaultsEnforcementPolicy', (await appWithRoles(emulator, tid, ['Policy.Read.All'])).token)).body.isEnabled, seeded, 'reset returns to the seed');
    } finally {
      await emulator.close();
    }
  });

  test('a start from another origin (--users N) begins from that seed, not from a file written for another', async () => {
    const dataDir = path.join(scratch, 'origin');
    let emulator = await startEmulator({ dataDir });
    await emulator.createUser(emulator.tenantId!, { userPrincipalName: 'only-with-zero@contoso.onmicrosoft.com' });
    await emulator.close();
    emulator = await startEmulator({ dataDir, users: 3 });
    try {
      const upns = (await emulator.state()).users.map((u) => u.userPrincipalName);
      assert.ok(!upns.includes('only-with-zero@contoso.onmicrosoft.com'));
      assert.equal(upns.filter((u) => /^user\d+@/.test(u)).length, 3);
    } finally {
      await emulator.close();
    }
  });

  test('a change answered before SIGKILL is there on the next start; a torn temporary file left by a kill is ignored', async () => {
    const dataDir = path.join(scratch, 'killed');
    const run = async () => {
      const child = spawn(process.execPath, ['--import', 'tsx', cliScript, '--port', '0', '--data-dir', dataDir, '--seed', 'demo'], { stdio: ['ignore', 'pipe', 'inherit'] });
      const ready = await readReadyLines(child.stdout!);
      assert.ok(ready, 'the emulator started');
      const { url, ca } = ready;
      const { fetch, agent } = createTrustingFetch(readFileSync(ca, 'utf8'));
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      return { url, fetch, agent, child, exited };
    };

    const first = await run();
    const tenants = (await (await first.fetch(`${first.url}/_emulator/tenants`)).json()) as { value: { id: string }[] };
    const created = await first.fetch(`${first.url}/_emulator/tenants/${tenants.value[0]!.id}/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userPrincipalName: 'survivor@contoso.onmicrosoft.com' }),
    });
    assert.equal(created.status, 201);
    first.agent.destroy();
    first.child.kill('SIGKILL');
    assert.equal(await first.exited, 'SIGKILL');
    // What a kill in the middle of a write leaves behind: a partial temporary file next to the complete one.
    writeFileSync(path.join(dataDir, `${organisationFileName}.4242.tmp`), '{"format":"m365hub-emulator-organisation","version":1,"or');

    const second = await run();
    try {
      const state = (await (await second.fetch(`${second.url}/_emulator/state`)).json()) as { users: { userPrincipalName: string }[] };
      assert.ok(state.users.some((u) => u.userPrincipalName === 'survivor@contoso.onmicrosoft.com'));
    } finally {
      second.agent.destroy();
      second.child.kill('SIGTERM');
      await second.exited;
    }
    assert.deepEqual(readdirSync(dataDir).filter((n) => n.startsWith(organisationFileName)), [organisationFileName], 'the torn temporary file is gone');
  });

  test('an exported organisation larger than 256 KiB loads through POST /_emulator/state', async () => {
    const emulator = await startEmulator({ dataDir: path.join(scratch, 'large') });
    try {
      for (let i = 0; i < 40; i++) await emulator.createUser(emulator.tenantId!, { userPrincipalName: `big${i}@contoso.onmicrosoft.com`, displayName: 'x'.repeat(8_000) });
      const exported = await emulator.state();
      assert.ok(JSON.stringify(exported).length > 256 * 1024, 'the export is over the protocol body limit');
      await emulator.reset();
      await emulator.loadState(exported);
      assert.equal((await emulator.state()).users.filter((u) => u.userPrincipalName.startsWith('big')).length, 40);
    } finally {
      await emulator.close();
    }
  });
});
