// The files API against the emulator's file system (Microsoft Graph shapes, opaque skip tokens, 302 downloads),
// acting for a host product's user whose connection holds a real emulator token.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../emulator/harness.js';
import { userToken } from '../../emulator/graph/test/graph-test-client.js';
import { saveDelegatedConnection } from '../../src/features/tokens/connection-store.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { startHub, workspaceWithPeople, type Caller, type Hub } from '../http/hub-fixture.js';

const DANA = 'dana@contoso.onmicrosoft.com';

describe('files API on the emulator', () => {
  let emulator: EmulatorHandle;
  let hub: Hub;
  let host: Caller;
  let base: string;
  let token: string;

  before(async () => {
    emulator = await startEmulator({ autoSignIn: true, autoConsent: true, filesPerFolder: 5 });
    token = await userToken(emulator, DANA, 'Files.Read.All Sites.Read.All Team.ReadBasic.All Channel.ReadBasic.All');
    hub = await startHub('pglite', { fetch: emulator.fetch, env: { M365HUB_GRAPH_URL: emulator.url } });
    const ws = await workspaceWithPeople(hub, 'emu');
    host = { headers: { ...ws.apiKey.headers, 'x-m365hub-acting-user': 'dana-in-host' } };
    base = `/api/v1/workspaces/${ws.workspaceId}/files`;
    const redeemed = {
      accessToken: token,
      refreshToken: 'unused',
      expiresAt: new Date(hub.clock.now().getTime() + 3000_000),
      scopes: ['Files.Read.All'],
      idTokenClaims: { tid: emulator.tenantId!, oid: 'dana', sub: 'dana', preferredUsername: DANA, name: 'Dana', email: undefined, issuer: emulator.issuer() },
    };
    await hub.store.db.transaction().execute((trx) => saveDelegatedConnection(trx, new KeyRing([{ id: 'fixture', key: Buffer.alloc(32, 9) }]), { workspaceId: ws.workspaceId, user: 'dana-in-host', redeemed, clock: hub.clock }));
  });
  after(async () => {
    await hub?.close();
    await emulator?.close();
  });

  it("walks the user's OneDrive root page by page to the same items Graph lists", async () => {
    const sources = (await hub.call(host, 'GET', `${base}/sources`)).json() as { items: Array<{ kind: string; id: string }> };
    const drive = sources.items.find((s) => s.kind === 'onedrive');
    assert.ok(drive, JSON.stringify(sources));
    const root = await emulator.fetch(`${emulator.url}/v1.0/me/drive/root/children?$top=999`, { headers: { authorization: `Bearer ${token}` } });
    const expected = ((await root.json()) as { value: Array<{ id: string }> }).value.map((i) => i.id).sort();
    const rootId = ((await (await emulator.fetch(`${emulator.url}/v1.0/me/drive/root`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string }).id;
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response = await hub.call(host, 'GET', `${base}/drives/${drive.id}/items/${rootId}/children?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      assert.equal(response.statusCode, 200, response.body);
      const page = response.json() as { items: Array<{ id: string }>; nextCursor: string | null };
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen.sort(), expected);
  });

  it("links a file and downloads through the hub the same bytes a direct Graph download gives", async () => {
    const file = (await (await emulator.fetch(`${emulator.url}/v1.0/me/drive/root:/Projects/2026 Audit/Evidence register.xlsx`, { headers: { authorization: `Bearer ${token}` } })).json()) as { id: string; size: number; parentReference: { driveId: string } };
    const added = await hub.call(host, 'POST', `${base}/attachments`, { entityType: 'control', entityId: 'CTRL-1', mode: 'link', driveId: file.parentReference.driveId, itemId: file.id });
    assert.equal(added.statusCode, 201, added.body);
    const content = await hub.call(host, 'GET', `${base}/attachments/${(added.json() as { id: string }).id}/content`);
    assert.equal(content.statusCode, 200);
    assert.equal(content.rawPayload.length, file.size);
    const direct = await emulator.fetch(`${emulator.url}/v1.0/drives/${file.parentReference.driveId}/items/${file.id}/content`, { headers: { authorization: `Bearer ${token}` } });
    const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
    assert.equal(sha(content.rawPayload), sha(new Uint8Array(await direct.arrayBuffer())));
  });

  it("reaches a team's channel folder and lists its files", async () => {
    const sources = (await hub.call(host, 'GET', `${base}/sources`)).json() as { items: Array<{ kind: string; id: string }>; unavailable: unknown[] };
    const team = sources.items.find((s) => s.kind === 'team');
    assert.ok(team, JSON.stringify(sources));
    const channels = await hub.call(host, 'GET', `${base}/teams/${team.id}/channels`);
    assert.equal(channels.statusCode, 200, channels.body);
    const channel = (channels.json() as { items: Array<{ id: string }> }).items[0]!;
    const folder = await hub.call(host, 'GET', `${base}/teams/${team.id}/channels/${encodeURIComponent(channel.id)}/folder`);
    assert.equal(folder.statusCode, 200, folder.body);
    const { driveId, id } = folder.json() as { driveId: string; id: string };
    const children = await hub.call(host, 'GET', `${base}/drives/${driveId}/items/${id}/children`);
    assert.equal(children.statusCode, 200, children.body);
  });
});
