// Typed actions in Microsoft 365 for host backends (workspace admins and the workspace API key). Each checks that the
// workspace enabled the service in the mode used (the permission catalogue's services), runs through the one Graph
// client with the right token, is audited, and is idempotent through Idempotency-Key.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { IDEMPOTENCY_KEY_HEADER, WorkspaceParams } from '../../contract/api-schemas.js';
import { ActionAccepted, SendMailBody } from '../../contract/action-schemas.js';
import { auditContextOf, principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { idempotencyKeyOf } from '../../platform/http/long-work.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { recordAudit } from '../audit/index.js';
import type { GraphClientFactory } from '../tokens/index.js';
import type { EnabledServices } from '../integrations/index.js';
import { requireService } from './action-actor.js';
import { REPLAYED_HEADER } from './action-write.js';
import { runOnce } from './idempotent-action.js';
import { registerOutlookActionRoutes } from './outlook-action-routes.js';
import { registerTeamsActionRoutes } from './teams-action-routes.js';
import { sendMail } from './mail-action.js';
import { mailFileOf, type AttachmentSource } from './mail-attachments.js';

export interface ActionServices {
  graphs: GraphClientFactory;
  /** The services the workspace's integration enabled, per mode (undefined: no integration). */
  enabledServices(workspaceId: string): Promise<EnabledServices>;
  /** The files feature's attachments, for mail attachments named by id (absent: only inline attachments). */
  attachments?: AttachmentSource;
}

export interface ActionRouteDeps extends ActionServices {
  db: Kysely<Database>;
  clock: Clock;
}

const tags = ['actions'];

export function registerActionRoutes(server: FastifyInstance, deps: ActionRouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  registerOutlookActionRoutes(server, deps);
  registerTeamsActionRoutes(server, deps);

  api.post(
    '/api/v1/workspaces/:workspaceId/actions/mail/send',
    {
      config: { access: 'workspace_admin' },
      schema: {
        tags,
        summary: `Send an e-mail from Outlook as the acting user (delegated) or as a mailbox of the tenant (application). Send an ${IDEMPOTENCY_KEY_HEADER} header: a retry with the same key answers the first outcome and never sends twice`,
        params: WorkspaceParams,
        body: SendMailBody,
        response: { 202: ActionAccepted },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const principal = principalOf(request);
      const input = request.body;
      const mode = input.mode ?? 'delegated';
      const actingUser = principal.kind === 'api_key' ? principal.actingUser : undefined;
      if (mode === 'delegated' && !actingUser) throw new HttpProblem('acting_user_required');
      if (mode === 'application' && !input.from) {
        throw new HttpProblem('validation_failed', { detail: 'Application mode sends from a mailbox of the tenant: set `from` to its user id or userPrincipalName.', errors: [{ pointer: '/body/from', detail: 'is required in application mode' }] });
      }
      await requireService(deps, workspaceId, 'mail', mode);
      const key = { workspaceId, kind: 'mail.send', idempotencyKey: idempotencyKeyOf(request), request: { input, actingUser: actingUser ?? null } };
      const outcome = await runOnce(deps.db, deps.clock, key, async () => {
        const graph = mode === 'delegated' ? deps.graphs.forUser(workspaceId, actingUser!) : deps.graphs.forApp(workspaceId, input.tenant);
        const readAttachment = (attachmentId: string) => {
          if (!deps.attachments) throw new HttpProblem('validation_failed', { detail: 'This hub keeps no attachments: send the file inline (contentBase64).' });
          return mailFileOf(deps.attachments, workspaceId, attachmentId, mode === 'delegated' ? actingUser : undefined);
        };
        await sendMail(graph, input, mode === 'delegated' ? 'me' : { mailbox: input.from! }, readAttachment);
        const acceptedAt = deps.clock.now();
        await recordAudit(deps.db, {
          workspaceId,
          ...auditContextOf(request, deps.clock),
          action: 'action.mail_sent',
          target: { type: 'mailbox', id: mode === 'delegated' ? actingUser! : input.from! },
          // Who it went to and how many attachments, never the content.
          data: { mode, recipients: input.to.length + (input.cc?.length ?? 0), attachments: input.attachments?.length ?? 0 },
        });
        return { action: 'mail.send', acceptedAt: acceptedAt.toISOString() };
      });
      if (outcome.replayed) reply.header(REPLAYED_HEADER, 'true');
      return reply.code(202).send(outcome.result);
    },
  );
}
