// An admin's decision on a user's consent request, whoever records it (Graph's approval stage PATCH, or the
// emulator's control API for tests). Approve does what the admin center's "Review permissions and consent" does:
// admin consent for the whole organisation (AllPrincipals) to the permissions the user asked for plus the app's
// registered ones, delegated and application, creating the service principal in a tenant that has none; the
// user's next sign-in then passes without a consent page. Deny grants nothing.
// https://learn.microsoft.com/entra/identity/enterprise-apps/review-admin-consent-requests
import { DirectoryError } from './directory-errors.js';
import type { DirectoryStore } from './directory-store.js';
import type { Reviewer } from './consent-requests.js';

export interface ConsentDecision {
  tenantId: string;
  appConsentRequestId: string;
  userConsentRequestId: string;
  result: 'Approve' | 'Deny';
  justification: string;
  reviewer: Reviewer;
  now: number;
  /** Graph's PATCH names the stage; it must be this request's stage. */
  stageId?: string;
}

export function decideConsentRequest(directory: DirectoryStore, decision: ConsentDecision): void {
  const appRequest = directory.consentRequests.find(decision.tenantId, decision.appConsentRequestId);
  const userRequest = appRequest?.userConsentRequests.find((u) => u.id === decision.userConsentRequestId.toLowerCase());
  if (!appRequest || !userRequest || (decision.stageId !== undefined && userRequest.stageId !== decision.stageId.toLowerCase())) {
    throw new DirectoryError(404, `no consent request ${decision.appConsentRequestId}/${decision.userConsentRequestId}${decision.stageId ? ` with stage ${decision.stageId}` : ''} in tenant ${decision.tenantId}`);
  }
  const policy = directory.adminConsentPolicy(decision.tenantId);
  directory.consentRequests.decide(appRequest, userRequest, decision.result, decision.justification, decision.reviewer, decision.now, policy.requestDurationInDays);
  if (decision.result !== 'Approve') return;
  const app = directory.getApplication(appRequest.appId);
  if (!app) return;
  directory.ensureServicePrincipal(decision.tenantId, app);
  const delegated = [...new Set([...userRequest.scopes, ...app.requiredGraphAccess.delegated])];
  if (delegated.length) directory.grantDelegated(decision.tenantId, app.appId, delegated);
  if (app.requiredGraphAccess.application.length) directory.grantApplication(decision.tenantId, app.appId, app.requiredGraphAccess.application);
}
