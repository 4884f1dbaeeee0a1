// The tables of what the hub does with snapshots (assessment configs, baselines, runs, drift events), joined to
// the one `Database` type by module augmentation; only this feature writes them.
import type { CreatedAt, NullableTimestamp, Timestamp } from '../../platform/store/column-types.js';

export interface ComplianceAssessmentConfigsTable {
  workspace_id: string;
  tenant_id: string;
  /** JSON of the validated ScubaGear-shaped AssessmentConfig. */
  config: string;
  updated_at: Timestamp;
}

export interface ComplianceBaselinesTable {
  workspace_id: string;
  tenant_id: string;
  snapshot_id: string;
  pinned_at: Timestamp;
}

export interface ComplianceAssessmentRunsTable {
  id: string;
  workspace_id: string;
  tenant_id: string;
  snapshot_id: string;
  snapshot_sequence: number;
  /** The run of the snapshot before it in the chain that was assessed; null for the first. */
  previous_run_id: string | null;
  /** JSON: ResultSummary, AssessmentResult[], and policy id lists compared with the previous run. */
  summary: string;
  results: string;
  newly_failing: string;
  fixed: string;
  created_at: CreatedAt;
}

export interface ComplianceDriftEventsTable {
  id: string;
  workspace_id: string;
  tenant_id: string;
  baseline_snapshot_id: string;
  /** area/collection/objectId: one open event per difference. */
  drift_key: string;
  area: string;
  collection: string;
  object_id: string;
  object_name: string;
  change: string;
  /** JSON FieldChange[] as last seen. */
  fields: string;
  first_seen_snapshot_id: string;
  first_seen_at: Timestamp;
  last_seen_snapshot_id: string;
  last_seen_at: Timestamp;
  resolved_snapshot_id: string | null;
  resolved_at: NullableTimestamp;
  /** returned_to_baseline | baseline_changed. */
  resolution: string | null;
  created_at: Timestamp;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    compliance_assessment_configs: ComplianceAssessmentConfigsTable;
    compliance_baselines: ComplianceBaselinesTable;
    compliance_assessment_runs: ComplianceAssessmentRunsTable;
    compliance_drift_events: ComplianceDriftEventsTable;
  }
}
