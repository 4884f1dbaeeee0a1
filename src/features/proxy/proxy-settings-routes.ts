// Whether a workspace's pass-through reaches every Graph path or only the enabled services' paths. Opening it is an
// operator's decision (an instance administrator), audited; workspace admins and the API key can read it.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { Type } from 'typebox';
import { WorkspaceParams } from '../../contract/api-schemas.js';
import { auditContextOf, principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { recordAudit } from '../audit/index.js';
import { readOpenPassthrough, type ProxyPolicy } from './proxy-policy.js';

const ProxySettings = Type.Object(
  { openPassthrough: Type.Boolean({ description: 'true: every Graph path; false (default): only the paths of the services the workspace enabled' }) },
  { additionalProperties: false },
);

export function registerProxySettingsRoutes(server: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock; policy: ProxyPolicy }): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const path = '/api/v1/workspaces/:workspaceId/proxy/settings';

  api.get(path, { config: { access: 'workspace_admin' }, schema: { tags: ['pass-through'], summary: "The workspace's pass-through policy", params: WorkspaceParams, response: { 200: ProxySettings } } }, async (request) => ({
    openPassthrough: await readOpenPassthrough(deps.db, workspaceOf(request).id),
  }));

  api.put(
    path,
    { config: { access: 'workspace_admin_user' }, schema: { tags: ['pass-through'], summary: 'Open the pass-through to every Graph path, or close it to the enabled services (instance administrators; audited)', params: WorkspaceParams, body: ProxySettings, response: { 200: ProxySettings } } },
    async (request) => {
      const principal = principalOf(request);
      if (principal.kind !== 'user' || !principal.user.isInstanceAdmin) {
        throw new HttpProblem('forbidden', { detail: "Only an instance administrator (the hub's operator) may change the pass-through policy." });
      }
      const workspaceId = workspaceOf(request).id;
      const now = deps.clock.now();
      const open = request.body.openPassthrough;
      await deps.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('proxy_settings')
          .values({ workspace_id: workspaceId, open_passthrough: open, updated_by: principal.user.id, updated_at: now })
          .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ open_passthrough: open, updated_by: principal.user.id, updated_at: now }))
          .execute();
        await recordAudit(trx, { workspaceId, ...auditContextOf(request, deps.clock), action: open ? 'proxy.opened' : 'proxy.closed', target: { type: 'workspace', id: workspaceId } });
      });
      deps.policy.forget(workspaceId);
      return { openPassthrough: open };
    },
  );
}
