// The files API as a host product and a console user meet it: browsing a connected user's Microsoft 365 files,
// the errors they can act on, and attachments (link, copy with its job, download, remove, refresh). Microsoft is a
// fake Graph behind the hub's one transport (support/fake-graph.ts); the hub is the production composition.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { copyJobs, FILES_COPY_JOB, linkRefreshJobs, FILES_REFRESH_LINKS_JOB } from '../../src/features/files/index.js';
import { saveDelegatedConnection } from '../../src/features/tokens/connection-store.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { JobQueue, type Job } from '../../src/platform/jobs/job-queue.js';
import type { JobContext } from '../../src/platform/jobs/job-worker.js';
import { createLocalDiskStorage } from '../../src/platform/storage/local-disk-storage.js';
import { startS3Server } from '../support/s3-server.js';
import { createMicrosoftTransport } from '../../src/microsoft/transport/index.js';
import type { ConnectionUser } from '../../src/contract/integration-schemas.js';
import { PASSWORD, startHub, workspaceWithPeople, type Caller, type Hub } from '../http/hub-fixture.js';
import { DOWNLOAD_ORIGIN, DRIVE_ID, FakeGraph, GRAPH_URL } from './support/fake-graph.js';

const FIXTURE_KEY = new KeyRing([{ id: 'fixture', key: Buffer.alloc(32, 9) }]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** The first `limit` bytes of a stream of chunks. */
async function* firstBytes(chunks: AsyncIterable<Uint8Array>, limit: number): AsyncGenerator<Uint8Array> {
  let sent = 0;
  for await (const chunk of chunks) {
    const part = chunk.subarray(0, limit - sent);
    sent += part.length;
    yield part;
    if (sent >= limit) return;
  }
}

describe('files API', () => {
  let hub: Hub;
  let graph: FakeGraph;
  let documentsDir: string;
  let ws: Awaited<ReturnType<typeof workspaceWithPeople>>;
  let host: Caller; // the host product's backend acting for host-user-1
  const report = randomBytes(200_000);

  async function connect(user: ConnectionUser, token: string, access: 'ok' | 'forbidden' = 'ok') {
    graph.tokens.set(token, access);
    const redeemed = {
      accessToken: token,
      refreshToken: `refresh-${token}`,
      expiresAt: new Date(hub.clock.now().getTime() + 24 * 3600_000),
      scopes: ['Files.Read.All', 'offline_access'],
      idTokenClaims: { tid: 'tenant-1', oid: `oid-${token}`, sub: 'sub', preferredUsername: `${token}@contoso.test`, name: token, email: undefined, issuer: 'https://login.test' },
    };
    await hub.store.db.transaction().execute((trx) => saveDelegatedConnection(trx, FIXTURE_KEY, { workspaceId: ws.workspaceId, user, redeemed, clock: hub.clock }));
  }

  /** Runs the queued job of `type` once, as the worker would (the fixture runs no worker). */
  async function runJob(job: Pick<Job, 'id'>, handlers: Record<string, (context: JobContext) => Promise<unknown>>, type: string, signal = new AbortController().signal) {
    const queue = new JobQueue({ db: hub.store.db, clock: hub.clock, logger: hub.server.log as never });
    const stored = (await queue.get(ws.workspaceId, job.id))!;
    const progress: Array<[number, number]> = [];
    const result = await handlers[type]!({ job: { ...stored, attempts: 1 }, signal, progress: async (done, total) => void progress.push([done, total]), heartbeat: async () => {} });
    return { result, progress };
  }

  const jobDeps = () => ({
    db: hub.store.db,
    clock: hub.clock,
    storage: createLocalDiskStorage(documentsDir),
    maxCopyBytes: 1_000_000,
    microsoft: {
      graphUrl: GRAPH_URL,
      transport: createMicrosoftTransport({ fetch: graph.fetch, sleep: async () => {} }),
      accessToken: async (_ws: string, user: ConnectionUser) => (user.id === 'host-user-1' ? 'token-host-1' : 'token-other'),
    },
  });

  before(async () => {
    graph = new FakeGraph();
    documentsDir = mkdtempSync(path.join(tmpdir(), 'm365hub-documents-'));
    hub = await startHub('pglite', {
      fetch: graph.fetch,
      env: { M365HUB_GRAPH_URL: GRAPH_URL, M365HUB_DOCUMENTS_DIR: documentsDir, M365HUB_FILES_MAX_COPY_BYTES: '1000000' },
    });
    ws = await workspaceWithPeople(hub, 'files');
    host = { headers: { ...ws.apiKey.headers, 'x-m365hub-acting-user': 'host-user-1' } };
    await connect({ kind: 'external_user', id: 'host-user-1' }, 'token-host-1');
    graph.add({ id: '01REPORT', name: 'Q1 report.pdf', bytes: report });
    graph.add({ id: '02EMPTY', name: 'empty.txt', bytes: Buffer.alloc(0) });
    graph.add({ id: '03FOLDER', name: 'Evidence', folder: true });
    graph.add({ id: '04BIG', name: 'video.mp4', bytes: Buffer.alloc(1_000_001) });
    graph.add({ id: '05NASTY', name: `../../etc/passwd\u0000\u202Efdp.exe${'x'.repeat(400)}.pdf`, bytes: Buffer.from('nasty') });
  });
  after(async () => {
    await hub?.close();
    rmSync(documentsDir, { recursive: true, force: true });
  });
  beforeEach(() => {
    graph.throttleSeconds = undefined;
    graph.corrupt = false;
  });

  const base = () => `/api/v1/workspaces/${ws.workspaceId}/files`;

  describe('browsing', () => {
    it("lists the acting user's sources with their own token, and says which kind Microsoft refused and which permission it needs", async () => {
      const response = await hub.call(host, 'GET', `${base()}/sources`);
      assert.equal(response.statusCode, 200, response.body);
      const body = response.json() as { items: Array<{ kind: string; id: string }>; unavailable: Array<{ kind: string; code: string; detail: string }> };
      assert.deepEqual(body.items.map((s) => `${s.kind} ${s.id}`), [`onedrive ${DRIVE_ID}`, 'shared shared', 'team team-1']);
      assert.equal(body.unavailable[0]!.kind, 'sharepoint_site');
      assert.equal(body.unavailable[0]!.code, 'm365_permission_missing');
      assert.match(body.unavailable[0]!.detail, /Sites\.Read\.All/);
      assert.ok(graph.seen.filter((s) => s.origin === GRAPH_URL).every((s) => s.authorization === 'Bearer token-host-1'));
    });

    it("pages a folder's children with opaque cursors, and refuses a cursor it did not hand out", async () => {
      const names: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `limit=2&cursor=${cursor}` : 'limit=2';
        const response = await hub.call(host, 'GET', `${base()}/drives/${DRIVE_ID}/items/root/children?${query}`);
        assert.equal(response.statusCode, 200, response.body);
        const page = response.json() as { items: Array<{ name: string; kind: string }>; nextCursor: string | null };
        assert.ok(page.items.length <= 2);
        names.push(...page.items.map((i) => i.name));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      assert.equal(pages, 3);
      assert.equal(names.length, 5);
      assert.ok(names.includes('Evidence'));

      const forged = Buffer.from('/v1.0/me/messages?$top=1').toString('base64url');
      const refused = await hub.call(host, 'GET', `${base()}/drives/${DRIVE_ID}/items/root/children?cursor=${forged}`);
      assert.equal(refused.statusCode, 400);
      assert.equal((refused.json() as { code: string }).code, 'validation_failed');
    });

    it('shows one item with its size, type and Microsoft hash', async () => {
      const response = await hub.call(host, 'GET', `${base()}/drives/${DRIVE_ID}/items/01REPORT`);
      assert.equal(response.statusCode, 200, response.body);
      const item = response.json() as { name: string; size: number; mimeType: string; kind: string; quickXorHash: string };
      assert.equal(item.name, 'Q1 report.pdf');
      assert.equal(item.size, report.length);
      assert.equal(item.kind, 'file');
      assert.ok(item.quickXorHash);
    });

    it('tells a user who has not connected how to connect, and an API key without an acting user what to send', async () => {
      const stranger = await hub.call({ headers: { ...ws.apiKey.headers, 'x-m365hub-acting-user': 'host-user-never' } }, 'GET', `${base()}/sources`);
      assert.equal(stranger.statusCode, 409);
      const problem = stranger.json() as { code: string; detail: string };
      assert.equal(problem.code, 'm365_not_connected');
      assert.match(problem.detail, new RegExp(`/api/v1/workspaces/${ws.workspaceId}/users/host-user-never/connect-link`));

      const member = await hub.call(ws.member, 'GET', `${base()}/sources`);
      assert.equal((member.json() as { code: string }).code, 'm365_not_connected');
      assert.match((member.json() as { detail: string }).detail, /User Settings → Integrations/);

      const anonymousUser = await hub.call(ws.apiKey, 'GET', `${base()}/sources`);
      assert.equal(anonymousUser.statusCode, 400);
      assert.match((anonymousUser.json() as { detail: string }).detail, /X-M365Hub-Acting-User/);
    });

    it('answers an item that is gone with file_item_gone, and throttling with microsoft_throttled and Retry-After', async () => {
      const gone = await hub.call(host, 'GET', `${base()}/drives/${DRIVE_ID}/items/99GONE`);
      assert.equal(gone.statusCode, 404);
      assert.equal((gone.json() as { code: string }).code, 'file_item_gone');

      graph.throttleSeconds = 120; // longer than the client waits: reported, not waited for
      const throttled = await hub.call(host, 'GET', `${base()}/drives/${DRIVE_ID}/items/01REPORT`);
      assert.equal(throttled.statusCode, 503);
      assert.equal((throttled.json() as { code: string }).code, 'microsoft_throttled');
      assert.equal(throttled.headers['retry-after'], '120');
    });

    it('names the permission Microsoft wants when it refuses the user', async () => {
      await connect({ kind: 'external_user', id: 'host-user-limited' }, 'token-limited', 'forbidden');
      const refused = await hub.call({ headers: { ...ws.apiKey.headers, 'x-m365hub-acting-user': 'host-user-limited' } }, 'GET', `${base()}/drives/${DRIVE_ID}/items/01REPORT`);
      assert.equal(refused.statusCode, 403);
      assert.equal((refused.json() as { code: string }).code, 'm365_permission_missing');
      assert.match((refused.json() as { detail: string }).detail, /Files\.Read\.All/);
    });
  });

  describe('attachments', () => {
    const attachments = () => `${base()}/attachments`;
    const add = (body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      hub.call(host, 'POST', attachments(), { entityType: 'requirement', entityId: 'REQ-7', driveId: DRIVE_ID, ...body }, headers);

    it('links a file (201) with its Microsoft metadata and who added it; the same Idempotency-Key returns the same link', async () => {
      const first = await add({ mode: 'link', itemId: '01REPORT' }, { 'idempotency-key': 'link-once' });
      assert.equal(first.statusCode, 201, first.body);
      const link = first.json() as Record<string, unknown>;
      assert.equal(link.mode, 'link');
      assert.equal(link.status, 'active');
      assert.equal(link.name, 'Q1 report.pdf');
      assert.equal(link.size, report.length);
      assert.equal(link.mimeType, 'application/pdf');
      assert.equal(link.driveId, DRIVE_ID);
      assert.equal(link.itemId, '01REPORT');
      assert.ok(String(link.eTag).length > 0);
      assert.ok(String(link.webUrl).startsWith('https://'));
      assert.deepEqual(link.addedBy, { kind: 'external_user', id: 'host-user-1' });
      assert.equal(first.headers.location, `${attachments()}/${link.id}`);

      const again = await add({ mode: 'link', itemId: '01REPORT' }, { 'idempotency-key': 'link-once' });
      assert.equal(again.statusCode, 201);
      assert.equal((again.json() as { id: string }).id, link.id);
      const conflicting = await add({ mode: 'link', itemId: '02EMPTY' }, { 'idempotency-key': 'link-once' });
      assert.equal(conflicting.statusCode, 409);

      const list = await hub.call(host, 'GET', `${attachments()}?entityType=requirement&entityId=REQ-7`);
      assert.deepEqual((list.json() as { items: Array<{ id: string }> }).items.map((a) => a.id), [link.id]);
    });

    it("downloads a link's bytes from Microsoft without sending the token to the download host", async () => {
      const link = (await add({ mode: 'link', itemId: '01REPORT', entityId: 'REQ-dl' })).json() as { id: string };
      const before = graph.seen.length;
      const response = await hub.call(host, 'GET', `${attachments()}/${link.id}/content`);
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(sha256(response.rawPayload), sha256(report));
      assert.match(String(response.headers['content-disposition']), /filename\*=UTF-8''Q1%20report\.pdf/);
      const downloads = graph.seen.slice(before).filter((s) => s.origin === DOWNLOAD_ORIGIN);
      assert.equal(downloads.length, 1);
      assert.equal(downloads[0]!.authorization, null);
    });

    it('refuses folders and files over the copy limit with problems that say what to do', async () => {
      const folder = await add({ mode: 'link', itemId: '03FOLDER' });
      assert.equal(folder.statusCode, 422);
      assert.equal((folder.json() as { code: string }).code, 'file_not_a_file');
      const big = await add({ mode: 'copy', itemId: '04BIG' });
      assert.equal(big.statusCode, 413);
      assert.equal((big.json() as { code: string }).code, 'file_too_large');
      // Links are not limited by size.
      assert.equal((await add({ mode: 'link', itemId: '04BIG' })).statusCode, 201);
    });

    it('copies a file with a durable job: 202, bytes streamed into storage, SHA-256 recorded, then served from storage', async () => {
      const accepted = await add({ mode: 'copy', itemId: '01REPORT', entityId: 'REQ-copy' }, { 'idempotency-key': 'copy-once' });
      assert.equal(accepted.statusCode, 202, accepted.body);
      const job = accepted.json() as { id: string; type: string; status: string };
      assert.equal(job.type, FILES_COPY_JOB);
      const attachmentUrl = String(accepted.headers['content-location']);
      const pending = await hub.call(host, 'GET', `${attachmentUrl}/content`);
      assert.equal(pending.statusCode, 409, 'nothing is served before the copy is committed');
      assert.equal((pending.json() as { code: string }).code, 'attachment_not_copied');

      const again = await add({ mode: 'copy', itemId: '01REPORT', entityId: 'REQ-copy' }, { 'idempotency-key': 'copy-once' });
      assert.equal((again.json() as { id: string }).id, job.id, 'the same key answers the same job');

      const { result, progress } = await runJob(job, copyJobs(jobDeps()), FILES_COPY_JOB);
      assert.equal((result as { sha256: string }).sha256, sha256(report));
      assert.deepEqual(progress.at(-1), [report.length, report.length]);
      const attachment = (await hub.call(host, 'GET', attachmentUrl)).json() as { status: string; sha256: string; jobId: string };
      assert.equal(attachment.status, 'active');
      assert.equal(attachment.sha256, sha256(report));
      assert.equal(attachment.jobId, job.id);

      const graphCallsBefore = graph.seen.length;
      const content = await hub.call(ws.apiKey, 'GET', `${attachmentUrl}/content`);
      assert.equal(content.statusCode, 200);
      assert.equal(sha256(content.rawPayload), sha256(report));
      assert.equal(graph.seen.length, graphCallsBefore, 'a copy is served without Microsoft');
    });

    it('resumes a copy after a crash from the bytes already staged, asking Microsoft only for the rest', async () => {
      const accepted = (await add({ mode: 'copy', itemId: '01REPORT', entityId: 'REQ-crash' })).json() as { id: string };
      // The first attempt is killed after 100 000 bytes reached the disk (the process died mid-copy).
      const disk = createLocalDiskStorage(documentsDir);
      const killed = copyJobs({ ...jobDeps(), storage: { ...disk, appendStaged: async (key, chunks) => {
        await disk.appendStaged(key, firstBytes(chunks, 100_000));
        throw new Error('process killed');
      } } });
      await assert.rejects(runJob(accepted, killed, FILES_COPY_JOB), /process killed/);
      const pending = await hub.call(host, 'GET', `${attachments()}?entityType=requirement&entityId=REQ-crash`);
      assert.equal((pending.json() as { items: Array<{ status: string }> }).items[0]!.status, 'copying', 'an attempt that died is not a failed copy');
      const staged = readdirSync(path.join(documentsDir, '.staging'));
      assert.equal(staged.length, 1, 'the interrupted copy left its staged bytes');

      const before = graph.seen.length;
      const { result } = await runJob(accepted, copyJobs(jobDeps()), FILES_COPY_JOB);
      assert.equal((result as { sha256: string }).sha256, sha256(report));
      const resumed = graph.seen.slice(before).filter((s) => s.origin === DOWNLOAD_ORIGIN);
      assert.deepEqual(resumed.map((s) => s.range), ['bytes=100000-'], 'only what was missing was asked for');
    });

    it('copies into S3-compatible object storage (s3rver): an interrupted attempt resumes from complete segments, and only the commit is readable', async () => {
      const server = await startS3Server();
      const s3 = server.storage();
      try {
        const accepted = (await add({ mode: 'copy', itemId: '01REPORT', entityId: 'REQ-s3' })).json() as { id: string };
        // The first attempt stores one complete segment of 100 000 bytes, then the process dies.
        const killed = copyJobs({ ...jobDeps(), storage: { ...s3, appendStaged: async (key, chunks) => {
          await s3.appendStaged(key, firstBytes(chunks, 100_000));
          throw new Error('process killed');
        } } });
        await assert.rejects(runJob(accepted, killed, FILES_COPY_JOB), /process killed/);
        const before = graph.seen.length;
        const { result } = await runJob(accepted, copyJobs({ ...jobDeps(), storage: s3 }), FILES_COPY_JOB);
        assert.equal((result as { sha256: string }).sha256, sha256(report));
        const resumed = graph.seen.slice(before).filter((seen) => seen.origin === DOWNLOAD_ORIGIN);
        assert.deepEqual(resumed.map((seen) => seen.range), ['bytes=100000-'], 'only what was missing was asked for');
        const row = await hub.store.db.selectFrom('file_attachments').select('storage_key').where('job_id', '=', accepted.id).executeTakeFirstOrThrow();
        const stored = await s3.read(row.storage_key!);
        const chunks: Buffer[] = [];
        for await (const chunk of stored!.stream) chunks.push(Buffer.from(chunk as Uint8Array));
        assert.equal(sha256(Buffer.concat(chunks)), sha256(report));
        assert.equal(await s3.stagedSize(row.storage_key!), 0, 'the staging segments are gone after the commit');
      } finally {
        await server.close();
      }
    });

    it("refuses to keep a copy whose bytes do not match Microsoft's QuickXorHash", async () => {
      const accepted = (await add({ mode: 'copy', itemId: '01REPORT', entityId: 'REQ-corrupt' })).json() as { id: string };
      graph.corrupt = true;
      await assert.rejects(runJob(accepted, copyJobs(jobDeps()), FILES_COPY_JOB), (error: unknown) => (error as { code?: string }).code === 'copy_hash_mismatch');
      const location = `${attachments()}?entityType=requirement&entityId=REQ-corrupt`;
      const [attachment] = (((await hub.call(host, 'GET', location)).json()) as { items: Array<{ id: string; status: string }> }).items;
      const content = await hub.call(host, 'GET', `${attachments()}/${attachment!.id}/content`);
      assert.equal(content.statusCode, 409, 'nothing half-written or wrong is visible');
    });

    it('copies a zero-byte file and a file with a hostile name, storing the name safely and the bytes only under our ids', async () => {
      for (const itemId of ['02EMPTY', '05NASTY']) {
        const accepted = (await add({ mode: 'copy', itemId, entityId: `REQ-${itemId}` })).json() as { id: string };
        await runJob(accepted, copyJobs(jobDeps()), FILES_COPY_JOB);
      }
      const nasty = ((await hub.call(host, 'GET', `${attachments()}?entityType=requirement&entityId=REQ-05NASTY`)).json() as { items: Array<{ id: string; name: string; status: string }> }).items[0]!;
      assert.equal(nasty.status, 'active');
      assert.ok(!nasty.name.includes('\u0000') && !nasty.name.includes('\u202E'), 'control and bidi-override characters are dropped');
      assert.ok([...nasty.name].length <= 255);
      assert.ok(nasty.name.endsWith('.pdf'), 'the extension is kept when the name is cut');
      const stored = readdirSync(path.join(documentsDir, ws.workspaceId));
      assert.ok(stored.every((name) => /^att_[a-z2-7]{26}$/.test(name)), `only ids on disk: ${stored.join(', ')}`);
      const content = await hub.call(host, 'GET', `${attachments()}/${nasty.id}/content`);
      assert.equal(content.body, 'nasty');
      assert.match(String(content.headers['content-disposition']), /^attachment; filename="[^"\\]*"; filename\*=UTF-8''/);

      const empty = ((await hub.call(host, 'GET', `${attachments()}?entityType=requirement&entityId=REQ-02EMPTY`)).json() as { items: Array<{ id: string; sha256: string }> }).items[0]!;
      assert.equal(empty.sha256, sha256(Buffer.alloc(0)));
    });

    it('removes an attachment and its stored copy; it is then gone (404)', async () => {
      const accepted = (await add({ mode: 'copy', itemId: '01REPORT', entityId: 'REQ-remove' })).json() as { id: string };
      await runJob(accepted, copyJobs(jobDeps()), FILES_COPY_JOB);
      const [attachment] = ((await hub.call(host, 'GET', `${attachments()}?entityType=requirement&entityId=REQ-remove`)).json() as { items: Array<{ id: string }> }).items;
      const filesBefore = readdirSync(path.join(documentsDir, ws.workspaceId));
      assert.ok(filesBefore.includes(attachment!.id));
      assert.equal((await hub.call(host, 'DELETE', `${attachments()}/${attachment!.id}`)).statusCode, 204);
      assert.equal((await hub.call(host, 'GET', `${attachments()}/${attachment!.id}`)).statusCode, 404);
      assert.ok(!readdirSync(path.join(documentsDir, ws.workspaceId)).includes(attachment!.id));
    });

    it('a copy of an item deleted between pick and copy fails clearly, leaving nothing behind', async () => {
      graph.add({ id: '06SHORTLIVED', name: 'draft.docx', bytes: Buffer.from('draft') });
      const accepted = (await add({ mode: 'copy', itemId: '06SHORTLIVED', entityId: 'REQ-deleted' })).json() as { id: string };
      graph.files.delete('06SHORTLIVED');
      await assert.rejects(runJob(accepted, copyJobs(jobDeps()), FILES_COPY_JOB), (error: unknown) => (error as { code?: string }).code === 'file_item_gone');
      const [attachment] = ((await hub.call(host, 'GET', `${attachments()}?entityType=requirement&entityId=REQ-deleted`)).json() as { items: Array<{ status: string }> }).items;
      assert.equal(attachment!.status, 'copy_failed');
    });

    it('the refresh job marks links whose item was deleted, moved, or is out of the user\'s reach — and keeps them listed', async () => {
      graph.add({ id: '07MOVES', name: 'policy.docx', bytes: Buffer.from('policy') });
      graph.add({ id: '08DELETED', name: 'old.docx', bytes: Buffer.from('old') });
      for (const itemId of ['07MOVES', '08DELETED', '01REPORT']) await add({ mode: 'link', itemId, entityId: 'REQ-refresh' });
      graph.files.get('07MOVES')!.parentPath = `/drives/${DRIVE_ID}/root:/Archive`;
      graph.files.delete('08DELETED');
      hub.clock.advance(2 * 3600_000);
      const queue = new JobQueue({ db: hub.store.db, clock: hub.clock, logger: hub.server.log as never });
      const job = await queue.enqueue({ type: FILES_REFRESH_LINKS_JOB, workspaceId: ws.workspaceId, payload: {} });
      await runJob(job, linkRefreshJobs(jobDeps()), FILES_REFRESH_LINKS_JOB);
      const listed = ((await hub.call(host, 'GET', `${attachments()}?entityType=requirement&entityId=REQ-refresh`)).json() as { items: Array<{ itemId: string; status: string }> }).items;
      assert.deepEqual(Object.fromEntries(listed.map((a) => [a.itemId, a.status])), { '07MOVES': 'moved', '08DELETED': 'deleted', '01REPORT': 'active' });
    });

    it("lists every attachment of the workspace newest first, of one status, for admins and the API key; not for members, and not with half a record's key", async () => {
      const all = async (caller: Caller, query = '') => {
        const items: Array<{ id: string; status: string; createdAt: string; entityId: string }> = [];
        let cursor: string | null = null;
        do {
          const response = await hub.call(caller, 'GET', `${attachments()}?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`);
          assert.equal(response.statusCode, 200, response.body);
          const page = response.json() as { items: typeof items; nextCursor: string | null };
          items.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor);
        return items;
      };
      // Fresh console sessions: an earlier test moved the clock past the fixture's.
      const admin = await hub.signIn('admin-files@example.com', PASSWORD);
      const member = await hub.signIn('member-files@example.com', PASSWORD);
      const everything = await all(admin);
      const stored = await hub.store.db.selectFrom('file_attachments').select(['id', 'status']).where('workspace_id', '=', ws.workspaceId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
      assert.ok(stored.length > 3);
      assert.deepEqual(everything.map((a) => a.id), stored.map((r) => r.id), 'every attachment once, newest first, across pages');
      assert.deepEqual((await all(host)).map((a) => a.id), stored.map((r) => r.id), 'the API key sees the same');
      const deleted = await all(admin, '&status=deleted');
      assert.deepEqual(deleted.map((a) => a.id), stored.filter((r) => r.status === 'deleted').map((r) => r.id));
      assert.ok(deleted.length >= 1 && deleted.every((a) => a.status === 'deleted'));

      const asMember = await hub.call(member, 'GET', attachments());
      assert.equal(asMember.statusCode, 403);
      assert.match((asMember.json() as { detail: string }).detail, /entityType and entityId/);
      assert.equal((await hub.call(member, 'GET', `${attachments()}?entityType=requirement&entityId=REQ-7`)).statusCode, 200, "a member still lists one record's");
      const half = await hub.call(admin, 'GET', `${attachments()}?entityType=requirement`);
      assert.equal(half.statusCode, 400);
      assert.equal((half.json() as { code: string; errors: Array<{ pointer: string }> }).code, 'validation_failed');
      assert.equal((half.json() as { errors: Array<{ pointer: string }> }).errors[0]!.pointer, '/querystring/entityId');

      const other = await workspaceWithPeople(hub, 'files-other');
      assert.deepEqual((await hub.call(other.admin, 'GET', `/api/v1/workspaces/${other.workspaceId}/files/attachments`)).json(), { items: [], nextCursor: null }, "another workspace's list holds none of these");
    });
  });
});
