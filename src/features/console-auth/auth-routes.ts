// Console sign-in, sign-out and the current session. Wrong credentials get one generic answer, whatever was wrong,
// and repeated failures per IP + email are slowed down. Every attempt is audited (never the password).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Config } from '../../platform/config/config.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { recordAudit } from '../audit/index.js';
import { normaliseEmail, verifyCredentials } from './console-users.js';
import { createSession, deleteSession } from './sessions.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import type { SignInLimiter } from './sign-in-limiter.js';
import { NoContent, Session, SignInBody } from '../../contract/api-schemas.js';
import { auditContextOf, principalOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { userResource } from './user-resource.js';

export interface AuthRoutesDeps {
  db: Kysely<Database>;
  clock: Clock;
  config: Config;
  limiter: SignInLimiter;
}

const tags = ['auth'];

export function registerAuthRoutes(server: FastifyInstance, deps: AuthRoutesDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const sessionOptions = { db: deps.db, clock: deps.clock, ttlSeconds: deps.config.sessionTtlSeconds };

  api.post(
    '/api/v1/auth/sign-in',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign in to the console', body: SignInBody, response: { 200: Session } },
    },
    async (request, reply) => {
      const { email, password } = request.body;
      const ip = request.ip;
      const failure = async (reason: string) =>
        recordAudit(deps.db, {
          workspaceId: null,
          actor: { type: 'user', id: null, label: normaliseEmail(email) },
          action: 'auth.sign_in_failed',
          ip,
          data: { email: normaliseEmail(email), reason },
          at: deps.clock.now(),
        });
      const retryAfter = await deps.limiter.retryAfterSeconds(ip, email);
      if (retryAfter > 0) {
        await failure('rate_limited');
        throw new HttpProblem('rate_limited', {
          detail: `Too many failed sign-ins for this email from your address. Try again in ${retryAfter} seconds.`,
          headers: { 'retry-after': String(retryAfter) },
        });
      }
      const user = await verifyCredentials(deps.db, email, password);
      if (!user) {
        await deps.limiter.recordFailure(ip, email);
        await failure('invalid_credentials');
        throw new HttpProblem('invalid_credentials');
      }
      await deps.limiter.recordSuccess(ip, email);
      const session = await createSession(sessionOptions, user.id, { ip, userAgent: request.headers['user-agent'] ?? null });
      await recordAudit(deps.db, {
        workspaceId: null,
        actor: { type: 'user', id: user.id, label: user.email },
        action: 'auth.signed_in',
        ip,
        at: deps.clock.now(),
      });
      setSessionCookie(request, reply, session.token, session.expiresAt);
      return { user: userResource(user), csrfToken: session.csrfToken };
    },
  );

  api.post(
    '/api/v1/auth/sign-out',
    { config: { access: 'user' }, schema: { tags, summary: 'Sign out (ends the session)', response: { 204: NoContent } } },
    async (request, reply) => {
      const principal = principalOf(request);
      if (principal.kind === 'user') {
        await deleteSession(deps.db, principal.session.tokenDigest);
        await recordAudit(deps.db, { ...auditContextOf(request, deps.clock), workspaceId: null, action: 'auth.signed_out' });
      }
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  api.get(
    '/api/v1/auth/session',
    { config: { access: 'user' }, schema: { tags, summary: 'The signed-in user and the CSRF token', response: { 200: Session } } },
    async (request) => {
      const principal = principalOf(request);
      if (principal.kind !== 'user') throw new HttpProblem('unauthenticated');
      return { user: userResource(principal.user), csrfToken: principal.session.csrfToken };
    },
  );
}
