// The audit log: who did what, in which workspace, when, from where. Entries are written in the same transaction as
// the change they record (pass the transaction), and are never updated or deleted through the code (a database
// trigger refuses updates; rows leave only with their workspace).
import type { Kysely, Transaction } from 'kysely';
import type { ActorType, Database } from '../../platform/store/schema.js';
import { newId } from '../../platform/store/ids.js';

type Db = Kysely<Database> | Transaction<Database>;

export interface AuditEntryInput {
  /** Null for instance-level events (sign-in, a workspace deleted). */
  workspaceId: string | null;
  actor: { type: ActorType; id: string | null; label: string };
  action: string;
  target?: { type: string; id: string } | null;
  ip: string | null;
  data?: Record<string, unknown>;
  actingUser?: string | null;
  /** From the injected clock, so tests see deterministic times. */
  at?: Date;
}

export interface AuditEntry {
  id: string;
  seq: number;
  workspaceId: string | null;
  actor: { type: ActorType; id: string | null; label: string };
  action: string;
  target: { type: string; id: string } | null;
  ip: string | null;
  data: Record<string, unknown>;
  actingUser: string | null;
  createdAt: Date;
}

export async function recordAudit(db: Db, entry: AuditEntryInput): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId('aud'),
      workspace_id: entry.workspaceId,
      actor_type: entry.actor.type,
      actor_id: entry.actor.id,
      actor_label: entry.actor.label,
      action: entry.action,
      target_type: entry.target?.type ?? null,
      target_id: entry.target?.id ?? null,
      ip: entry.ip,
      data: entry.data ? JSON.stringify(entry.data) : null,
      acting_user: entry.actingUser ?? null,
      ...(entry.at ? { created_at: entry.at } : {}),
    })
    .execute();
}

/** Newest first; `beforeSeq` continues a page. Returns one extra row's worth of knowledge via `hasMore`. */
/**
 * `workspaceId` null lists the instance-level entries (sign-ins and their failures, sign-outs, workspace deletions),
 * which belong to no workspace and so appear in no workspace's log.
 */
export async function listAudit(
  db: Db,
  workspaceId: string | null,
  page: { limit: number; beforeSeq?: number },
): Promise<{ entries: AuditEntry[]; hasMore: boolean }> {
  let query = db
    .selectFrom('audit_log')
    .selectAll()
    .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
    .orderBy('seq', 'desc')
    .limit(page.limit + 1);
  if (page.beforeSeq !== undefined) query = query.where('seq', '<', page.beforeSeq);
  const rows = await query.execute();
  return {
    hasMore: rows.length > page.limit,
    entries: rows.slice(0, page.limit).map((row) => ({
      id: row.id,
      seq: Number(row.seq),
      workspaceId: row.workspace_id,
      actor: { type: row.actor_type, id: row.actor_id, label: row.actor_label },
      action: row.action,
      target: row.target_type && row.target_id ? { type: row.target_type, id: row.target_id } : null,
      ip: row.ip,
      data: (row.data as Record<string, unknown> | null) ?? {},
      actingUser: row.acting_user,
      createdAt: row.created_at,
    })),
  };
}

/** Who, from where, when: defined with the request's principal, which it is derived from. */
export type { AuditContext } from '../../platform/http/principal.js';
