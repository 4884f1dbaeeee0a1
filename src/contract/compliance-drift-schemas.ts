// Schemas of what the hub does with snapshots (TypeBox): the tenant's assessment configuration and baseline,
// stored assessment runs, drift events, Secure Score trends. Pure data: the console imports the same types.
import { Type, type Static } from 'typebox';
import { idPattern, IsoTime, ListOf, ListQuery, NullableIsoTime, strict, WorkspaceId } from './common-schemas.js';
import { AreaNameSchema, AssessmentOutcome, AssessmentResult, SnapshotId, TenantGuid } from './compliance-schemas.js';

export const AssessmentRunId = idPattern('asr');
export const WorkspaceParams = Type.Object({ workspaceId: WorkspaceId }, strict);
export const AssessmentRunParams = Type.Object({ workspaceId: WorkspaceId, runId: AssessmentRunId }, strict);

/** ScubaGear-shaped: { Aad: { "MS.AAD.3.1v1": { CapExclusions: { Users, Groups } } }, Hub: { … } }. */
export const AssessmentConfigBody = Type.Object({}, { additionalProperties: true, description: 'ScubaGear-shaped assessment configuration (docs/compliance.md)' });
export const TenantAssessmentConfig = Type.Object(
  {
    tenantId: TenantGuid,
    config: Type.Object({}, { additionalProperties: true }),
    updatedAt: Type.Union([IsoTime, Type.Null()], { description: 'null: never set, the tenant is assessed without exclusions' }),
  },
  strict,
);

export const PinBaselineBody = Type.Object({ snapshotId: SnapshotId }, strict);
export const TenantBaseline = Type.Object(
  {
    tenantId: TenantGuid,
    snapshotId: Type.Union([SnapshotId, Type.Null()], { description: 'the pinned snapshot; null when none is pinned' }),
    pinnedAt: NullableIsoTime,
  },
  strict,
);

const Summary = Type.Object({ pass: Type.Integer(), fail: Type.Integer(), not_applicable: Type.Integer(), error: Type.Integer() }, strict);
const runFields = {
  id: AssessmentRunId,
  tenantId: TenantGuid,
  snapshotId: SnapshotId,
  snapshotSequence: Type.Integer({ minimum: 1 }),
  previousRunId: Type.Union([AssessmentRunId, Type.Null()], { description: 'the run it is compared with; null for the first' }),
  summary: Summary,
  newlyFailing: Type.Array(Type.String(), { description: 'policy ids failing now that did not fail in the previous run' }),
  fixed: Type.Array(Type.String(), { description: 'policy ids that failed in the previous run and pass now' }),
  createdAt: IsoTime,
};
export const AssessmentRunSummary = Type.Object(runFields, strict);
export type AssessmentRunSummary = Static<typeof AssessmentRunSummary>;
export const AssessmentRunList = ListOf(AssessmentRunSummary);
export const AssessmentRunDetail = Type.Object({ ...runFields, results: Type.Array(AssessmentResult) }, strict);
export const AssessmentRunQuery = Type.Object(
  {
    severity: Type.Optional(Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')])),
    status: Type.Optional(AssessmentOutcome),
  },
  { additionalProperties: false, description: 'keep only results of this severity and/or this outcome' },
);

export const DriftEvent = Type.Object(
  {
    id: idPattern('drf'),
    tenantId: TenantGuid,
    baselineSnapshotId: SnapshotId,
    area: AreaNameSchema,
    collection: Type.String(),
    objectId: Type.String(),
    objectName: Type.String({ description: 'the object\'s display name (or "role: principal" for a role assignment)' }),
    change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')], { description: 'compared with the baseline' }),
    fields: Type.Array(Type.Object({ path: Type.String(), before: Type.Unknown(), after: Type.Unknown() }, strict), { description: 'baseline value (before) and newest value (after)' }),
    firstSeenSnapshotId: SnapshotId,
    firstSeenAt: IsoTime,
    lastSeenSnapshotId: SnapshotId,
    lastSeenAt: IsoTime,
    status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
    resolvedSnapshotId: Type.Union([SnapshotId, Type.Null()], { description: 'the snapshot that matched the baseline again' }),
    resolvedAt: NullableIsoTime,
    resolution: Type.Union([Type.Literal('returned_to_baseline'), Type.Literal('baseline_changed'), Type.Null()]),
  },
  strict,
);
export const DriftEventList = ListOf(DriftEvent);
export const DriftEventQuery = Type.Object(
  { ...ListQuery.properties, status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])) },
  { additionalProperties: false },
);

const ScorePoint = Type.Object(
  { day: Type.String({ description: 'UTC day, YYYY-MM-DD' }), currentScore: Type.Number(), maxScore: Type.Number(), percentage: Type.Union([Type.Number(), Type.Null()]) },
  strict,
);
export const TenantSecureScoreTrend = Type.Object({ tenantId: TenantGuid, points: Type.Array(ScorePoint) }, strict);
export const WorkspaceSecureScoreTrend = Type.Object({ tenants: Type.Array(TenantSecureScoreTrend) }, strict);
