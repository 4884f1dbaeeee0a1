// The audit logs, newest first: each workspace's, and the instance's own (sign-ins, workspace deletions). Read-only: the API has no way to change or delete entries.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import { listAudit } from './audit-log.js';
import { AuditEntryList, ListQuery, WorkspaceParams } from '../../contract/api-schemas.js';
import { principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { readSequenceCursor, sequenceCursor } from '../../platform/http/list-cursor.js';
import { auditEntryResource } from './audit-entry-resource.js';

export function registerAuditRoutes(server: FastifyInstance, deps: { db: Kysely<Database> }): void {
  const page = async (workspaceId: string | null, query: ListQuery) => {
    const beforeSeq = readSequenceCursor(query.cursor);
    const found = await listAudit(deps.db, workspaceId, { limit: query.limit ?? 50, ...(beforeSeq !== undefined ? { beforeSeq } : {}) });
    const last = found.entries.at(-1);
    return { items: found.entries.map(auditEntryResource), nextCursor: found.hasMore && last ? sequenceCursor(last.seq) : null };
  };

  server.withTypeProvider<TypeBoxTypeProvider>().get(
    '/api/v1/audit-log',
    {
      config: { access: 'user' },
      schema: {
        tags: ['audit log'],
        summary: 'Instance audit log, newest first: sign-ins (and failed ones), sign-outs and workspace deletions (instance admins)',
        querystring: ListQuery,
        response: { 200: AuditEntryList },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (principal.kind !== 'user' || !principal.user.isInstanceAdmin) {
        throw new HttpProblem('forbidden', { detail: 'Only instance administrators may read the instance audit log. Ask the operator of this hub.' });
      }
      return page(null, request.query);
    },
  );

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
    async (request) => page(workspaceOf(request).id, request.query),
  );
}
