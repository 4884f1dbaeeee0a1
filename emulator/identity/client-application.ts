// Which app registration a `client_id` names, as seen from the tenant in the request path.
// An app is usable in its home tenant; a multi-tenant app (AzureADMultipleOrgs) also in any tenant where it has a
// service principal (created by consent there), and at /authorize in any tenant, where consent will create it.
// A single-tenant app is AADSTS700016 elsewhere and AADSTS50194 on /common and /organizations.
import type { DirectoryStore } from '../state/directory-store.js';
import type { Application } from '../state/directory-types.js';
import { aadsts, type AadstsError } from './aadsts-errors.js';
import type { TenantSegment } from './tenant-resolver.js';

export function findClientApplication(
  directory: DirectoryStore,
  tenant: Exclude<TenantSegment, { kind: 'unknown' | 'consumers' }>,
  clientId: string,
  purpose: 'authorize' | 'token',
): { ok: true; app: Application } | { ok: false; error: AadstsError } {
  const tenantName = tenant.kind === 'tenant' ? tenant.tenant.displayName : tenant.segment;
  const app = directory.getApplication(clientId);
  if (!app) return { ok: false, error: aadsts.applicationNotFound(clientId, tenantName) };
  if (tenant.kind !== 'tenant') {
    return app.signInAudience === 'AzureADMultipleOrgs' ? { ok: true, app } : { ok: false, error: aadsts.notMultiTenant(app.appId, app.displayName) };
  }
  if (app.tenantId === tenant.tenant.id) return { ok: true, app };
  if (app.signInAudience === 'AzureADMultipleOrgs' && (purpose === 'authorize' || directory.servicePrincipal(tenant.tenant.id, app.appId))) {
    return { ok: true, app };
  }
  return { ok: false, error: aadsts.applicationNotFound(clientId, tenantName) };
}
