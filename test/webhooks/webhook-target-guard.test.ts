// SSRF: with the default configuration a webhook may not point at (or resolve to) an address inside the operator's
// network, neither when it is saved nor when it is delivered (DNS rebinding: the name changes its answer later).
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { createWebhookSender } from '../../src/features/webhooks/webhook-sender.js';
import { checkWebhookTarget, isPublicAddress, WebhookTargetError, type Resolver } from '../../src/features/webhooks/webhook-target.js';

const resolvesTo = (...addresses: string[]): Resolver => async () => addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
const publicDns = resolvesTo('93.184.215.14');

describe('webhook target guard', () => {
  const refused = [
    'http://127.0.0.1/hook',
    'http://127.1/hook',
    'http://localhost:80/',
    'http://10.0.0.5/hook',
    'http://172.16.3.4/',
    'http://192.168.1.10/',
    'http://169.254.169.254/latest/meta-data/',
    'http://100.64.0.1/',
    'http://0.0.0.0/',
    'http://224.0.0.1/',
    'http://[::1]/hook',
    'http://[::]/',
    'http://[fe80::1]/',
    'http://[fd00::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://[::ffff:a9fe:a9fe]/',
    'http://0x7f000001/',
    'http://2130706433/',
    'http://0177.0.0.1/',
    'http://0x7f.1/',
  ];
  for (const url of refused) {
    it(`refuses ${url}`, async () => {
      // localhost resolves through the (real) resolver to loopback; literal hosts never reach the resolver.
      await assert.rejects(checkWebhookTarget(url, { allowPrivate: false, ...(url.includes('localhost') ? {} : { resolve: publicDns }) }), (e: WebhookTargetError) => e.code === 'webhook_target_forbidden');
    });
  }

  it('refuses a name that resolves to a private address, even when one of its addresses is public', async () => {
    await assert.rejects(checkWebhookTarget('https://hooks.example.com/x', { allowPrivate: false, resolve: resolvesTo('93.184.215.14', '10.1.2.3') }), (e: WebhookTargetError) => e.code === 'webhook_target_forbidden');
  });

  it('accepts a public https URL and refuses other schemes and embedded credentials', async () => {
    assert.equal((await checkWebhookTarget('https://hooks.example.com/m365', { allowPrivate: false, resolve: publicDns })).host, 'hooks.example.com');
    await assert.rejects(checkWebhookTarget('ftp://hooks.example.com/', { allowPrivate: false, resolve: publicDns }), (e: WebhookTargetError) => e.code === 'webhook_url_invalid');
    await assert.rejects(checkWebhookTarget('https://user:pw@hooks.example.com/', { allowPrivate: false, resolve: publicDns }), (e: WebhookTargetError) => e.code === 'webhook_url_invalid');
  });

  it('allows private targets when the operator says so (development)', async () => {
    assert.equal((await checkWebhookTarget('http://127.0.0.1:9/hook', { allowPrivate: true })).hostname, '127.0.0.1');
  });

  it('classifies addresses', () => {
    assert.equal(isPublicAddress('8.8.8.8'), true);
    assert.equal(isPublicAddress('2606:4700:4700::1111'), true);
    for (const a of ['127.0.0.1', '10.0.0.1', '169.254.169.254', '::1', '::ffff:10.0.0.1', 'fc00::1', '100.127.255.254', '255.255.255.255', 'not-an-ip']) assert.equal(isPublicAddress(a), false, a);
  });

  it('at delivery, refuses a name that now resolves to loopback (DNS rebinding) without sending anything', async () => {
    let received = 0;
    const receiver = createServer((_req, res) => {
      received++;
      res.end('ok');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const port = (receiver.address() as AddressInfo).port;
    try {
      // Saved while it pointed at a public address; the delivery-time answer is 127.0.0.1, where our receiver listens.
      await checkWebhookTarget(`http://rebind.example.test:${port}/hook`, { allowPrivate: false, resolve: publicDns });
      const send = createWebhookSender({ allowPrivateTargets: false, resolve: resolvesTo('127.0.0.1') });
      const result = await send(`http://rebind.example.test:${port}/hook`, '{}', {});
      assert.equal(result.ok, false);
      assert.match(result.error ?? '', /non-public address/);
      const literal = await send(`http://127.0.0.1:${port}/hook`, '{}', {});
      assert.equal(literal.ok, false);
      assert.equal(received, 0);
      // The same sender with private targets allowed reaches it: the refusals above were the guard, not the network.
      assert.equal((await createWebhookSender({ allowPrivateTargets: true })(`http://127.0.0.1:${port}/hook`, '{}', {})).ok, true);
      assert.equal(received, 1);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });

  it('does not follow redirects', async () => {
    let hits = 0;
    const receiver = createServer((_req, res) => {
      hits++;
      res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    try {
      const result = await createWebhookSender({ allowPrivateTargets: true })(`http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, '{}', {});
      assert.equal(result.ok, false);
      assert.equal(result.statusCode, 302);
      assert.equal(hits, 1);
    } finally {
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    }
  });
});
