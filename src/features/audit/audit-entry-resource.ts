// An audit entry as the API shows it.
import type { AuditEntry as AuditRecord } from './audit-log.js';
import type { AuditEntry } from '../../contract/api-schemas.js';

const iso = (date: Date) => date.toISOString();

export const auditEntryResource = (e: AuditRecord): AuditEntry => ({
  id: e.id,
  actor: e.actor,
  action: e.action,
  target: e.target,
  ip: e.ip,
  data: e.data,
  ...(e.actingUser ? { actingUser: e.actingUser } : {}),
  createdAt: iso(e.createdAt),
});
