// What a user must consent to before an app gets a delegated token, and whether a user may give that consent.
// Permissions whose Microsoft data says adminConsentRequired can only be granted by an administrator; a user who
// asks for them sees "Need admin approval" (AADSTS90094 semantics,
// https://learn.microsoft.com/entra/identity/enterprise-apps/configure-user-consent). Unknown permissions are
// treated as admin-only, the safe side.
import { getPermission } from '../permissions/graph-permissions.js';
import type { DirectoryStore } from '../state/directory-store.js';
import type { Application, User } from '../state/directory-types.js';
import type { AdminConsentInteraction } from './interaction-state.js';
import type { ScopeRequest } from './scope-request.js';

export interface ConsentDecision {
  /** Every delegated permission the request implies (OIDC scopes included, `/.default` expanded). */
  requested: string[];
  /** The part of `requested` not yet granted to this user (by admin or own consent). */
  missing: string[];
  /** The part of `missing` that only an administrator can grant. */
  adminOnly: string[];
  /** Whether this user can grant `missing` themselves. */
  userCanConsent: boolean;
}

export function requestedDelegated(app: Application, scopes: ScopeRequest): string[] {
  const names = [...scopes.oidc, ...scopes.graph];
  if (scopes.graphDefault) names.push(...app.requiredGraphAccess.delegated);
  return [...new Set(names)];
}

export const needsAdmin = (name: string): boolean => getPermission(name, 'delegated')?.adminConsentRequired ?? true;

export function decideConsent(directory: DirectoryStore, tenantId: string, app: Application, user: User, requested: string[]): ConsentDecision {
  const granted = directory.grantedScopes(tenantId, app.appId, user.id);
  const servicePrincipalExists = directory.servicePrincipal(tenantId, app.appId) !== undefined;
  const missing = requested.filter((p) => !granted.has(p));
  // Entering a tenant for the first time (no service principal yet) always needs a consent, even for openid alone.
  if (!servicePrincipalExists && missing.length === 0) missing.push(...requested);
  const adminOnly = missing.filter(needsAdmin);
  return { requested, missing, adminOnly, userCanConsent: adminOnly.length === 0 || directory.isAdmin(user) };
}

/** Title and description for the consent page, user-facing wording when Microsoft's data has it. */
export function consentText(name: string, audience: 'user' | 'admin'): { title: string; description: string } {
  const fact = getPermission(name, 'delegated');
  if (!fact) return { title: name, description: `Microsoft Graph permission ${name}.` };
  if (audience === 'user' && fact.userConsentDisplayName) {
    return { title: fact.userConsentDisplayName.trim(), description: (fact.userConsentDescription ?? fact.consentDescription).trim() };
  }
  return { title: fact.consentDisplayName.trim(), description: fact.consentDescription.trim() };
}

export function applicationPermissionText(name: string): { title: string; description: string } {
  const fact = getPermission(name, 'application');
  return fact ? { title: fact.consentDisplayName.trim(), description: fact.consentDescription.trim() } : { title: name, description: `Microsoft Graph application permission ${name}.` };
}

/** What the admin consent endpoint grants: the registered (static) permissions for `/.default` or the v1 style call. */
export function permissionsToGrant(app: Application, p: Pick<AdminConsentInteraction, 'scope' | 'scopes'>) {
  const useStatic = p.scope === undefined || p.scopes.graphDefault;
  const delegated = [...new Set([...(useStatic ? app.requiredGraphAccess.delegated : []), ...p.scopes.oidc, ...p.scopes.graph])];
  const application = useStatic ? app.requiredGraphAccess.application : [];
  return { delegated, application };
}
