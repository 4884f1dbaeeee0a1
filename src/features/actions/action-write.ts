// One write action: run at most once per Idempotency-Key (runOnce), audited when it was carried out, answered with
// `Idempotent-Replayed: true` when the answer is the stored one.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { auditContextOf } from '../../platform/http/authenticate.js';
import { idempotencyKeyOf } from '../../platform/http/long-work.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { recordAudit } from '../audit/index.js';
import type { Actor } from './action-actor.js';
import { runOnce } from './idempotent-action.js';

export const REPLAYED_HEADER = 'idempotent-replayed';

export interface WriteAction<T extends Record<string, unknown>> {
  kind: string;
  /** What identifies the request: a retry with the key must repeat it exactly. */
  request: unknown;
  work: () => Promise<T>;
  /** The audit entry: what was done to what; never content (subjects, bodies). */
  audit: (result: T) => { action: string; target: { type: string; id: string }; data?: Record<string, unknown> };
}

export async function writeOnce<T extends Record<string, unknown>>(
  deps: { db: Kysely<Database>; clock: Clock },
  request: FastifyRequest,
  reply: FastifyReply,
  actor: Actor,
  action: WriteAction<T>,
): Promise<T> {
  const key = { workspaceId: actor.workspaceId, kind: action.kind, idempotencyKey: idempotencyKeyOf(request), request: { input: action.request, actingUser: actor.actingUser } };
  const outcome = await runOnce(deps.db, deps.clock, key, async () => {
    const result = await action.work();
    const entry = action.audit(result);
    await recordAudit(deps.db, { workspaceId: actor.workspaceId, ...auditContextOf(request, deps.clock), ...entry, data: { mode: actor.mode, ...entry.data } });
    return result;
  });
  if (outcome.replayed) reply.header(REPLAYED_HEADER, 'true');
  return outcome.result;
}
