// Runs an action at most once per Idempotency-Key. Microsoft's sendMail is not idempotent (a retried POST sends the
// mail again), so the hub keeps the outcome under the caller's key and answers a retry from it:
//  - the same key with the same request: the stored answer (`Idempotent-Replayed: true`), never a second send;
//  - the same key with another request: 422, the key was reused by mistake;
//  - a retry while the first is still running: 409 with Retry-After;
//  - Microsoft refused for good (4xx): that refusal is stored and replayed;
//  - Microsoft said it did not do it (429/503 after the retries allowed): the key is released, a retry may send;
//  - no answer (timeout, connection lost): whether it was sent is unknown; that is stored and said, so the caller
//    checks Sent Items instead of risking a duplicate.
import type { Kysely } from 'kysely';
import { GraphError } from '../../microsoft/graph/graph-error.js';
import { readFailure } from './graph-read-failure.js';
import { sha256 } from '../../platform/crypto/sha256.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { newId } from '../../platform/store/ids.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';

export interface ActionKey {
  workspaceId: string;
  kind: string;
  /** The caller's Idempotency-Key; undefined runs the action unprotected. */
  idempotencyKey: string | undefined;
  /** What identifies the request (its canonical JSON): the key must not be reused for another one. */
  request: unknown;
}

export interface ActionOutcome<T> {
  result: T;
  replayed: boolean;
}

type Problem = { code: string; detail: string };

function problemOf(error: unknown): { status: 'failed' | 'outcome_unknown' | 'release'; problem?: Problem } {
  if (error instanceof GraphError) {
    if (error.status === 0) return { status: 'outcome_unknown', problem: { code: 'action_outcome_unknown', detail: `Microsoft Graph did not answer (${error.code}): the action may or may not have been carried out. Check (e.g. Sent Items) before trying again with a new Idempotency-Key.` } };
    if (error.status === 429 || error.status === 503) return { status: 'release' };
    if (error.status >= 400 && error.status < 500) return { status: 'failed', problem: { code: 'action_refused', detail: `Microsoft Graph refused the action (${error.status} ${error.code}): ${error.message}` } };
    return { status: 'outcome_unknown', problem: { code: 'action_outcome_unknown', detail: `Microsoft Graph answered ${error.status} (${error.code}): the action may or may not have been carried out. Check before trying again with a new Idempotency-Key.` } };
  }
  return { status: 'release' };
}

export async function runOnce<T extends Record<string, unknown>>(db: Kysely<Database>, clock: Clock, key: ActionKey, work: () => Promise<T>): Promise<ActionOutcome<T>> {
  if (key.idempotencyKey === undefined) {
    try {
      return { result: await work(), replayed: false };
    } catch (error) {
      const outcome = problemOf(error);
      throw outcome.problem ? new HttpProblem(outcome.problem.code, { detail: outcome.problem.detail }) : readFailure(error);
    }
  }
  const digest = sha256(JSON.stringify(key.request), 'hex');
  const now = clock.now();
  const id = newId('act');
  const claimed = await db
    .insertInto('action_requests')
    .values({ id, workspace_id: key.workspaceId, idempotency_key: key.idempotencyKey, kind: key.kind, request_digest: digest, status: 'in_progress', created_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'idempotency_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!claimed) return replay<T>(db, key, digest);

  let result: T;
  try {
    result = await work();
  } catch (error) {
    const outcome = problemOf(error);
    if (outcome.status === 'release') {
      await db.deleteFrom('action_requests').where('id', '=', id).execute();
      throw readFailure(error);
    }
    await db.updateTable('action_requests').set({ status: outcome.status, problem: JSON.stringify(outcome.problem), updated_at: clock.now() }).where('id', '=', id).execute();
    throw new HttpProblem(outcome.problem!.code, { detail: outcome.problem!.detail });
  }
  await db.updateTable('action_requests').set({ status: 'succeeded', result: JSON.stringify(result), updated_at: clock.now() }).where('id', '=', id).execute();
  return { result, replayed: false };
}

async function replay<T>(db: Kysely<Database>, key: ActionKey, digest: string): Promise<ActionOutcome<T>> {
  const row = await db
    .selectFrom('action_requests')
    .select(['kind', 'request_digest', 'status', 'result', 'problem'])
    .where('workspace_id', '=', key.workspaceId)
    .where('idempotency_key', '=', key.idempotencyKey!)
    .executeTakeFirstOrThrow();
  if (row.kind !== key.kind || row.request_digest !== digest) throw new HttpProblem('idempotency_key_reused');
  if (row.status === 'in_progress') throw new HttpProblem('action_in_progress', { headers: { 'retry-after': '1' } });
  if (row.status === 'succeeded') return { result: row.result as T, replayed: true };
  const problem = row.problem as Problem;
  throw new HttpProblem(problem.code, { detail: problem.detail });
}
