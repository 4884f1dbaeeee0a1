// The compliance feature's public surface.
export { assessSnapshot, summarise, type AssessmentResult, type ResultSummary } from './assess.js';
export { ASSESSMENT_RULES, parseAssessmentConfig, type AssessmentConfig, type AssessmentRule } from './rules/index.js';
export { parseSnapshot } from './snapshot-file.js';
export type { TenantSnapshot, AreaName } from './snapshot.js';
export { appendSnapshot, listChains, listSnapshots, loadSnapshot, verifyChain, type ChainVerification, type StoredSnapshot } from './snapshot-store.js';
export type * from './tables.js';
export { registerComplianceRoutes, type ComplianceRouteDeps } from './compliance-routes.js';
export { COMPLIANCE_PROBLEMS } from './problems.js';
export { diffSnapshots, type ObjectChange, type FieldChange } from './snapshot-diff.js';
export { registerAccessReviewRoutes, type AccessReviewRouteDeps } from './access-review-routes.js';
export { accessReviewRows, type AccessReviewRow, type AccessReviewFilter } from './access-review-rows.js';
export { csvStream, jsonStream } from './access-review-format.js';
export { complianceSyncJobs, COMPLIANCE_SYNC_JOB, setSyncSchedule, type ComplianceSyncDeps, type ComplianceSyncResult } from './sync-job.js';
export { registerSyncRoutes, type SyncRouteDeps } from './sync-routes.js';
export { afterSnapshotAppended, type SnapshotHookDeps, type SnapshotOutcome } from './after-snapshot.js';
export { COMPLIANCE_EVENT_TYPES, type ComplianceEventType } from './events.js';
export { registerDriftRoutes } from './drift-routes.js';
export type * from './drift-tables.js';
