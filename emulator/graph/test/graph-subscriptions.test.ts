// Graph change notifications in the emulator, seen from a subscriber's endpoint: the validation handshake and its
// failures, Microsoft's lifetime limits, the resource's permission, notifications when a user is created, renewal,
// deletion and lifecycle events (subscription resource, subscription-post-subscriptions,
// change-notifications-delivery-webhooks, change-notifications-lifecycle-events).
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../harness.js';
import { appToken, appWithRoles, userToken } from './graph-test-client.js';

let emulator: EmulatorHandle;
let tid: string;
let appOnly: string;

/** A subscriber endpoint whose validation answer each test can change; it keeps every notification it got. */
let answerValidation: (token: string) => { status: number; body: string } = (token) => ({ status: 200, body: token });
const received: { path: string; body: any }[] = [];
let subscriber: Server;
let subscriberUrl: string;

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    request.on('data', (c) => (text += c));
    request.on('end', () => resolve(text));
  });

before(async () => {
  emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
  tid = emulator.tenantId!;
  appOnly = await appToken(emulator, tid, emulator.seed!.application.appId, emulator.seed!.application.clientSecret);
  subscriber = createServer(async (request, response) => {
    const url = new URL(request.url!, 'http://localhost');
    const token = url.searchParams.get('validationToken');
    const text = await readBody(request);
    if (token !== null) {
      const answer = answerValidation(token);
      response.writeHead(answer.status, { 'content-type': 'text/plain' }).end(answer.body);
      return;
    }
    received.push({ path: url.pathname, body: JSON.parse(text) });
    response.writeHead(202).end();
  });
  await new Promise<void>((resolve) => subscriber.listen(0, '127.0.0.1', resolve));
  subscriberUrl = `http://127.0.0.1:${(subscriber.address() as AddressInfo).port}`;
});
after(async () => {
  await emulator?.close();
  await new Promise((resolve) => subscriber?.close(resolve));
});

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();

async function graph(method: string, path: string, token: string, body?: unknown) {
  const response = await emulator.fetch(`${emulator.url}/v1.0${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function until<T>(what: string, probe: () => T | undefined): Promise<T> {
  for (let i = 0; i < 400; i++) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('Graph subscriptions in the emulator', () => {
  test('create validates the endpoint, answers 201 in Graph’s shape, and a new user is notified to it', async () => {
    const created = await graph('POST', '/subscriptions', appOnly, { changeType: 'updated,deleted', notificationUrl: `${subscriberUrl}/users-hook`, resource: 'users', expirationDateTime: inMinutes(60), clientState: 'secret-state' });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.resource, 'users');
    assert.equal(created.body.applicationId, emulator.seed!.application.appId);
    assert.equal(created.body.clientState, 'secret-state');
    assert.match(created.body['@odata.context'], /\$metadata#subscriptions\/\$entity$/);

    const user = await emulator.createUser(tid, { userPrincipalName: `notify-${Date.now()}@contoso.onmicrosoft.com` });
    const got = await until('the notification', () => received.find((r) => r.path === '/users-hook' && r.body.value[0].resourceData.id === user.id));
    const item = got.body.value[0];
    assert.equal(item.subscriptionId, created.body.id);
    assert.equal(item.changeType, 'updated');
    assert.equal(item.clientState, 'secret-state');
    assert.equal(item.resource, `Users/${user.id}`);
    assert.equal(item.resourceData['@odata.type'], '#Microsoft.Graph.User');
    assert.equal(item.tenantId, tid);
  });

  test('a validation answered wrongly, with another status, or with the token altered is refused (400 InvalidRequest)', async () => {
    try {
      answerValidation = () => ({ status: 500, body: '' });
      const failed = await graph('POST', '/subscriptions', appOnly, { changeType: 'updated', notificationUrl: `${subscriberUrl}/h`, resource: 'users', expirationDateTime: inMinutes(60) });
      assert.equal(failed.status, 400);
      assert.equal(failed.body.error.code, 'InvalidRequest');
      assert.match(failed.body.error.message, /must respond with 200 OK/);

      answerValidation = (token) => ({ status: 200, body: `${token}x` });
      const altered = await graph('POST', '/subscriptions', appOnly, { changeType: 'updated', notificationUrl: `${subscriberUrl}/h`, resource: 'users', expirationDateTime: inMinutes(60) });
      assert.equal(altered.status, 400);
      assert.match(altered.body.error.message, /must exactly match validationToken/);
    } finally {
      answerValidation = (token) => ({ status: 200, body: token });
    }
  });

  test('Microsoft’s lifetime limits: users up to 41760 minutes, messages up to 4230; past or beyond is 400', async () => {
    assert.equal((await graph('POST', '/subscriptions', appOnly, { changeType: 'updated', notificationUrl: `${subscriberUrl}/h`, resource: 'users', expirationDateTime: inMinutes(41_700) })).status, 201);
    const tooLong = await graph('POST', '/subscriptions', appOnly, { changeType: 'updated', notificationUrl: `${subscriberUrl}/h`, resource: 'users', expirationDateTime: inMinutes(41_800) });
    assert.equal(tooLong.status, 400);
    assert.match(tooLong.body.error.message, /41760 minutes/);
    const past = await graph('POST', '/subscriptions', appOnly, { changeType: 'updated', notificationUrl: `${subscriberUrl}/h`, resource: 'users', expirationDateTime: inMinutes(-1) });
    assert.equal(past.status, 400);
  });

  test('the watched resource’s permission is required; a notification URL must be HTTPS (loopback http allowed)', async () => {
    const narrow = await appWithRoles(emulator, tid, ['Sites.Read.All']);
    const denied = await graph('POST', '/subscriptions', narrow.token, { changeType: 'updated', notificationUrl: `${subscriberUrl}/h`, resource: 'users', expirationDateTime: inMinutes(60) });
    assert.equal(denied.status, 403);
    assert.equal(denied.body.error.code, 'Authorization_RequestDenied');
    const plainHttp = await graph('POST', '/subscriptions', appOnly, { changeType: 'updated', notificationUrl: 'http://hooks.example.com/h', resource: 'users', expirationDateTime: inMinutes(60) });
    assert.equal(plainHttp.status, 400);
    assert.match(plainHttp.body.error.message, /HTTPS/);
    const unsupported = await graph('POST', '/subscriptions', appOnly, { changeType: 'updated', notificationUrl: `${subscriberUrl}/h`, resource: 'organization', expirationDateTime: inMinutes(60) });
    assert.equal(unsupported.status, 400);
  });

  test('a delegated subscription on the user’s own messages; renew, list (own app only), delete', async () => {
    const dana = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'User.Read Mail.Read');
    const created = await graph('POST', '/subscriptions', dana, { changeType: 'created', notificationUrl: `${subscriberUrl}/mail`, resource: 'me/mailFolders(\'Inbox\')/messages', expirationDateTime: inMinutes(60) });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    const renewed = await graph('PATCH', `/subscriptions/${id}`, dana, { expirationDateTime: inMinutes(4_000) });
    assert.equal(renewed.status, 200);
    assert.equal(Date.parse(renewed.body.expirationDateTime) > Date.now() + 3_900 * 60_000, true);
    const other = await appWithRoles(emulator, tid, ['User.Read.All']);
    assert.equal((await graph('GET', `/subscriptions/${id}`, other.token)).status, 404, 'another app does not see it');
    assert.ok(!(await graph('GET', '/subscriptions', other.token)).body.value.some((s: { id: string }) => s.id === id));
    assert.equal((await graph('DELETE', `/subscriptions/${id}`, dana)).status, 204);
    assert.equal((await graph('GET', `/subscriptions/${id}`, dana)).status, 404);
  });

  test('lifecycle events reach the lifecycle URL; subscriptionRemoved deletes the subscription', async () => {
    const created = await graph('POST', '/subscriptions', appOnly, { changeType: 'updated', notificationUrl: `${subscriberUrl}/groups-hook`, lifecycleNotificationUrl: `${subscriberUrl}/lifecycle`, resource: 'groups', expirationDateTime: inMinutes(60), clientState: 'life' });
    const id = created.body.id;
    const raised = await emulator.fetch(`${emulator.url}/_emulator/subscriptions/${id}/lifecycle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ lifecycleEvent: 'subscriptionRemoved' }) });
    assert.equal(raised.status, 202);
    const got = await until('the lifecycle event', () => received.find((r) => r.path === '/lifecycle' && r.body.value[0].subscriptionId === id));
    assert.equal(got.body.value[0].lifecycleEvent, 'subscriptionRemoved');
    assert.equal(got.body.value[0].clientState, 'life');
    assert.equal((await graph('GET', `/subscriptions/${id}`, appOnly)).status, 404);
  });
});
