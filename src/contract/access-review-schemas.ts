// Schemas of the access-review and evidence routes (TypeBox). Pure data.
import { Type, type Static } from 'typebox';
import { idPattern, IsoTime, NullableIsoTime, strict, WorkspaceId } from './common-schemas.js';
import { SnapshotId, TenantGuid } from './compliance-schemas.js';

export const CampaignId = idPattern('arv');
export const CampaignParams = Type.Object({ workspaceId: WorkspaceId, campaignId: CampaignId }, strict);
export const DecisionParams = Type.Object({ workspaceId: WorkspaceId, campaignId: CampaignId, userId: Type.String({ minLength: 1, maxLength: 200 }) }, strict);
export const ReviewsParams = Type.Object({ workspaceId: WorkspaceId }, strict);

const flag = Type.Union([Type.Literal('true'), Type.Literal('false')]);
export const AccessReviewFilter = Type.Object(
  {
    userType: Type.Optional(Type.Union([Type.Literal('Member'), Type.Literal('Guest')], { description: 'only members or only guests' })),
    enabled: Type.Optional(Type.Boolean({ description: 'only enabled (true) or disabled (false) accounts' })),
    withoutMfa: Type.Optional(Type.Boolean({ description: 'true: only users without an MFA method registered' })),
    privileged: Type.Optional(Type.Boolean({ description: 'true: only users holding a directory role' })),
  },
  strict,
);
export type AccessReviewFilter = Static<typeof AccessReviewFilter>;

export const ExportQuery = Type.Object(
  {
    format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')], { default: 'csv' })),
    userType: Type.Optional(Type.Union([Type.Literal('Member'), Type.Literal('Guest')])),
    enabled: Type.Optional(flag),
    withoutMfa: Type.Optional(flag),
    privileged: Type.Optional(flag),
  },
  strict,
);
export const CampaignExportQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('csv'), Type.Literal('json')], { default: 'csv' })) }, strict);

export const CreateCampaignBody = Type.Object(
  {
    tenantId: TenantGuid,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    filter: Type.Optional(AccessReviewFilter),
    snapshotId: Type.Optional(SnapshotId),
  },
  strict,
);

export const Campaign = Type.Object(
  {
    id: CampaignId,
    tenantId: TenantGuid,
    snapshotId: SnapshotId,
    name: Type.String(),
    filter: AccessReviewFilter,
    status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
    createdBy: Type.String(),
    createdAt: IsoTime,
    closedAt: NullableIsoTime,
    closedBy: Type.Union([Type.String(), Type.Null()]),
    rows: Type.Integer({ minimum: 0, description: 'users under review' }),
    decided: Type.Integer({ minimum: 0, description: 'users with a keep or remove decision' }),
  },
  strict,
);
export type Campaign = Static<typeof Campaign>;
export const CampaignList = Type.Object({ items: Type.Array(Campaign) }, strict);

export const DecisionBody = Type.Object(
  { decision: Type.Union([Type.Literal('keep'), Type.Literal('remove')]), comment: Type.Optional(Type.String({ maxLength: 2000 })) },
  strict,
);
export const Decision = Type.Object(
  { userId: Type.String(), decision: Type.Union([Type.Literal('keep'), Type.Literal('remove')]), comment: Type.String(), decidedBy: Type.String(), decidedAt: IsoTime },
  strict,
);

export const EvidenceQuery = Type.Object(
  { snapshots: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 10, description: 'how many of the newest snapshots to include' })) },
  strict,
);

/** A tenant with at least one snapshot in the workspace: the chain's length and head. */
export const SnapshotChain = Type.Object(
  { tenantId: TenantGuid, snapshots: Type.Integer({ minimum: 1 }), lastCollectedAt: IsoTime, headSnapshotId: SnapshotId, headHash: Type.String() },
  strict,
);
export const SnapshotChainList = Type.Object({ items: Type.Array(SnapshotChain) }, strict);
