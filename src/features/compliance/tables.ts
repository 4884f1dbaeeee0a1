// The compliance feature's tables, joined to the one `Database` type by module augmentation; only this feature
// writes them (docs/architecture.md).
import type { CreatedAt, NullableTimestamp, Timestamp } from '../../platform/store/column-types.js';

export interface ComplianceSnapshotsTable {
  id: string;
  workspace_id: string;
  tenant_id: string;
  /** 1, 2, 3 … per workspace and tenant: the position in the hash chain. */
  sequence: number;
  format_version: number;
  collected_at: Timestamp;
  /** Canonical JSON of the areas that could not be read (permission_error …), part of the hashed manifest. */
  faults: string;
  /** `hash` of the previous snapshot of the same tenant; null for the first. */
  previous_hash: string | null;
  /** sha256 of the canonical manifest (areas' sha256, faults, previous_hash …). */
  hash: string;
  created_at: CreatedAt;
}

export interface ComplianceSnapshotAreasTable {
  snapshot_id: string;
  area: string;
  /** gzip of the area's canonical JSON. */
  body: Uint8Array;
  /** sha256 of the area's canonical JSON (before compression). */
  sha256: string;
}

export interface ComplianceSyncStateTable {
  workspace_id: string;
  tenant_id: string;
  /** The synced snapshot whose users the delta link continues from. */
  snapshot_id: string;
  users_delta_link: string;
  updated_at: Timestamp;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    compliance_sync_state: ComplianceSyncStateTable;
    compliance_snapshots: ComplianceSnapshotsTable;
    compliance_snapshot_areas: ComplianceSnapshotAreasTable;
  }
}

export interface AccessReviewCampaignsTable {
  id: string;
  workspace_id: string;
  tenant_id: string;
  /** The snapshot whose users are reviewed: the rows of a campaign never change. */
  snapshot_id: string;
  name: string;
  /** JSON of the AccessReviewFilter that chose the rows. */
  filter: string;
  /** How many users the filter chose from the snapshot (fixed: the snapshot never changes). */
  row_count: number;
  status: string;
  created_by: string;
  created_at: Timestamp;
  closed_at: NullableTimestamp;
  closed_by: string | null;
}

export interface AccessReviewDecisionsTable {
  campaign_id: string;
  user_id: string;
  decision: string;
  comment: string;
  decided_by: string;
  decided_at: Timestamp;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    access_review_campaigns: AccessReviewCampaignsTable;
    access_review_decisions: AccessReviewDecisionsTable;
  }
}
