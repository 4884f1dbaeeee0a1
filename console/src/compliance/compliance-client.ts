// The console's calls to the compliance API: the workspace's tenants (connections and chains), a tenant's chain, the stored assessment runs,
// baseline and drift events, the Secure Score trend and access reviews. Types are the server's own schemas
// (`import type` only: no schema code in the bundle).
import type { Static } from 'typebox';
import type { Assessment, ChainVerification, ComplianceTenantList, SnapshotDiff, SnapshotDocument, SnapshotList, SyncSchedule } from '../../../src/contract/compliance-schemas.js';
import type { Job } from '../api/types.js';
import type { Campaign, CampaignList } from '../../../src/contract/access-review-schemas.js';
import type { AssessmentRunDetail, AssessmentRunList, DriftEventList, TenantBaseline, TenantSecureScoreTrend } from '../../../src/contract/compliance-drift-schemas.js';
import { request } from '../api/client.js';

export type Tenants = Static<typeof ComplianceTenantList>;
export type TenantView = Tenants['items'][number];
export type Snapshots = Static<typeof SnapshotList>;
export type SnapshotSummary = Snapshots['items'][number];
export type AssessmentView = Static<typeof Assessment>;
export type AssessmentResultView = AssessmentView['results'][number];
export type Diff = Static<typeof SnapshotDiff>;
export type Verification = Static<typeof ChainVerification>;
export type Snapshot = Static<typeof SnapshotDocument>;
export type Review = Static<typeof Campaign>;
export type Reviews = Static<typeof CampaignList>;
export type Runs = Static<typeof AssessmentRunList>;
export type Run = Static<typeof AssessmentRunDetail>;
export type DriftEvents = Static<typeof DriftEventList>;
export type DriftEventView = DriftEvents['items'][number];
export type Baseline = Static<typeof TenantBaseline>;
export type ScoreTrend = Static<typeof TenantSecureScoreTrend>;

const segment = encodeURIComponent;
export const compliancePath = (workspaceId: string) => `/workspaces/${segment(workspaceId)}/compliance`;
const tenantPath = (workspaceId: string, tenantId: string) => `${compliancePath(workspaceId)}/tenants/${segment(tenantId)}`;

export const listTenants = (workspaceId: string) => request<Tenants>('GET', `${compliancePath(workspaceId)}/tenants`);
export const listSnapshots = (workspaceId: string, tenantId: string) => request<Snapshots>('GET', `${tenantPath(workspaceId, tenantId)}/snapshots`, { query: { limit: 200 } });
export const verifyChain = (workspaceId: string, tenantId: string) => request<Verification>('GET', `${tenantPath(workspaceId, tenantId)}/snapshots/verify`);
export const listRuns = (workspaceId: string, tenantId: string) => request<Runs>('GET', `${tenantPath(workspaceId, tenantId)}/assessment-runs`, { query: { limit: 200 } });
export const getRun = (workspaceId: string, runId: string) => request<Run>('GET', `${compliancePath(workspaceId)}/assessment-runs/${segment(runId)}`);
export const listDriftEvents = (workspaceId: string, tenantId: string) => request<DriftEvents>('GET', `${tenantPath(workspaceId, tenantId)}/drift-events`, { query: { limit: 200 } });
export const getBaseline = (workspaceId: string, tenantId: string) => request<Baseline>('GET', `${tenantPath(workspaceId, tenantId)}/baseline`);
export const pinBaseline = (workspaceId: string, tenantId: string, snapshotId: string) => request<Baseline>('PUT', `${tenantPath(workspaceId, tenantId)}/baseline`, { body: { snapshotId } });
export const secureScoreTrend = (workspaceId: string, tenantId: string) => request<ScoreTrend>('GET', `${tenantPath(workspaceId, tenantId)}/secure-score-trend`);
export const listReviews = (workspaceId: string) => request<Reviews>('GET', `${compliancePath(workspaceId)}/access-reviews`);
export const createReview = (workspaceId: string, body: { tenantId: string; name: string; filter?: Review['filter'] }) =>
  request<Review>('POST', `${compliancePath(workspaceId)}/access-reviews`, { body });

/** Downloads are plain links: the browser streams the file to disk with the session cookie. */
export const downloadUrl = (path: string) => `/api/v1${path}`;
export const accessReviewUrl = (workspaceId: string, tenantId: string, query = '') => downloadUrl(`${tenantPath(workspaceId, tenantId)}/access-review${query}`);
export const evidenceUrl = (workspaceId: string, tenantId: string) => downloadUrl(`${tenantPath(workspaceId, tenantId)}/evidence`);
export const reviewExportUrl = (workspaceId: string, reviewId: string) => downloadUrl(`${compliancePath(workspaceId)}/access-reviews/${segment(reviewId)}/export`);

export interface ReviewRow {
  userId: string;
  displayName: string;
  userPrincipalName: string;
  userType: string | null;
  accountEnabled: boolean | null;
  mfaRegistered: boolean | null;
  directoryRoles: string[];
  decision: { decision: 'keep' | 'remove'; comment: string; decidedBy: string; decidedAt: string } | null;
}
export const reviewRows = (workspaceId: string, reviewId: string) =>
  request<{ items: ReviewRow[] }>('GET', `${compliancePath(workspaceId)}/access-reviews/${segment(reviewId)}/export`, { query: { format: 'json' } });
export const decideRow = (workspaceId: string, reviewId: string, userId: string, body: { decision: 'keep' | 'remove'; comment: string }) =>
  request('PUT', `${compliancePath(workspaceId)}/access-reviews/${segment(reviewId)}/decisions/${segment(userId)}`, { body });

export type SyncScheduleView = Static<typeof SyncSchedule>;
export const startSync = (workspaceId: string, tenantId: string) => request<Job>('POST', `${tenantPath(workspaceId, tenantId)}/syncs`);
export const getSyncSchedule = (workspaceId: string, tenantId: string) => request<SyncScheduleView>('GET', `${tenantPath(workspaceId, tenantId)}/sync-schedule`);
export const setSyncSchedule = (workspaceId: string, tenantId: string, intervalHours: number | null) =>
  intervalHours === null
    ? request<SyncScheduleView>('DELETE', `${tenantPath(workspaceId, tenantId)}/sync-schedule`)
    : request<SyncScheduleView>('PUT', `${tenantPath(workspaceId, tenantId)}/sync-schedule`, { body: { intervalHours } });
