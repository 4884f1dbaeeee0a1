// The emulator's Office 365 Management Activity API
// (https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-reference):
// tokens for https://manage.office.com with ActivityFeed.Read, subscriptions start/stop/list with Microsoft's AF
// errors, content listed per enabled subscription with NextPageUri paging, and blobs holding what happened in the
// emulator (sign-ins seeded, users added through the control API).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../harness.js';
import { claimsOf } from './support/jwt.js';

let emulator: EmulatorHandle;
let feed: string;

before(async () => {
  emulator = await startEmulator();
  feed = `${emulator.url}/api/v1.0/${emulator.tenantId}/activity/feed`;
});
after(async () => emulator?.close());

/** A fresh app-only token by client credentials (the demo app holds ActivityFeed.Read in Contoso). */
async function appToken(scope = 'https://manage.office.com/.default', tenant = emulator.tenantId!, clientId = emulator.seed!.application.appId, secret = emulator.seed!.application.clientSecret): Promise<string> {
  const response = await emulator.fetch(`${emulator.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret, scope }).toString(),
  });
  const body = (await response.json()) as { access_token?: string };
  assert.ok(body.access_token, JSON.stringify(body));
  return body.access_token;
}

const call = async (method: string, url: string, token: string, body?: unknown) =>
  emulator.fetch(url, { method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) }, ...(body ? { body: JSON.stringify(body) } : {}) });

const errorCode = async (response: Response) => ((await response.json()) as { error: { code: string } }).error.code;

describe('Management Activity API on the emulator', () => {
  test('the token for https://manage.office.com carries ActivityFeed.Read only (Graph roles stay in Graph tokens)', async () => {
    const claims = claimsOf(await appToken());
    assert.equal(claims.aud, 'https://manage.office.com');
    assert.deepEqual(claims.roles, ['ActivityFeed.Read']);
    assert.ok(!(claimsOf(await appToken('https://graph.microsoft.com/.default')).roles as string[]).includes('ActivityFeed.Read'));
  });

  test('content before a subscription: AF20022; start, start again (AF20024), list, stop', async () => {
    const token = await appToken();
    const before = await call('GET', `${feed}/subscriptions/content?contentType=Audit.General`, token);
    assert.equal(before.status, 400);
    assert.equal(await errorCode(before), 'AF20022');
    const started = await call('POST', `${feed}/subscriptions/start?contentType=Audit.General`, token);
    assert.equal(started.status, 200);
    assert.deepEqual(await started.json(), { contentType: 'Audit.General', status: 'enabled', webhook: null });
    const again = await call('POST', `${feed}/subscriptions/start?contentType=Audit.General`, token);
    assert.equal(again.status, 400);
    assert.deepEqual(await again.json(), { error: { code: 'AF20024', message: 'The subscription is already enabled. No property change.' } });
    const list = (await (await call('GET', `${feed}/subscriptions/list`, token)).json()) as { contentType: string; status: string }[];
    assert.ok(list.some((s) => s.contentType === 'Audit.General' && s.status === 'enabled'));
    assert.equal((await call('POST', `${feed}/subscriptions/stop?contentType=Audit.General`, token)).status, 200);
    const stopped = (await (await call('GET', `${feed}/subscriptions/list`, token)).json()) as { contentType: string; status: string }[];
    assert.equal(stopped.find((s) => s.contentType === 'Audit.General')?.status, 'disabled');
    assert.equal(await errorCode(await call('POST', `${feed}/subscriptions/start?contentType=Audit.Nothing`, token)), 'AF20020');
  });

  test('seeded sign-ins and a user added through the directory appear in Audit.AzureActiveDirectory blobs', async () => {
    const token = await appToken();
    await call('POST', `${feed}/subscriptions/start?contentType=Audit.AzureActiveDirectory`, token);
    await emulator.createUser(emulator.tenantId!, { userPrincipalName: 'audited@contoso.onmicrosoft.com' });
    const listed = await call('GET', `${feed}/subscriptions/content?contentType=Audit.AzureActiveDirectory`, token);
    assert.equal(listed.status, 200);
    const blobs = (await listed.json()) as { contentUri: string; contentType: string; contentExpiration: string }[];
    assert.ok(blobs.length >= 1);
    const records: { Operation: string; ObjectId: string; OrganizationId: string }[] = [];
    for (const blob of blobs) records.push(...((await (await call('GET', blob.contentUri, token)).json()) as typeof records));
    assert.ok(records.some((r) => r.Operation === 'UserLoggedIn'), 'seeded sign-ins');
    assert.ok(records.some((r) => r.Operation === 'Add user.' && r.ObjectId === 'audited@contoso.onmicrosoft.com'));
    assert.ok(records.every((r) => r.OrganizationId === emulator.tenantId));
    const missing = await call('GET', `${feed}/audit/20261205000000nothing`, token);
    assert.equal(await errorCode(missing), 'AF20050');
  });

  test('time windows: both or neither, at most 24 hours, within 7 days', async () => {
    const token = await appToken();
    await call('POST', `${feed}/subscriptions/start?contentType=Audit.SharePoint`, token);
    const now = Date.now();
    const at = (ms: number) => new Date(ms).toISOString().slice(0, 19);
    assert.equal(await errorCode(await call('GET', `${feed}/subscriptions/content?contentType=Audit.SharePoint&startTime=${at(now - 3_600_000)}`, token)), 'AF20055');
    assert.equal(await errorCode(await call('GET', `${feed}/subscriptions/content?contentType=Audit.SharePoint&startTime=${at(now - 30 * 3_600_000)}&endTime=${at(now)}`, token)), 'AF20055');
    assert.equal(await errorCode(await call('GET', `${feed}/subscriptions/content?contentType=Audit.SharePoint&startTime=${at(now - 8 * 86_400_000)}&endTime=${at(now - 8 * 86_400_000 + 3_600_000)}`, token)), 'AF20056');
    assert.equal(await errorCode(await call('GET', `${feed}/subscriptions/content?contentType=Audit.SharePoint&startTime=yesterday&endTime=today`, token)), 'AF20054');
    assert.equal((await call('GET', `${feed}/subscriptions/content?contentType=Audit.SharePoint&startTime=${at(now - 3_600_000)}&endTime=${at(now + 60_000)}`, token)).status, 200);
  });

  test('more blobs than a page: NextPageUri leads to the rest, each blob once', async () => {
    // Enabled here or by the test before (then AF20024, which changes nothing).
    await call('POST', `${feed}/subscriptions/start?contentType=Audit.AzureActiveDirectory`, await appToken());
    // One user change per five-minute blob, 105 of them (under 24 hours of emulator time).
    for (let i = 0; i < 105; i++) {
      await emulator.createUser(emulator.tenantId!, { userPrincipalName: `pager${i}@contoso.onmicrosoft.com` });
      await emulator.advanceClock(300);
    }
    const token = await appToken();
    const ids: string[] = [];
    let url: string | null = `${feed}/subscriptions/content?contentType=Audit.AzureActiveDirectory`;
    let pages = 0;
    while (url) {
      const page: Response = await call('GET', url, token);
      assert.equal(page.status, 200, await page.clone().text());
      ids.push(...((await page.json()) as { contentId: string }[]).map((b) => b.contentId));
      url = page.headers.get('nextpageuri');
      pages++;
    }
    assert.equal(pages, 2);
    assert.equal(new Set(ids).size, ids.length);
    assert.ok(ids.length >= 105, String(ids.length));
  });

  test('refused: another tenant in the path (AF20010), no ActivityFeed.Read (AF10001), a Graph token (401)', async () => {
    const token = await appToken();
    const other = await call('GET', `${emulator.url}/api/v1.0/${emulator.seed!.otherTenant.id}/activity/feed/subscriptions/list`, token);
    assert.equal(await errorCode(other), 'AF20010');
    const app = await emulator.createApplication(emulator.tenantId!, { displayName: 'no activity feed' });
    const secret = await emulator.addSecret(emulator.tenantId!, app.appId);
    await emulator.grant(emulator.tenantId!, { appId: app.appId, roles: ['User.Read.All'] });
    const without = await call('GET', `${feed}/subscriptions/list`, await appToken(undefined, undefined, app.appId, secret.secretText));
    assert.equal(without.status, 401);
    assert.equal(await errorCode(without), 'AF10001');
    const graph = await call('GET', `${feed}/subscriptions/list`, await appToken('https://graph.microsoft.com/.default'));
    assert.equal(graph.status, 401);
  });
});
