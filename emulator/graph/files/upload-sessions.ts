// Resumable uploads (https://learn.microsoft.com/graph/api/driveitem-createuploadsession; samples in
// /work/shared/microsoft/graph/upload-session.json). createUploadSession answers an uploadUrl on the emulator's origin in
// SharePoint's shape (`/_api/v2.0/drives/{drive}/items/{parent}/uploadSession?guid='…'&…&tempauth=…`); PUTs to it carry
// `Content-Range: bytes a-b/total` and no Authorization (one is refused with 401, as the page warns it may be).
// Fragments arrive in order, each under 60 MiB and a multiple of 320 KiB except the last; a fragment the server
// already has, or one beyond the next expected byte, is 416; 202 with `nextExpectedRanges` until the last byte,
// then 201 (new file) or 200 (replaced) with the driveItem. GET shows the status, DELETE cancels (204). A session
// expires 15 minutes of emulator time after its last fragment (404 afterwards); sessions live in memory (a restart
// ends them: 404, start a new one), their bytes in the data dir's uploads/ until committed.
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, renameSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../../server/emulator-context.js';
import type { Tenant } from '../../state/directory-types.js';
import { GraphError, graphErrors, sendGraphError } from '../graph-errors.js';
import { graphTrace } from '../graph-router.js';
import type { GraphObject } from '../odata-query.js';
import { driveIdOf, type DriveOwner } from '../resources/files-resources.js';
import { fileSystemOf, type FileSystem } from './file-system.js';
import type { IdentitySet } from './item-tree.js';
import { itemResource } from './item-resource.js';
import { freeName, nameAlreadyExists, writeFile, type ConflictBehavior } from './item-writes.js';
import { QuickXorFold } from './quick-xor-hash.js';

export const fragmentUnit = 320 * 1024;
export const maxFragment = 60 * 1024 * 1024;
export const sessionIdleMs = 15 * 60_000;
const uploadPath = '/_api/v2.0/drives/:driveId/items/:itemId/uploadSession';

export interface NewSession {
  tenant: Tenant;
  owner: DriveOwner;
  /** The file to replace, or (absent) the folder and name of a new file. */
  targetId?: string;
  parentId: string;
  name: string;
  conflict: ConflictBehavior;
  deferCommit: boolean;
  who: IdentitySet;
}

interface Session extends NewSession {
  /** The uploadUrl's tempauth: whoever holds the URL may upload, as with Microsoft's. */
  secret: string;
  guid: string;
  total?: number;
  received: number;
  expiresMs: number;
  /** The partial file under uploads/. */
  part: string;
}

export class UploadSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly system: FileSystem) {
    system.onReset.push(() => this.sessions.clear());
  }

  private now(): number {
    return this.system.ctx.clock.now();
  }

  create(input: NewSession, origin: string): GraphObject {
    const secret = randomBytes(32).toString('base64url');
    const part = this.system.journal.newPath('uploads');
    writeFileSync(part, '');
    const session: Session = { ...input, secret, guid: randomBytes(16).toString('hex'), received: 0, expiresMs: this.now() + sessionIdleMs, part };
    this.sessions.set(secret, session);
    const driveId = driveIdOf(input.owner);
    const query = `guid='${session.guid}'&overwrite=${input.conflict === 'replace' ? 'True' : 'False'}&rename=${input.conflict === 'rename' ? 'True' : 'False'}&dc=0&tempauth=${secret}`;
    return {
      '@odata.context': `${origin}/v1.0/$metadata#microsoft.graph.uploadSession`,
      expirationDateTime: new Date(session.expiresMs).toISOString(),
      nextExpectedRanges: ['0-'],
      uploadUrl: `${origin}/_api/v2.0/drives/${driveId}/items/${input.targetId ?? input.parentId}/uploadSession?${query}`,
    };
  }

  /** A live session, or the 404 an expired or unknown one gets. */
  find(secret: string | undefined): Session {
    const session = secret ? this.sessions.get(secret) : undefined;
    if (!session || session.expiresMs < this.now()) {
      if (session) this.end(session);
      throw new GraphError(404, 'itemNotFound', 'The upload session was not found or has expired. Create a new upload session.', {}, 'uploadSessionNotFound');
    }
    return session;
  }

  end(session: Session): void {
    this.sessions.delete(session.secret);
    rmSync(session.part, { force: true });
  }

  status(session: Session): GraphObject {
    const complete = session.total !== undefined && session.received === session.total;
    return { expirationDateTime: new Date(session.expiresMs).toISOString(), nextExpectedRanges: complete ? [] : [`${session.received}-${session.total !== undefined ? session.total - 1 : ''}`] };
  }

  /** Appends one fragment; returns the status (more to come) or the committed item. */
  async put(session: Session, rangeHeader: string | undefined, body: Readable, origin: string): Promise<{ status: number; body: GraphObject }> {
    const match = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(rangeHeader?.trim() ?? '');
    if (!match) throw new GraphError(400, 'invalidRequest', 'A fragment needs a Content-Range header: bytes {first}-{last}/{total}.', {}, 'invalidParameterFormat');
    const [start, end, total] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (session.total !== undefined && total !== session.total) throw new GraphError(400, 'invalidRequest', `The total size ${total} differs from the ${session.total} given by earlier fragments.`, {}, 'invalidParameterFormat');
    if (end < start || end >= total) throw new GraphError(416, 'invalidRange', `The range ${start}-${end} does not fit a file of ${total} bytes.`);
    const length = end - start + 1;
    if (length >= maxFragment) throw new GraphError(413, 'invalidRequest', 'A fragment must be smaller than 60 MiB.', {}, 'maxFragmentLengthExceeded');
    if (start < session.received) throw new GraphError(416, 'invalidRange', 'Uploaded fragment overlaps with existing data.', {}, 'fragmentOverlap');
    if (start > session.received) throw new GraphError(416, 'invalidRange', `Fragments must be uploaded in order: the next expected byte is ${session.received}.`, {}, 'fragmentOutOfOrder');
    if (end + 1 < total && length % fragmentUnit !== 0) throw new GraphError(400, 'invalidRequest', 'Every fragment but the last must be a multiple of 320 KiB (327,680 bytes).', {}, 'invalidParameterFormat');
    session.total = total;

    let count = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        count += chunk.length;
        done(count > length ? new Error('longer than Content-Range') : null, chunk);
      },
    });
    try {
      await pipeline(body, meter, createWriteStream(session.part, { flags: 'r+', start }));
    } catch {
      count = -1;
    }
    if (count !== length) {
      truncateSync(session.part, session.received); // the fragment's bytes are ignored, as after a dropped connection
      body.resume();
      throw new GraphError(400, 'invalidRequest', `The fragment's body did not match its Content-Range (${length} bytes).`, {}, 'fragmentLengthMismatch');
    }
    session.received = end + 1;
    session.expiresMs = this.now() + sessionIdleMs;
    if (session.received < total || session.deferCommit) return { status: 202, body: this.status(session) };
    return this.commit(session, origin);
  }

  /** Moves the bytes into the drive (a new file or new content), honouring the session's conflict behaviour. */
  async commit(session: Session, origin: string): Promise<{ status: number; body: GraphObject }> {
    if (session.total === undefined || session.received !== session.total) throw new GraphError(400, 'invalidRequest', 'The upload is not complete yet.', {}, 'uploadSessionIncomplete');
    const tree = this.system.tree(session.owner, session.tenant);
    const existing = session.targetId ? tree.get(session.targetId) : tree.childNamed(session.parentId, session.name);
    const parent = tree.get(session.parentId);
    if (!parent) throw graphErrors.itemNotFound('The destination folder no longer exists.');
    if (existing && !session.targetId && session.conflict === 'fail') throw nameAlreadyExists(session.name);
    const fold = new QuickXorFold();
    for await (const chunk of createReadStream(session.part)) fold.update(chunk as Buffer);
    const blob = this.system.journal.newPath('blobs');
    renameSync(session.part, blob);
    const bytes = { blob: path.basename(blob), size: statSync(blob).size, quickXorHash: fold.digest() };
    const writer = { system: this.system, tree, who: session.who, now: this.now() };
    const target =
      existing && (session.targetId || session.conflict === 'replace')
        ? { existing }
        : { parent, name: existing ? freeName(tree, parent.id, session.name) : session.name };
    const { item, created } = writeFile(writer, target, bytes, undefined);
    this.sessions.delete(session.secret);
    const drive = { owner: session.owner, driveId: tree.driveId, tree };
    return { status: created ? 201 : 200, body: itemResource({ system: this.system, drive, tenant: session.tenant, origin }, item) };
  }
}

const sessionsOf = new WeakMap<FileSystem, UploadSessions>();

export function uploadSessionsOf(system: FileSystem): UploadSessions {
  let sessions = sessionsOf.get(system);
  if (!sessions) sessionsOf.set(system, (sessions = new UploadSessions(system)));
  return sessions;
}

type UploadRequest = FastifyRequest<{ Querystring: { tempauth?: string } }>;

export function registerUploadHost(app: FastifyInstance, ctx: EmulatorContext): void {
  const sessions = uploadSessionsOf(fileSystemOf(ctx));
  const run = async (request: UploadRequest, reply: FastifyReply, work: () => Promise<{ status: number; body?: GraphObject }>) => {
    try {
      if (request.headers.authorization) {
        throw new GraphError(401, 'unauthenticated', 'Do not send an Authorization header to an uploadUrl: it is pre-authenticated.');
      }
      const { status, body } = await work();
      return body === undefined ? reply.code(status).send() : reply.code(status).type('application/json').send(body);
    } catch (error) {
      request.raw.resume();
      if (error instanceof GraphError) return sendGraphError(reply, error, graphTrace(request));
      throw error;
    }
  };
  const origin = (request: FastifyRequest) => ctx.origin(request);
  void app.register(async (scope) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.put<{ Querystring: { tempauth?: string } }>(uploadPath, (request, reply) =>
      run(request, reply, () => sessions.put(sessions.find(request.query.tempauth), request.headers['content-range'], request.raw, origin(request))),
    );
    scope.get<{ Querystring: { tempauth?: string } }>(uploadPath, (request, reply) => run(request, reply, async () => ({ status: 200, body: sessions.status(sessions.find(request.query.tempauth)) })));
    // deferCommit: an empty POST completes the upload (OneDrive for Business and SharePoint).
    scope.post<{ Querystring: { tempauth?: string } }>(uploadPath, (request, reply) => run(request, reply, () => sessions.commit(sessions.find(request.query.tempauth), origin(request))));
    scope.delete<{ Querystring: { tempauth?: string } }>(uploadPath, (request, reply) =>
      run(request, reply, async () => {
        sessions.end(sessions.find(request.query.tempauth));
        return { status: 204 };
      }),
    );
  });
}
