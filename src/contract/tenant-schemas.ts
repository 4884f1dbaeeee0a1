// Tenant connections: the customer tenants a workspace's multi-tenant app holds admin consent in.
import { Type, type Static } from 'typebox';
import { idPattern, IsoTime, ListOf, NullableIsoTime, strict } from './common-schemas.js';
import { ConnectionHealth, ConnectionReport } from './health-schemas.js';

export const TenantId = Type.String({
  pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  description: "the customer tenant's directory (tenant) id, a GUID",
});
export const TenantParams = Type.Object({ workspaceId: idPattern('ws'), tenantId: TenantId }, strict);

export const TenantHealth = Type.Union([Type.Literal('unknown'), ConnectionHealth], { description: "the last Test Connection's verdict for this tenant; unknown until one ran" });

export const TenantConnection = Type.Object(
  {
    tenantId: TenantId,
    label: Type.Union([Type.String(), Type.Null()], { description: "the workspace's own name for the tenant (e.g. the customer's name)" }),
    status: Type.Union([Type.Literal('active'), Type.Literal('paused')], { description: 'paused: the hub refuses application calls in this tenant (tenant_paused)' }),
    consentedAt: NullableIsoTime,
    consentedBy: Type.Union([Type.String(), Type.Null()], { description: 'who completed the admin consent (null when it predates tenant connections)' }),
    health: TenantHealth,
    healthCheckedAt: NullableIsoTime,
    lastTestJobId: Type.Union([Type.String(), Type.Null()], { description: 'the job of the last Test Connection started for this tenant: GET …/jobs/{jobId}' }),
    createdAt: IsoTime,
  },
  strict,
);
export type TenantConnection = Static<typeof TenantConnection>;
export const TenantConnectionList = ListOf(TenantConnection);

export const TenantConnectionDetail = Type.Object(
  { ...TenantConnection.properties, report: Type.Union([ConnectionReport, Type.Null()], { description: 'the last Test Connection report for this tenant' }) },
  strict,
);
export type TenantConnectionDetail = Static<typeof TenantConnectionDetail>;

export const UpdateTenantBody = Type.Object(
  {
    label: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }), Type.Null()])),
    paused: Type.Optional(Type.Boolean({ description: 'true pauses application calls in this tenant; false resumes them' })),
  },
  { ...strict, minProperties: 1 },
);
export type UpdateTenantBody = Static<typeof UpdateTenantBody>;

export const RemovedTenant = Type.Object(
  {
    tenantId: TenantId,
    removed: Type.Literal(true),
    message: Type.String({ description: "what removal did and did not do: Microsoft's admin consent stays in the customer's Entra ID until removed there" }),
  },
  strict,
);
