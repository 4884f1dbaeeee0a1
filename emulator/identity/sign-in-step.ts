// Who is signing in: the session's user when it fits the request, the login_hint user under --auto-sign-in, or
// the sign-in page (prompt=none without a usable session answers login_required, AADSTS50058;
// https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow "prompt").
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import type { User } from '../state/directory-types.js';
import type { SignInSession } from '../state/sign-in-sessions.js';
import { signInPage, type Account } from '../ui/interaction-pages.js';
import { aadsts } from './aadsts-errors.js';
import { readSessionCookie, setSessionCookie, type PendingInteraction } from './interaction-state.js';
import { redirectError } from './redirect-response.js';

export const signInPath = (tenantSegment: string) => `/${encodeURIComponent(tenantSegment)}/login`;

function sessionStillValid(ctx: EmulatorContext, session: SignInSession | undefined): User | undefined {
  if (!session) return undefined;
  const user = ctx.directory.getUser(session.userId);
  if (!user || !user.accountEnabled) return undefined;
  if (user.signInSessionsValidFrom !== undefined && session.authTime < user.signInSessionsValidFrom) return undefined;
  return user;
}

export function startSession(ctx: EmulatorContext, reply: FastifyReply, user: User, mfa = false): SignInSession {
  const session = ctx.sessions.start(user.id, user.tenantId, mfa);
  setSessionCookie(reply, session.id);
  return session;
}

export function renderSignIn(ctx: EmulatorContext, reply: FastifyReply, pendingId: string, p: PendingInteraction, options: { error?: string; accounts?: Account[] } = {}) {
  const app = ctx.directory.getApplication(p.clientId);
  return reply
    .code(200)
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(
      signInPage({
        actionUrl: signInPath(p.tenantSegment),
        ctx: pendingId,
        appName: app?.displayName ?? p.clientId,
        ...(p.loginHint ? { loginHint: p.loginHint } : {}),
        ...options,
      }),
    );
}

/** Resolves the signed-in user, or answers the request (page or redirect) and returns undefined. */
export function resolveUser(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply, pendingId: string, p: PendingInteraction): User | undefined {
  if (p.userId) {
    const user = ctx.directory.getUser(p.userId);
    if (user) return user;
  }
  const prompt = p.kind === 'authorize' ? p.prompt : undefined;
  const session = ctx.sessions.find(readSessionCookie(request));
  const sessionUser = sessionStillValid(ctx, session);
  const hintMatches = (u: User) => !p.loginHint || p.loginHint.toLowerCase() === u.userPrincipalName;
  const fits = sessionUser && (!p.tenantId || sessionUser.tenantId === p.tenantId) && hintMatches(sessionUser);
  if (fits && !p.forceLogin && prompt !== 'login' && prompt !== 'select_account') {
    p.userId = sessionUser.id;
    p.sessionId = session!.id;
    ctx.pending.replace(pendingId, p);
    return sessionUser;
  }
  if (ctx.options.autoSignIn && p.loginHint && !p.forceLogin) {
    const user = ctx.directory.findUserByUpn(p.loginHint, p.tenantId);
    if (user?.accountEnabled) {
      // --auto-sign-in stands for a user who signs in without being asked, second factor included.
      const started = startSession(ctx, reply, user, true);
      p.userId = user.id;
      p.sessionId = started.id;
      ctx.pending.replace(pendingId, p);
      return user;
    }
  }
  if (prompt === 'none') {
    void redirectError(request, reply, ctx.origin(request), p.target, aadsts.loginRequired());
    return undefined;
  }
  const accounts = sessionUser && !p.forceLogin && prompt === 'select_account' ? [{ displayName: sessionUser.displayName, userPrincipalName: sessionUser.userPrincipalName }] : [];
  void renderSignIn(ctx, reply, pendingId, p, { accounts });
  return undefined;
}
