// The workspace's audit log, newest first. Read-only: the API has no way to change or delete entries.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import { listAudit } from './audit-log.js';
import { AuditEntryList, ListQuery, WorkspaceParams } from '../../contract/api-schemas.js';
import { workspaceOf } from '../../platform/http/authenticate.js';
import { readSequenceCursor, sequenceCursor } from '../../platform/http/list-cursor.js';
import { auditEntryResource } from './audit-entry-resource.js';

export function registerAuditRoutes(server: FastifyInstance, deps: { db: Kysely<Database> }): void {
  server.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/workspaces/:workspaceId/audit-log',
    {
      config: { access: 'workspace_admin' },
      schema: {
        tags: ['audit log'],
        summary: 'Audit log of the workspace, newest first (admins and the workspace API key)',
        params: WorkspaceParams,
        querystring: ListQuery,
        response: { 200: AuditEntryList },
      },
    },
    async (request) => {
      const limit = request.query.limit ?? 50;
      const beforeSeq = readSequenceCursor(request.query.cursor);
      const page = await listAudit(deps.db, workspaceOf(request).id, { limit, ...(beforeSeq !== undefined ? { beforeSeq } : {}) });
      const last = page.entries.at(-1);
      return { items: page.entries.map(auditEntryResource), nextCursor: page.hasMore && last ? sequenceCursor(last.seq) : null };
    },
  );
}
