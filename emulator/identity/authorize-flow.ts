// The steps of /authorize after the request was validated: sign-in, tenant and assignment checks, consent, and
// the authorization code sent back to the redirect URI.
//  - A user of another tenant than the tenant-specific authority: AADSTS50020 on a page.
//  - A single-tenant app signed into from another tenant: AADSTS700016 on a page.
//  - Assignment required and the user not assigned: AADSTS50105 on a page.
//  - Consent: the consent page (prompt=consent always shows it once); permissions only an admin can grant give
//    "Need admin approval"; prompt=none without consent answers consent_required (AADSTS65001).
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import type { Application, User } from '../state/directory-types.js';
import { consentPage } from '../ui/interaction-pages.js';
import { approvalLines, showApprovalNeeded } from './approval-request-flow.js';
import { consentPath } from './consent-path.js';
import { aadsts } from './aadsts-errors.js';
import { consentText, decideConsent, requestedDelegated } from './consent-policy.js';
import { finishDeviceSignIn } from './device-approval.js';
import { showErrorPage } from './error-page.js';
import type { AuthorizeInteraction } from './interaction-state.js';
import { redirectError, redirectWith } from './redirect-response.js';
import { clientInfo } from './token-minter.js';

export { consentPath } from './consent-path.js';

/** Checks that apply to any interactive sign-in into an app: right tenant, app available there, user assigned. */
export function checkUserMayUseApp(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply, p: { tenantId?: string; clientId: string }, user: User): Application | undefined {
  const { directory } = ctx;
  const app = directory.getApplication(p.clientId)!;
  const userTenant = directory.findTenant(user.tenantId)!;
  if (p.tenantId && p.tenantId !== user.tenantId) {
    const tenant = directory.findTenant(p.tenantId)!;
    void showErrorPage(request, reply, aadsts.userNotInTenant(user.userPrincipalName, user.tenantId, tenant.displayName, app.appId, app.displayName));
    return undefined;
  }
  if (app.tenantId !== user.tenantId && app.signInAudience !== 'AzureADMultipleOrgs') {
    void showErrorPage(request, reply, aadsts.applicationNotFound(app.appId, userTenant.displayName));
    return undefined;
  }
  const sp = directory.servicePrincipal(user.tenantId, app.appId);
  if (sp?.appRoleAssignmentRequired && !sp.assignedUserIds.includes(user.id)) {
    void showErrorPage(request, reply, aadsts.userNotAssigned(app.displayName, app.appId, user.userPrincipalName));
    return undefined;
  }
  return app;
}

export function publisherDomain(ctx: EmulatorContext, app: Application): string {
  return ctx.directory.findTenant(app.tenantId)?.domains[0] ?? 'unverified';
}

export function continueAuthorize(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply, pendingId: string, p: AuthorizeInteraction, user: User) {
  const origin = ctx.origin(request);
  const app = checkUserMayUseApp(ctx, request, reply, p, user);
  if (!app) return reply;
  const requested = requestedDelegated(app, p.scopes);
  const decision = decideConsent(ctx.directory, user.tenantId, app, user, requested);
  const wantsConsentPage = p.prompt === 'consent' && !p.consentDone;
  if (decision.missing.length > 0 || wantsConsentPage) {
    if (p.prompt === 'none') return redirectError(request, reply, origin, p.target, aadsts.consentRequiredSilently(app.appId, app.displayName));
    const account = { displayName: user.displayName, userPrincipalName: user.userPrincipalName };
    if (!decision.userCanConsent) return showApprovalNeeded(ctx, reply, pendingId, p, user, app, approvalLines(ctx, p, app, user));
    if (ctx.options.autoConsent && !wantsConsentPage) {
      ctx.directory.grantDelegated(user.tenantId, app.appId, decision.missing, user.id);
    } else {
      const shown = wantsConsentPage ? requested : decision.missing;
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(
        consentPage({
          actionUrl: consentPath(p.tenantSegment),
          ctx: pendingId,
          appName: app.displayName,
          publisherDomain: publisherDomain(ctx, app),
          account,
          permissions: shown.map((n) => consentText(n, ctx.directory.isAdmin(user) ? 'admin' : 'user')),
          offerOrgConsent: ctx.directory.isAdmin(user),
        }),
      );
    }
  }
  if (p.deviceUserCode) return finishDeviceSignIn(ctx, reply, pendingId, p, { user, scopes: requested });
  return issueCode(ctx, reply, pendingId, p, user, requested);
}

/** Applies the answer of the consent page; returns false when the answer ended the flow (a redirect was sent). */
export function applyConsentAnswer(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply, p: AuthorizeInteraction, user: User, action: string, forOrganization: boolean): boolean {
  const origin = ctx.origin(request);
  const app = ctx.directory.getApplication(p.clientId)!;
  if (p.deviceUserCode && (action === 'cancel' || action === 'return')) {
    void finishDeviceSignIn(ctx, reply, '', p, 'declined');
    return false;
  }
  if (action === 'cancel') {
    void redirectError(request, reply, origin, p.target, aadsts.userDeclinedConsent(), { error_subcode: 'cancel' });
    return false;
  }
  if (action === 'return') {
    void redirectError(request, reply, origin, p.target, aadsts.adminConsentRequired(), { error_subcode: 'cancel' });
    return false;
  }
  const requested = requestedDelegated(app, p.scopes);
  const decision = decideConsent(ctx.directory, user.tenantId, app, user, requested);
  if (!decision.userCanConsent) return true;
  const organizationWide = forOrganization && ctx.directory.isAdmin(user);
  ctx.directory.grantDelegated(user.tenantId, app.appId, requested, organizationWide ? undefined : user.id);
  p.consentDone = true;
  return true;
}

function issueCode(ctx: EmulatorContext, reply: FastifyReply, pendingId: string, p: AuthorizeInteraction, user: User, scopes: string[]) {
  const session = ctx.sessions.find(p.sessionId);
  const code = ctx.codes.issue({
    tenantId: user.tenantId,
    clientId: p.clientId,
    redirectUri: p.target.redirectUri,
    userId: user.id,
    scopes,
    audience: p.scopes.audience,
    ...(p.nonce !== undefined ? { nonce: p.nonce } : {}),
    ...(p.codeChallenge ? { codeChallenge: p.codeChallenge, codeChallengeMethod: p.codeChallengeMethod ?? 'plain' } : {}),
    authTime: session?.authTime ?? ctx.clock.now(),
    sessionId: session?.id ?? p.sessionId ?? pendingId,
    ...(session?.mfa ? { mfa: true } : {}),
  });
  ctx.pending.finish(pendingId);
  return redirectWith(reply, p.target, {
    code,
    ...(p.includeClientInfo ? { client_info: clientInfo(user) } : {}),
    session_state: session?.id ?? p.sessionId,
  });
}
