// Attachments of the host product's records under /api/v1/workspaces/{ws}/files/attachments: list one record's (or,
// for admins and the API key, the whole workspace's),
// add (link → 201; copy → 202 with the copy job), show, remove, download. Members and API keys (an API key adds as
// the host product's user it names in X-M365Hub-Acting-User). Another workspace's attachment ids answer 404, as
// missing ones do.
import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AddAttachmentBody, Attachment, AttachmentList, AttachmentListQuery, AttachmentParams } from '../../contract/files-schemas.js';
import { Job, NoContent, WorkspaceParams } from '../../contract/api-schemas.js';
import { workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { positionCursor, readPositionCursor } from '../../platform/http/list-cursor.js';
import { acceptedJob, idempotencyKeyOf } from '../../platform/http/long-work.js';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import { listAttachments, toAttachment } from './attachment-store.js';
import type { AttachmentService } from './attachment-service.js';
import { attachmentDisposition } from './file-names.js';
import { FILES_BASE, withRetryAfter } from './files-routes.js';
import { actingUserOf } from '../tokens/index.js';

const tags = ['attachments'];
const member = { access: 'workspace_member' as const };
const ATTACHMENTS = `${FILES_BASE}/attachments`;

export function registerAttachmentRoutes(server: FastifyInstance, deps: { db: Kysely<Database>; attachments: AttachmentService }): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const { attachments } = deps;

  api.get(
    ATTACHMENTS,
    {
      config: member,
      schema: {
        tags,
        summary: "One record's attachments, oldest first (entityType + entityId); or every attachment of the workspace, newest first (admins and the API key); optionally of one status",
        params: WorkspaceParams,
        querystring: AttachmentListQuery,
        response: { 200: AttachmentList },
      },
    },
    async (request) => {
      const { entityType, entityId, status, limit, cursor } = request.query;
      const workspace = workspaceOf(request);
      if ((entityType === undefined) !== (entityId === undefined)) {
        const missing = entityType === undefined ? 'entityType' : 'entityId';
        throw new HttpProblem('validation_failed', {
          detail: 'Give both entityType and entityId for one record\'s attachments, or neither for the whole workspace\'s.',
          errors: [{ pointer: `/querystring/${missing}`, detail: `${missing} is required with ${missing === 'entityType' ? 'entityId' : 'entityType'}` }],
        });
      }
      const entity = entityType !== undefined && entityId !== undefined ? { entityType, entityId } : undefined;
      // Every record's attachments at once is an overview for the people who run the workspace, not for each member.
      if (!entity && workspace.role === 'member') {
        throw new HttpProblem('forbidden', { detail: 'Only workspace admins may list every attachment of the workspace. Give entityType and entityId to list one record\'s.' });
      }
      const page = await listAttachments(deps.db, workspace.id, { entity, status }, { limit: limit ?? 50, after: readPositionCursor(cursor) });
      return { items: page.items, nextCursor: positionCursor(page.next) };
    },
  );

  api.post(
    ATTACHMENTS,
    {
      config: member,
      schema: {
        tags,
        summary: 'Attach a Microsoft 365 file to a record: `link` answers 201 with the attachment; `copy` answers 202 with the copy job (its result names the attachment, also in Content-Location). Honours Idempotency-Key.',
        params: WorkspaceParams,
        body: AddAttachmentBody,
        response: { 201: Attachment, 202: Job },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const user = actingUserOf(request);
      const key = idempotencyKeyOf(request);
      let added;
      try {
        added = await attachments.add(workspaceId, user, request.body, key);
      } catch (error) {
        throw withRetryAfter(error);
      }
      const location = `/api/v1/workspaces/${workspaceId}/files/attachments/${added.row.id}`;
      if (added.kind === 'link') return reply.code(201).header('location', location).send(toAttachment(added.row));
      reply.header('content-location', location);
      return acceptedJob(reply, workspaceId, added.job);
    },
  );

  api.get(
    `${ATTACHMENTS}/:attachmentId`,
    { config: member, schema: { tags, summary: 'One attachment (a link\'s status says whether the refresh job found it deleted, moved or out of reach)', params: AttachmentParams, response: { 200: Attachment } } },
    async (request) => toAttachment(await attachments.get(workspaceOf(request).id, request.params.attachmentId)),
  );

  api.delete(
    `${ATTACHMENTS}/:attachmentId`,
    { config: member, schema: { tags, summary: 'Remove an attachment (and its stored copy); the Microsoft 365 file is not touched', params: AttachmentParams, response: { 204: NoContent } } },
    async (request, reply) => {
      await attachments.remove(workspaceOf(request).id, request.params.attachmentId);
      return reply.code(204).send(null);
    },
  );

  api.get(
    `${ATTACHMENTS}/:attachmentId/content`,
    { config: member, schema: {
        tags,
        summary: "The attachment's bytes: a copy from document storage; a link from Microsoft 365 as the acting user",
        params: AttachmentParams,
        response: { 200: { description: "The file's bytes, with its Content-Type and Content-Disposition", content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } } },
      } },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const { attachmentId } = request.params;
      let content;
      try {
        // A link is read as whoever downloads it: Microsoft decides whether they still may.
        content = await attachments.content(workspaceId, attachmentId, () => actingUserOf(request));
      } catch (error) {
        throw withRetryAfter(error);
      }
      reply
        .header('content-type', content.row.mime_type && /^[\w.+-]+\/[\w.+-]+$/.test(content.row.mime_type) ? content.row.mime_type : 'application/octet-stream')
        .header('content-disposition', attachmentDisposition(content.row.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-store');
      if (content.kind === 'stored') return reply.header('content-length', String(content.size)).send(content.stream as never); // a stream: the binary schema documents it, nothing serialises it
      // The first chunk before the headers: a file Microsoft no longer gives out is a problem answer, not a cut body.
      const iterator = content.chunks[Symbol.asyncIterator]();
      let first: IteratorResult<Uint8Array>;
      try {
        first = await iterator.next();
      } catch (error) {
        throw withRetryAfter(error);
      }
      const head = first;
      async function* rest(): AsyncGenerator<Uint8Array> {
        if (head.done) return;
        yield head.value;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
      }
      return reply.send(Readable.from(rest()) as never);
    },
  );
}
