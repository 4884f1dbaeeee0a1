// Routes of the browser-facing endpoints: /authorize (GET and POST), the sign-in and consent form posts,
// /adminconsent (v1 style and v2.0), /logout, and the error lookup page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import { credentialMatches } from '../state/credential-hash.js';
import { signedOutPage, errorPage } from '../ui/interaction-pages.js';
import { aadsts } from './aadsts-errors.js';
import { adminConsentLead, answerAdminConsent, continueAdminConsent } from './admin-consent-flow.js';
import { approvalLines, submitApprovalRequest } from './approval-request-flow.js';
import { checkAuthorizeRequest, checkClientAndRedirect } from './authorize-request.js';
import { applyConsentAnswer, continueAuthorize } from './authorize-flow.js';
import { showErrorPage } from './error-page.js';
import { readSessionCookie, setSessionCookie, type AdminConsentInteraction, type PendingInteraction } from './interaction-state.js';
import { redirectUriRegistered, registeredRedirectUris } from './redirect-uri-match.js';
import { redirectError } from './redirect-response.js';
import { parseProtocolParams, rawQuery, type ProtocolParams } from './request-params.js';
import { parseScopes } from './scope-request.js';
import { answerSecondFactor, passConditionalAccess } from './second-factor-step.js';
import { renderSignIn, resolveUser, startSession } from './sign-in-step.js';

type TenantParams = { Params: { tenant: string } };

const paramsOf = (request: FastifyRequest) =>
  parseProtocolParams(request.method === 'POST' && typeof request.body === 'string' ? request.body : rawQuery(request.url));

export function advance(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply, pendingId: string, p: PendingInteraction) {
  const user = resolveUser(ctx, request, reply, pendingId, p);
  if (!user) return reply;
  if (!passConditionalAccess(ctx, request, reply, pendingId, p, user)) return reply;
  return p.kind === 'authorize' ? continueAuthorize(ctx, request, reply, pendingId, p, user) : continueAdminConsent(ctx, request, reply, pendingId, p, user);
}

function pendingOrPage(ctx: EmulatorContext, request: FastifyRequest, reply: FastifyReply, params: ProtocolParams) {
  const id = params.get('ctx');
  const p = ctx.pending.find(id);
  if (!id || !p) {
    void showErrorPage(request, reply, aadsts.invalidParameter('ctx'), 'Your sign-in session expired. Go back to the application and try again.');
    return undefined;
  }
  return { id, p };
}

export function registerInteractiveRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const authorize = async (request: FastifyRequest<TenantParams>, reply: FastifyReply) => {
    const checked = checkAuthorizeRequest(ctx, request.params.tenant, paramsOf(request));
    request.protocolOutcome.clientId = paramsOf(request).get('client_id');
    if (checked.outcome === 'page') return showErrorPage(request, reply, checked.error);
    if (checked.outcome === 'redirect') return redirectError(request, reply, ctx.origin(request), checked.target, checked.error);
    const id = ctx.pending.park(checked.value);
    return advance(ctx, request, reply, id, checked.value);
  };
  app.get<TenantParams>('/:tenant/oauth2/v2.0/authorize', authorize);
  app.post<TenantParams>('/:tenant/oauth2/v2.0/authorize', authorize);

  const adminConsent = async (request: FastifyRequest<TenantParams>, reply: FastifyReply, v2: boolean) => {
    const params = paramsOf(request);
    const base = checkClientAndRedirect(ctx, request.params.tenant, params, 'query');
    if (base.outcome !== 'ok') return showErrorPage(request, reply, base.outcome === 'page' ? base.error : aadsts.malformedRequest());
    const state = params.get('state');
    const target = { redirectUri: base.value.redirectUri, responseMode: 'query' as const, ...(state !== undefined ? { state } : {}) };
    const scope = params.get('scope');
    if (v2 && !scope) return redirectError(request, reply, ctx.origin(request), target, aadsts.missingParameter('scope'), {}, adminConsentLead);
    const scopes = parseScopes(scope ?? 'https://graph.microsoft.com/.default', ctx.directory);
    if (!scopes.ok) return redirectError(request, reply, ctx.origin(request), target, scopes.error, {}, adminConsentLead);
    const loginHint = params.get('login_hint');
    const p: AdminConsentInteraction = {
      kind: 'adminconsent',
      tenantSegment: request.params.tenant,
      ...(base.value.tenantId ? { tenantId: base.value.tenantId } : {}),
      clientId: base.app.appId,
      target,
      scopes: scopes.value,
      ...(scope !== undefined ? { scope } : {}),
      ...(loginHint ? { loginHint } : {}),
    };
    const id = ctx.pending.park(p);
    return advance(ctx, request, reply, id, p);
  };
  app.get<TenantParams>('/:tenant/adminconsent', (request, reply) => adminConsent(request, reply, false));
  app.get<TenantParams>('/:tenant/v2.0/adminconsent', (request, reply) => adminConsent(request, reply, true));

  app.post<TenantParams>('/:tenant/login', async (request, reply) => {
    const params = paramsOf(request);
    const found = pendingOrPage(ctx, request, reply, params);
    if (!found) return reply;
    const { id, p } = found;
    const login = (params.get('login') ?? '').trim().toLowerCase();
    if (params.get('action') === 'continue') {
      const session = ctx.sessions.find(readSessionCookie(request));
      if (session && ctx.directory.getUser(session.userId)?.userPrincipalName === login) {
        Object.assign(p, { userId: session.userId, sessionId: session.id, forceLogin: false });
        ctx.pending.replace(id, p);
        return advance(ctx, request, reply, id, p);
      }
      return renderSignIn(ctx, reply, id, p);
    }
    const user = ctx.directory.findUserByUpn(login, p.tenantId) ?? ctx.directory.findUserByUpn(login);
    if (!user) return renderSignIn(ctx, reply, id, { ...p, loginHint: login }, { error: "We couldn't find an account with that username. Try another, or get a new account." });
    if (!credentialMatches(params.get('passwd') ?? '', user.passwordHash)) {
      return renderSignIn(ctx, reply, id, { ...p, loginHint: login }, { error: "Your account or password is incorrect. If you don't remember your password, reset it now." });
    }
    if (!user.accountEnabled) return showErrorPage(request, reply, { ...aadsts.userDisabled(), error: 'invalid_request' }, 'Your account has been locked');
    const session = startSession(ctx, reply, user);
    Object.assign(p, { userId: user.id, sessionId: session.id, forceLogin: false });
    ctx.pending.replace(id, p);
    return advance(ctx, request, reply, id, p);
  });

  app.post<TenantParams>('/:tenant/mfa', async (request, reply) => {
    const params = paramsOf(request);
    const found = pendingOrPage(ctx, request, reply, params);
    if (!found) return reply;
    const { id, p } = found;
    const user = p.userId ? ctx.directory.getUser(p.userId) : undefined;
    const session = ctx.sessions.find(p.sessionId);
    if (!user || !session || session.userId !== user.id) return renderSignIn(ctx, reply, id, { ...p, userId: undefined, forceLogin: true });
    if (!answerSecondFactor(ctx, reply, id, p, user, session, params.get('otc') ?? '')) return reply;
    return advance(ctx, request, reply, id, p);
  });

  app.post<TenantParams>('/:tenant/consent', async (request, reply) => {
    const params = paramsOf(request);
    const found = pendingOrPage(ctx, request, reply, params);
    if (!found) return reply;
    const { id, p } = found;
    const user = p.userId ? ctx.directory.getUser(p.userId) : undefined;
    const action = params.get('action') ?? 'cancel';
    if (!user || action === 'switch') {
      Object.assign(p, { userId: undefined, forceLogin: true });
      ctx.pending.replace(id, p);
      return renderSignIn(ctx, reply, id, p);
    }
    // Only a user shown the approval page may request approval (not an admin, and something only an admin can grant).
    const application = ctx.directory.getApplication(p.clientId)!;
    if (action === 'request' && !ctx.directory.isAdmin(user) && approvalLines(ctx, p, application, user).length > 0) {
      return submitApprovalRequest(ctx, reply, id, p, user, params.get('justification') ?? '');
    }
    if (p.kind === 'adminconsent') return answerAdminConsent(ctx, request, reply, id, p, user, action);
    if (!applyConsentAnswer(ctx, request, reply, p, user, action, params.get('consentForOrg') === 'on')) {
      ctx.pending.finish(id);
      return reply;
    }
    ctx.pending.replace(id, p);
    return continueAuthorize(ctx, request, reply, id, p, user);
  });

  // https://learn.microsoft.com/entra/identity-platform/v2-protocols-oidc "Send a sign-out request": ends the
  // session and returns to post_logout_redirect_uri when it is a registered redirect URI.
  const logout = async (request: FastifyRequest<TenantParams>, reply: FastifyReply) => {
    const params = paramsOf(request);
    ctx.sessions.end(readSessionCookie(request));
    setSessionCookie(reply, undefined);
    const target = params.get('post_logout_redirect_uri');
    const clientId = params.get('client_id');
    const candidates = clientId ? [ctx.directory.getApplication(clientId)].filter((a) => a !== undefined) : ctx.directory.listTenants().flatMap((t) => ctx.directory.applicationsOf(t.id));
    if (target && candidates.some((a) => redirectUriRegistered(registeredRedirectUris(a), target))) {
      const url = new URL(target);
      const state = params.get('state');
      if (state !== undefined) url.searchParams.set('state', state);
      return reply.redirect(url.toString(), 302);
    }
    return reply.type('text/html; charset=utf-8').send(signedOutPage());
  };
  app.get<TenantParams>('/:tenant/oauth2/v2.0/logout', logout);
  app.post<TenantParams>('/:tenant/oauth2/v2.0/logout', logout);

  app.get<{ Querystring: { code?: string } }>('/error', async (request, reply) => {
    const code = (request.query.code ?? '').replace(/\D/g, '');
    return reply.type('text/html; charset=utf-8').send(
      errorPage({
        title: code ? `AADSTS${code}` : 'Error lookup',
        message: 'The emulator follows Microsoft\'s published meaning of this code. See the Microsoft Entra error reference for its description and fixes.',
        details: { Reference: `https://login.microsoftonline.com/error?code=${code}` },
      }),
    );
  });
}
