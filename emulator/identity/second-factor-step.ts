// Conditional access on the interactive pages, between sign-in and consent: a policy that blocks shows AADSTS53003,
// a custom control AADSTS50158 (an external provider the emulator cannot stand in for), and a policy requiring MFA
// asks for a second factor unless this browser session already gave one. A user without a registered method is
// asked to set one up first ("More information required"), as Microsoft's registration interrupt does; the
// emulator then records an authenticator app code (softwareOneTimePasscode) among the user's methods.
// prompt=none cannot show the page: it answers interaction_required (AADSTS50076) at the redirect URI
// (v2-oauth2-auth-code-flow "prompt").
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import type { User } from '../state/directory-types.js';
import type { SignInSession } from '../state/sign-in-sessions.js';
import { emulatorVerificationCode, secondFactorPage } from '../ui/interaction-pages.js';
import { aadsts } from './aadsts-errors.js';
import { accessRequirement, hasSecondFactor } from './conditional-access.js';
import { showErrorPage } from './error-page.js';
import { graphAppId } from './graph-resource.js';
import type { PendingInteraction } from './interaction-state.js';
import { redirectError } from './redirect-response.js';

export const secondFactorPath = (tenantSegment: string) => `/${encodeURIComponent(tenantSegment)}/mfa`;

function renderSecondFactor(ctx: EmulatorContext, reply: FastifyReply, pendingId: string, p: PendingInteraction, user: User, error?: string) {
  return reply
    .code(200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      secondFactorPage({
        actionUrl: secondFactorPath(p.tenantSegment),
        ctx: pendingId,
        account: { displayName: user.displayName, userPrincipalName: user.userPrincipalName },
        register: !hasSecondFactor(ctx, user),
        ...(error ? { error } : {}),
      }),
    );
}

/** True when the sign-in may go on to consent; otherwise the page or redirect was sent. */
export function passConditionalAccess(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply, pendingId: string, p: PendingInteraction, user: User): boolean {
  const requirement = accessRequirement(ctx, { user, appId: p.clientId, clientAppType: 'browser', ipAddress: request.ip });
  if (requirement.kind === 'none') return true;
  if (requirement.kind === 'block') {
    void showErrorPage(request, reply, aadsts.blockedByConditionalAccess(), "You cannot access this right now");
    return false;
  }
  if (requirement.kind === 'external') {
    void showErrorPage(request, reply, aadsts.externalSecurityChallenge());
    return false;
  }
  if (ctx.sessions.find(p.sessionId)?.mfa) return true;
  if (p.kind === 'authorize' && p.prompt === 'none') {
    void redirectError(request, reply, ctx.origin(request), p.target, { ...aadsts.mfaRequired(graphAppId, requirement.policyIds), error: 'interaction_required' });
    return false;
  }
  void renderSecondFactor(ctx, reply, pendingId, p, user);
  return false;
}

/**
 * The answer of the second-factor page: the emulator's fixed code completes MFA for the browser session (and
 * registers the method when the user had none); anything else shows the page again with Microsoft's message.
 */
export function answerSecondFactor(ctx: EmulatorContext, reply: FastifyReply, pendingId: string, p: PendingInteraction, user: User, session: SignInSession, code: string): boolean {
  if (code.trim() !== emulatorVerificationCode) {
    void renderSecondFactor(ctx, reply, pendingId, p, user, "You didn't enter the expected verification code. Please try again.");
    return false;
  }
  if (!hasSecondFactor(ctx, user)) {
    ctx.security.change(user.tenantId, (config) => {
      const facts = config.users[user.id] ?? {};
      config.users[user.id] = { ...facts, methods: [...(facts.methods ?? []), 'softwareOneTimePasscode'] };
    });
  }
  session.mfa = true;
  return true;
}
