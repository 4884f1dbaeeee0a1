// Schemas of the compliance routes (TypeBox): snapshots, their hash chain, assessment results. Pure data.
import { Type, type Static } from 'typebox';
import { idPattern, IsoTime, ListOf, strict, WorkspaceId } from './common-schemas.js';
import { TenantHealth } from './tenant-schemas.js';

export const SnapshotId = idPattern('snap');
/** A Microsoft Entra tenant id (GUID). */
export const TenantGuid = Type.String({ pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', description: 'Microsoft Entra tenant id (GUID)' });

export const TenantParams = Type.Object({ workspaceId: WorkspaceId, tenantId: TenantGuid }, strict);
export const SnapshotParams = Type.Object({ workspaceId: WorkspaceId, snapshotId: SnapshotId }, strict);

export const AreaFault = Type.Object(
  {
    status: Type.Union([Type.Literal('permission_error'), Type.Literal('error')]),
    permission: Type.Optional(Type.String({ description: 'Microsoft Graph application permission to grant' })),
    message: Type.String(),
  },
  strict,
);

export const AreaNameSchema = Type.Union([
  Type.Literal('directory'),
  Type.Literal('authenticationMethods'),
  Type.Literal('roles'),
  Type.Literal('conditionalAccess'),
  Type.Literal('authorization'),
  Type.Literal('sharePoint'),
  Type.Literal('secureScore'),
]);

export const SnapshotSummary = Type.Object(
  {
    id: SnapshotId,
    tenantId: TenantGuid,
    sequence: Type.Integer({ minimum: 1, description: 'position in the tenant\'s hash chain' }),
    collectedAt: IsoTime,
    hash: Type.String({ description: 'sha256 (hex) of the snapshot\'s canonical manifest' }),
    previousHash: Type.Union([Type.String(), Type.Null()], { description: 'hash of the snapshot before it; null for the first' }),
    areas: Type.Array(AreaNameSchema),
    faults: Type.Record(Type.String(), AreaFault, { description: 'areas that could not be read, with the permission to grant' }),
  },
  strict,
);
export type SnapshotSummary = Static<typeof SnapshotSummary>;
export const SnapshotList = ListOf(SnapshotSummary);

/** The hub's snapshot format (docs/compliance.md): Graph's own objects per area. */
export const SnapshotDocument = Type.Object(
  {
    format: Type.Literal('m365hub.snapshot'),
    version: Type.Literal(1),
    tenantId: Type.Optional(Type.String()),
    collectedAt: Type.Optional(IsoTime),
    areas: Type.Record(Type.String(), Type.Object({}, { additionalProperties: true })),
    faults: Type.Optional(Type.Record(Type.String(), AreaFault)),
  },
  { additionalProperties: false },
);

export const ChainVerification = Type.Object(
  {
    valid: Type.Boolean(),
    snapshots: Type.Integer({ minimum: 0 }),
    headHash: Type.Optional(Type.Union([Type.String(), Type.Null()])),
    firstBrokenLink: Type.Optional(
      Type.Object({ snapshotId: SnapshotId, sequence: Type.Integer(), reason: Type.String() }, strict),
    ),
  },
  strict,
);

export const AssessmentOutcome = Type.Union([Type.Literal('pass'), Type.Literal('fail'), Type.Literal('not_applicable'), Type.Literal('error')]);
export const AssessmentResult = Type.Object(
  {
    policyId: Type.String(),
    title: Type.String(),
    severity: Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]),
    references: Type.Object({ scuba: Type.Optional(Type.String()), cis: Type.Optional(Type.String()), docs: Type.Optional(Type.String()) }, strict),
    result: AssessmentOutcome,
    details: Type.String(),
    evidence: Type.Array(Type.String(), { description: 'ids of the Graph objects that decided the result' }),
    remediation: Type.String(),
  },
  strict,
);
export const Assessment = Type.Object(
  {
    snapshotId: SnapshotId,
    summary: Type.Object({ pass: Type.Integer(), fail: Type.Integer(), not_applicable: Type.Integer(), error: Type.Integer() }, strict),
    results: Type.Array(AssessmentResult),
    comparedWith: Type.Union(
      [
        Type.Object(
          {
            snapshotId: SnapshotId,
            newlyFailing: Type.Array(Type.String(), { description: 'policy ids failing now that did not fail in that snapshot' }),
            fixed: Type.Array(Type.String(), { description: 'policy ids that failed in that snapshot and pass now' }),
          },
          strict,
        ),
        Type.Null(),
      ],
      { description: 'the previous snapshot of the chain assessed with the same configuration; null for the first' },
    ),
  },
  strict,
);
/** ScubaGear-shaped configuration: { Aad: { "MS.AAD.3.1v1": { CapExclusions: { Users, Groups } } }, Hub: { … } }. */
export const AssessBody = Type.Object({ config: Type.Optional(Type.Object({}, { additionalProperties: true })) }, strict);

export const DiffQuery = Type.Object(
  { from: Type.Optional(SnapshotId) },
  { additionalProperties: false, description: 'from: the older snapshot (default: the one before it in the tenant\'s chain)' },
);
export const SnapshotDiff = Type.Object(
  {
    fromSnapshotId: Type.Union([SnapshotId, Type.Null()]),
    toSnapshotId: SnapshotId,
    changes: Type.Array(
      Type.Object(
        {
          area: AreaNameSchema,
          collection: Type.String(),
          objectId: Type.String(),
          objectName: Type.String(),
          change: Type.Union([Type.Literal('added'), Type.Literal('removed'), Type.Literal('changed')]),
          fields: Type.Array(Type.Object({ path: Type.String(), before: Type.Unknown(), after: Type.Unknown() }, strict)),
        },
        strict,
      ),
    ),
  },
  strict,
);

/** How often a tenant is synced on its own (DELETE the schedule to sync only when someone asks). */
export const SyncScheduleBody = Type.Object({ intervalHours: Type.Integer({ minimum: 1, maximum: 168, description: 'hours between scheduled syncs (1–168)' }) }, strict);
export type SyncScheduleBody = Static<typeof SyncScheduleBody>;
export const SyncSchedule = Type.Object(
  {
    tenantId: Type.String(),
    intervalHours: Type.Union([Type.Number(), Type.Null()]),
    nextRunAt: Type.Union([IsoTime, Type.Null()]),
  },
  strict,
);
export type SyncSchedule = Static<typeof SyncSchedule>;

/** One tenant on the compliance dashboard: the tenant connection (if any) joined with its chain and newest run. */
export const ComplianceTenant = Type.Object(
  {
    tenantId: TenantGuid,
    label: Type.Union([Type.String(), Type.Null()], { description: "the workspace's own name for the tenant" }),
    connection: Type.Union([Type.Literal('active'), Type.Literal('paused'), Type.Literal('not_connected')], {
      description: 'the tenant connection: not_connected for a tenant with snapshots only (imported, or its connection removed)',
    }),
    health: Type.Union([TenantHealth, Type.Null()], { description: "the last Test Connection's verdict for the tenant (null when not connected)" }),
    healthCheckedAt: Type.Union([IsoTime, Type.Null()]),
    snapshots: Type.Integer({ minimum: 0 }),
    lastCollectedAt: Type.Union([IsoTime, Type.Null()], { description: 'when the newest snapshot was collected (the last sync or import)' }),
    failing: Type.Union([Type.Integer({ minimum: 0 }), Type.Null()], { description: "policies failing in the newest snapshot's assessment run (null before the first)" }),
    syncIntervalHours: Type.Union([Type.Number(), Type.Null()], { description: 'the automatic sync interval (null: synced only on request)' }),
  },
  strict,
);
export type ComplianceTenant = Static<typeof ComplianceTenant>;
export const ComplianceTenantList = Type.Object({ items: Type.Array(ComplianceTenant) }, strict);
