// The actions feature's table: one row per Idempotency-Key of a workspace, holding what the action answered, so a
// retried request is answered from here and never reaches Microsoft twice. Joins the one `Database` type by module
// augmentation; only this feature writes it.
import type { CreatedAt, NullableJson, Timestamp } from '../../platform/store/column-types.js';

export interface ActionRequestsTable {
  id: string;
  workspace_id: string;
  idempotency_key: string;
  kind: string;
  /** sha256 of the request, so the same key with another request is refused instead of replayed. */
  request_digest: string;
  status: 'in_progress' | 'succeeded' | 'failed' | 'outcome_unknown';
  result: NullableJson<Record<string, unknown>>;
  problem: NullableJson<{ code: string; detail: string }>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    action_requests: ActionRequestsTable;
  }
}
