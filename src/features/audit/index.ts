// The audit feature's public surface: every feature records its changes here, in the same transaction.
export { recordAudit, type AuditContext, type AuditEntry, type AuditEntryInput } from './audit-log.js';
export { registerAuditRoutes } from './audit-routes.js';
export type * from './tables.js';
