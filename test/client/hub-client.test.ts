// The typed client (m365hub/client) used as a host product's backend uses it: against a real hub and the emulator,
// it makes a connect link, follows the user's connection, reads problems as problem+json, and verifies a webhook.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { createHubClient, readWebhookEvent, verifyWebhookSignature, WebhookVerificationError } from '../../src/client/index.js';
import { signatureHeader } from '../../src/features/webhooks/webhook-signature.js';
import { startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';

describe('typed client for host backends', () => {
  let kit: ConnectKit;
  let ws: { id: string; apiKey: string };

  before(async () => {
    kit = await startConnectKit('pglite');
    ws = await kit.workspace('Typed client');
  });
  after(async () => kit?.close());

  it('makes a connect link for a user and follows that user’s connection once they connected', async () => {
    const hub = createHubClient({ baseUrl: kit.hub.url, apiKey: ws.apiKey });
    const link = await hub.POST('/api/v1/workspaces/{workspaceId}/users/{externalUserId}/connect-link', {
      params: { path: { workspaceId: ws.id, externalUserId: 'ext-typed-1' } },
      body: { returnTo: `${kit.hub.url}/host/done` },
    });
    assert.equal(link.response.status, 201, JSON.stringify(link.error));
    assert.ok(link.data?.url.startsWith(`${kit.hub.url}/auth/m365/connect-link/`), link.data?.url);

    // The user opens the link in their browser and signs in at Microsoft (the emulator).
    const started = await fetch(link.data!.url, { redirect: 'manual' });
    const binding = started.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const callback = await kit.microsoftSignIn(started.headers.get('location')!, 'dana@contoso.onmicrosoft.com');
    assert.equal((await fetch(callback, { redirect: 'manual', headers: { cookie: binding } })).status, 303);

    const asUser = hub.forUser('ext-typed-1');
    const mine = await asUser.GET('/api/v1/workspaces/{workspaceId}/me/connection', { params: { path: { workspaceId: ws.id } } });
    assert.equal(mine.response.status, 200, JSON.stringify(mine.error));
    assert.equal(mine.data?.userPrincipalName, 'dana@contoso.onmicrosoft.com');
    assert.equal(mine.data?.status, 'active');
  });

  it('hands back the hub’s problem+json on an error, and never a token', async () => {
    const hub = createHubClient({ baseUrl: kit.hub.url, apiKey: ws.apiKey });
    const missing = await hub.GET('/api/v1/workspaces/{workspaceId}/users/{externalUserId}/connection', {
      params: { path: { workspaceId: ws.id, externalUserId: 'nobody-here' } },
    });
    assert.equal(missing.response.status, 404);
    assert.equal(missing.response.headers.get('content-type')?.split(';')[0], 'application/problem+json');
    assert.equal(missing.error?.code, 'not_found', 'error is typed as the hub’s Problem');

    const wrongKey = createHubClient({ baseUrl: kit.hub.url, apiKey: 'm365k_not-a-key' });
    const refused = await wrongKey.GET('/api/v1/workspaces/{workspaceId}/connections', { params: { path: { workspaceId: ws.id } } });
    assert.equal(refused.response.status, 401);
  });

  it('another workspace’s id answers 404 through the client, whatever the key may do elsewhere', async () => {
    const other = await kit.workspace('Someone else');
    const hub = createHubClient({ baseUrl: kit.hub.url, apiKey: ws.apiKey });
    const foreign = await hub.GET('/api/v1/workspaces/{workspaceId}/connections', { params: { path: { workspaceId: other.id } } });
    assert.equal(foreign.response.status, 404, 'the same answer as a workspace that does not exist');
    assert.equal(foreign.data, undefined);
  });

  describe('webhook verification', () => {
    const secret = 'whsec_typed-client-test';
    const body = JSON.stringify({ id: 'evt_1', type: 'connection.connected', workspaceId: 'ws_1', createdAt: '2026-12-05T10:00:00.000Z', data: {} });
    const now = 1_800_000_000;

    it('accepts what the hub signs, and hands back the event', () => {
      const header = signatureHeader([secret], now, body);
      assert.equal(verifyWebhookSignature(header, body, secret, { nowSeconds: now }), true);
      assert.equal(readWebhookEvent(header, body, secret, { nowSeconds: now }).type, 'connection.connected');
    });

    it('during a rotation either secret verifies', () => {
      const header = signatureHeader(['whsec_new', secret], now, body);
      assert.equal(verifyWebhookSignature(header, body, ['whsec_other', secret], { nowSeconds: now }), true);
    });

    it('attack: a changed body is refused', () => {
      const header = signatureHeader([secret], now, body);
      assert.throws(() => readWebhookEvent(header, body.replace('connected', 'disconnected'), secret, { nowSeconds: now }), WebhookVerificationError);
    });

    it('attack: a delivery replayed after the tolerance is refused', () => {
      const header = signatureHeader([secret], now, body);
      assert.equal(verifyWebhookSignature(header, body, secret, { nowSeconds: now + 301 }), false);
    });

    it('attack: a signature moved onto another timestamp is refused', () => {
      const signed = createHmac('sha256', secret).update(`${now}.${body}`).digest('hex');
      assert.equal(verifyWebhookSignature(`t=${now + 10},v1=${signed}`, body, secret, { nowSeconds: now + 10 }), false);
    });

    it('attack: a missing, empty or malformed header is refused', () => {
      for (const header of [undefined, null, '', 't=abc,v1=00', `t=${now}`, `t=${now},v1=${'z'.repeat(64)}`]) {
        assert.equal(verifyWebhookSignature(header, body, secret, { nowSeconds: now }), false, String(header));
      }
    });
  });
});
