// Browser routes of the Microsoft 365 flows (outside /api: they answer with redirects and a small HTML page):
//   GET /auth/m365/connect?workspaceId=&returnTo=   a signed-in console user connects their own account
//   GET /auth/m365/connect-link/{token}             a host product's user opens the single-use link its backend got
//   GET /auth/m365/admin-consent?workspaceId=        a console admin grants admin consent
//   GET /auth/m365/callback                          Microsoft sends the browser back here, for every flow
// A flow ends on `returnTo` (with ?m365_connected=1, ?m365_admin_consent=1 or ?m365_error=<code>), or on the result
// page: console users see the page when something failed, so they can read what to do.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {} from '@fastify/cookie';
import { Type } from 'typebox';
import type { Kysely } from 'kysely';
import { roleIn } from '../../platform/http/principal.js';
import { newBrowserBinding } from './auth-states.js';
import { ConnectError } from './connect-error.js';
import { ADMIN_CONSENT_NEEDED, type FlowActor, type FlowOutcome } from './connect-flow.js';
import { ADMIN_CONSENT_LINK_PATH, createAdminConsentLink, redeemAdminConsentLink, redeemConnectLink } from './connect-links.js';
import { renderResultPage, type ResultPage } from './result-page.js';
import { withOutcome } from './return-to.js';
import { IdentityError } from '../../microsoft/identity/index.js';
import type { Database } from '../../platform/store/schema.js';
import { findConsoleUser } from '../console-auth/index.js';
import { principalOf } from '../../platform/http/authenticate.js';
import { ConnectQuery, type ConnectionUser } from '../../contract/integration-schemas.js';
import { PROBLEM_BASE_URI } from '../../platform/http/problem-catalogue.js';
import { checkedReturnTo, hubOrigin, type M365RouteDeps } from './connect-http.js';

export const BINDING_COOKIE = 'm365hub_oauth_binding';
const BINDING_VALUE = /^[A-Za-z0-9_-]{43}$/;
const tags = ['microsoft 365 sign-in'];

/**
 * The browser binding of OAuth states: an httpOnly cookie, reused while it lives so flows in two tabs both work.
 * SameSite=Lax: Microsoft's redirect back is a top-level GET, which Lax cookies accompany.
 */
export function setBrowserBinding(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[BINDING_COOKIE];
  const value = existing && BINDING_VALUE.test(existing) ? existing : newBrowserBinding();
  reply.setCookie(BINDING_COOKIE, value, { path: '/auth/m365', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: 15 * 60 });
  return value;
}

/** The header that carries a failed flow's code on every answer (page, problem+json or redirect), for API clients. */
export const ERROR_CODE_HEADER = 'x-m365hub-error-code';

/**
 * Whether the client asked for JSON rather than a page: an API client following a link sends
 * `Accept: application/json` (or application/problem+json); browsers always name text/html.
 */
function wantsJson(request: FastifyRequest): boolean {
  const accept = request.headers.accept ?? '';
  return /application\/(problem\+)?json/i.test(accept) && !/text\/html/i.test(accept);
}

/** The result of a flow: a page for people, or — for a failure asked for as JSON — problem+json with the same words. */
function page(request: FastifyRequest, reply: FastifyReply, status: number, content: ResultPage): FastifyReply {
  reply.header('cache-control', 'no-store');
  if (content.code) reply.header(ERROR_CODE_HEADER, content.code);
  if (content.code && wantsJson(request)) {
    return reply
      .code(status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(
        JSON.stringify({
          type: `${PROBLEM_BASE_URI}${content.code}`,
          title: content.title,
          status,
          detail: content.fix ? `${content.message} ${content.fix}` : content.message,
          code: content.code,
          requestId: request.id,
          ...(content.action ? { actionUrl: content.action.href } : {}),
          ...(content.continueHref ? { continueUrl: content.continueHref } : {}),
        }),
      );
  }
  return reply
    .code(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    .header('referrer-policy', 'no-referrer')
    .send(renderResultPage(content));
}

const NOT_MEMBER: ResultPage = { title: 'Workspace not found', message: 'The workspace does not exist or you are not a member of it.', code: 'not_found' };

const errorPage = (error: IdentityError | ConnectError, extra: Partial<ResultPage> = {}): ResultPage => ({
  title: error.userMessage.startsWith('Approval required') ? 'Approval required' : 'Microsoft 365 was not connected',
  message: error.userMessage,
  fix: error.fix,
  code: error.code,
  ...extra,
});

const ASK_WORKSPACE_ADMIN =
  'Ask your workspace admin to grant admin consent (Settings → Integrations → Grant admin consent, signed in at Microsoft as an administrator of your organisation), then connect again. If Microsoft let you request approval, your request is already with your administrators.';

async function consoleRole(db: Kysely<Database>, workspaceId: string, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom('workspace_members').select('role').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
  return row?.role;
}

function adminConsentStart(request: FastifyRequest, deps: M365RouteDeps, workspaceId: string): string {
  return `${hubOrigin(request, deps.config)}/auth/m365/admin-consent?workspaceId=${encodeURIComponent(workspaceId)}`;
}

async function actorFor(db: Kysely<Database>, request: FastifyRequest, startedBy: ConnectionUser | null): Promise<FlowActor> {
  if (startedBy?.kind === 'console_user') {
    const user = await findConsoleUser(db, startedBy.id);
    if (user) return { actor: { type: 'user', id: user.id, label: user.email }, ip: request.ip ?? null, actingUser: null };
  }
  // A host product's user through a connect link: no console identity; the user is recorded as acting user.
  return { actor: { type: 'system', id: null, label: startedBy ? 'connect link' : 'admin consent link' }, ip: request.ip ?? null, actingUser: startedBy?.id ?? null };
}

export function registerM365AuthRoutes(server: FastifyInstance, deps: M365RouteDeps & { db: Kysely<Database> }): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();

  /** Starts a connect flow in this browser, or shows why it cannot start. */
  async function startConnect(request: FastifyRequest, reply: FastifyReply, target: { workspaceId: string; user: ConnectionUser; returnTo: string | null }) {
    try {
      const url = await deps.connect.startConnect({ ...target, browserBinding: setBrowserBinding(request, reply) });
      return reply.header('cache-control', 'no-store').redirect(url.toString(), 302);
    } catch (error) {
      if (error instanceof ConnectError || error instanceof IdentityError) return page(request, reply, 409, errorPage(error));
      throw error;
    }
  }

  api.get(
    '/auth/m365/connect',
    { config: { access: 'user' }, schema: { tags, summary: 'Connect the signed-in console user\'s Microsoft 365 account (redirects to Microsoft)', querystring: ConnectQuery } },
    async (request, reply) => {
      const principal = principalOf(request);
      const { workspaceId } = request.query;
      if (principal.kind !== 'user' || roleIn(principal, workspaceId) === undefined) {
        return page(request, reply, 404, NOT_MEMBER);
      }
      let returnTo: string | null = null;
      try {
        if (request.query.returnTo) returnTo = await checkedReturnTo(deps, request, workspaceId, request.query.returnTo);
      } catch (error) {
        if (error instanceof ConnectError) return page(request, reply, 400, errorPage(error));
        throw error;
      }
      return startConnect(request, reply, { workspaceId, user: { kind: 'console_user', id: principal.user.id }, returnTo });
    },
  );

  api.get(
    '/auth/m365/connect-link/:token',
    {
      config: { access: 'public', secretInPath: true },
      schema: { tags, summary: 'Open a single-use connect link (redirects to Microsoft)', params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }) },
    },
    async (request, reply) => {
      try {
        const target = await redeemConnectLink(deps.db, request.params.token, deps.clock.now());
        return await startConnect(request, reply, { workspaceId: target.workspaceId, user: { kind: 'external_user', id: target.externalUserId }, returnTo: target.returnTo });
      } catch (error) {
        if (error instanceof ConnectError) return page(request, reply, 410, errorPage(error));
        throw error;
      }
    },
  );

  api.get(
    `${ADMIN_CONSENT_LINK_PATH}/:token`,
    {
      config: { access: 'public', secretInPath: true },
      schema: { tags, summary: 'Open a single-use admin consent link (a tenant administrator; redirects to Microsoft)', params: Type.Object({ token: Type.String({ minLength: 1, maxLength: 256 }) }, { additionalProperties: false }) },
    },
    async (request, reply) => {
      try {
        const target = await redeemAdminConsentLink(deps.db, request.params.token, deps.clock.now());
        const { url } = await deps.connect.startAdminConsent({ ...target, startedBy: null, browserBinding: setBrowserBinding(request, reply) });
        return reply.header('cache-control', 'no-store').redirect(url.toString(), 302);
      } catch (error) {
        if (error instanceof ConnectError) return page(request, reply, error.code === 'admin_consent_link_invalid' ? 410 : 409, errorPage(error));
        if (error instanceof IdentityError) return page(request, reply, 409, errorPage(error));
        throw error;
      }
    },
  );

  api.get(
    '/auth/m365/admin-consent',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Grant admin consent for the workspace\'s app (console admins; redirects to Microsoft)', querystring: ConnectQuery },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { workspaceId } = request.query;
      const role = roleIn(principal, workspaceId);
      if (principal.kind !== 'user' || role === undefined) return page(request, reply, 404, NOT_MEMBER);
      if (role !== 'admin') {
        return page(request, reply, 403, { title: 'Approval required', message: 'Only a workspace admin can start admin consent.', fix: 'Send this link to an admin of the workspace who is also an administrator of your Microsoft 365 tenant.', code: 'forbidden' });
      }
      try {
        const returnTo = request.query.returnTo ? await checkedReturnTo(deps, request, workspaceId, request.query.returnTo) : null;
        const { url } = await deps.connect.startAdminConsent({ workspaceId, startedBy: { kind: 'console_user', id: principal.user.id }, returnTo, browserBinding: setBrowserBinding(request, reply) });
        return reply.header('cache-control', 'no-store').redirect(url.toString(), 302);
      } catch (error) {
        if (error instanceof ConnectError || error instanceof IdentityError) return page(request, reply, 409, errorPage(error));
        throw error;
      }
    },
  );

  api.get(
    '/auth/m365/callback',
    {
      config: { access: 'public' },
      // The query is Microsoft's (code, state, error, admin_consent, tenant, …): read as-is, checked by the flow.
      schema: { tags, summary: 'Redirect URI of every Microsoft 365 flow (register it in the app registration)' },
    },
    async (request, reply) => {
      const outcome = await deps.connect.complete(request.query as Record<string, string | string[] | undefined>, request.cookies[BINDING_COOKIE], (state) =>
        actorFor(deps.db, request, state.user),
      );
      return respond(request, reply, outcome);
    },
  );

  async function signedAdminConsentLink(request: FastifyRequest, workspaceId: string): Promise<string> {
    const { token } = await createAdminConsentLink(deps.db, { workspaceId, returnTo: null }, deps.clock.now());
    return `${hubOrigin(request, deps.config)}${ADMIN_CONSENT_LINK_PATH}/${token}`;
  }

  async function respond(request: FastifyRequest, reply: FastifyReply, outcome: FlowOutcome): Promise<FastifyReply> {
    if (outcome.ok) {
      if (outcome.returnTo) {
        return reply.redirect(withOutcome(outcome.returnTo, outcome.purpose === 'connect' ? { connected: true } : { adminConsent: true }), 303);
      }
      return outcome.purpose === 'connect'
        ? page(request, reply, 200, {
            title: 'Microsoft 365 connected',
            message: `Connected as ${outcome.connection.userPrincipalName ?? outcome.connection.displayName ?? 'your Microsoft account'}. You can close this window.`,
          })
        : page(request, reply, 200, { title: 'Admin consent granted', message: `The app was approved for tenant ${outcome.tenant}. You can close this window.` });
    }
    const { error, returnTo, workspaceId } = outcome;
    const needsAdmin = error instanceof IdentityError && ADMIN_CONSENT_NEEDED.has(error.code) && workspaceId !== null;
    const forConsoleUser = outcome.user?.kind === 'console_user';
    // A host product's user goes straight back to it with the code; its own UI explains (and its backend can ask for
    // an admin consent link).
    if (returnTo && !forConsoleUser) return reply.header(ERROR_CODE_HEADER, error.code).redirect(withOutcome(returnTo, { error: error.code }), 303);
    // A console user's admin signs in to the console; anyone else's tenant administrator gets a single-use link that
    // needs no console account (the state that names the workspace passed every check). A console member cannot
    // start admin consent: they are told to ask a workspace admin, without a link that would refuse them.
    const consoleMember = needsAdmin && forConsoleUser && (await consoleRole(deps.db, workspaceId, outcome.user!.id)) !== 'admin';
    const action =
      needsAdmin && !consoleMember
        ? { label: 'Admin consent link', href: forConsoleUser ? adminConsentStart(request, deps, workspaceId) : await signedAdminConsentLink(request, workspaceId) }
        : undefined;
    const words = { ...(consoleMember ? { fix: ASK_WORKSPACE_ADMIN } : {}), ...(outcome.purpose === 'admin_consent' && error.code === 'consent_declined' ? { title: 'Admin consent was not granted' } : {}) };
    return page(request, reply, 400, errorPage(error, { ...words, ...(action ? { action } : {}), ...(returnTo ? { continueHref: withOutcome(returnTo, { error: error.code }) } : {}) }));
  }
}
