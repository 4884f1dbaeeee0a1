// The tenants feature's public surface: the customer tenants a workspace's app holds admin consent in (the feature
// owns m365_tenant_connections: others read and write it only through these), their routes, and the gate the
// token service asks before an application call in a tenant.
export { registerTenantRoutes, type TenantServices } from './tenant-routes.js';
export { listActiveTenants, listWorkspaceTenants, recordTenantConsent, recordTenantHealth, tenantGate, TenantPausedError, TenantRemovedError } from './tenant-connection-store.js';
export { TENANT_PROBLEMS } from './problems.js';
export { TENANT_EVENT_TYPES, type TenantEventType } from './events.js';
export type * from './tables.js';
