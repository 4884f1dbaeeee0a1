// The control API's view of a tenant's admin consent requests: everything a test needs in one read (who asked,
// why, for what, status, the decision), in the emulator's own flat shape rather than Graph's.
import type { EmulatorContext } from '../server/emulator-context.js';
import { pendingScopesOf, statusOf } from '../state/consent-requests.js';

export function listConsentRequests(ctx: EmulatorContext, tenantId: string) {
  const { directory } = ctx;
  const now = ctx.clock.now();
  const days = directory.adminConsentPolicy(tenantId).requestDurationInDays;
  return directory.consentRequests.list(tenantId).map((record) => ({
    id: record.id,
    appId: record.appId,
    appDisplayName: directory.getApplication(record.appId)?.displayName ?? record.appId,
    consentType: record.consentType,
    pendingScopes: pendingScopesOf(record, now, days),
    userConsentRequests: record.userConsentRequests.map((u) => ({
      id: u.id,
      userId: u.userId,
      userPrincipalName: directory.getUser(u.userId)?.userPrincipalName ?? null,
      reason: u.reason,
      scopes: u.scopes,
      createdDateTime: u.createdDateTime,
      status: statusOf(u, now, days),
      stageId: u.stageId,
      review: u.review ?? null,
    })),
  }));
}
