// The `{tenant}` path segment: a tenant GUID, a verified domain, or one of the multi-tenant aliases
// (https://learn.microsoft.com/entra/identity-platform/v2-protocols#endpoints).
import type { DirectoryStore } from '../state/directory-store.js';
import type { Tenant } from '../state/directory-types.js';

export type TenantSegment =
  | { kind: 'tenant'; tenant: Tenant; segment: string }
  | { kind: 'common' | 'organizations'; segment: string }
  | { kind: 'consumers'; segment: string }
  | { kind: 'unknown'; segment: string };

export function resolveTenantSegment(directory: DirectoryStore, segment: string): TenantSegment {
  const lower = segment.toLowerCase();
  if (lower === 'common' || lower === 'organizations') return { kind: lower, segment: lower };
  if (lower === 'consumers' || lower === '9188040d-6c67-4c5b-b112-36a304b66dad') return { kind: 'consumers', segment: lower };
  const tenant = directory.findTenant(lower);
  return tenant ? { kind: 'tenant', tenant, segment } : { kind: 'unknown', segment };
}
