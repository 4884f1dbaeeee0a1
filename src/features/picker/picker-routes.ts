// The hosted picker's routes. The host product's backend (API key) asks for a session for one of its users and one
// record, and gets the page's URL; the browser opens that page (/picker/<token>), which loads its script and styles
// and then calls the hub only through picker-api-routes.ts, with the token as its one credential. The opener script
// (m365hub-picker.js) is what the host page includes to open the picker and receive the selection.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { WorkspaceParams } from '../../contract/api-schemas.js';
import { PickerSession, PickerSessionBody, PickerTokenParams } from '../../contract/picker-schemas.js';
import { workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import type { Clock } from '../../platform/time/clock.js';
import { PICKER_OPENER_SCRIPT } from './picker-opener-script.js';
import { pickerErrorPage, pickerPage, PICKER_ASSETS } from './picker-page.js';
import { PickerSessionError, verifyPickerSession } from './picker-session-token.js';
import { openPickerSession, PickerOriginNotAllowed, PICKER_PAGE_PATH } from './picker-sessions.js';

export interface PickerRouteDeps {
  clock: Clock;
  /** pickerSigningKeys(the hub's encryption keys), newest first. */
  keys: readonly Buffer[];
  /** The origins a workspace's picker may post its selection to (its returnOrigins, its own URL, the hub's). */
  allowedOrigins(workspaceId: string): Promise<string[]>;
  /** The hub's public origin (BACKEND_URL), when configured; otherwise the request's own. */
  backendUrl: string | undefined;
}

const publicAccess = { access: 'public' as const };

export function registerPickerRoutes(server: FastifyInstance, deps: PickerRouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/api/v1/workspaces/:workspaceId/picker/sessions',
    {
      config: { access: 'workspace_member' },
      schema: {
        tags: ['picker'],
        summary: "A hosted picker session for one of the host product's users and one record: open `url` in the user's browser (m365hub-picker.js does); the selection is posted to `origin` only",
        params: WorkspaceParams,
        body: PickerSessionBody,
        response: { 201: PickerSession },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const hubOrigin = deps.backendUrl ?? `${request.protocol}://${request.host}`;
      try {
        const session = openPickerSession(
          { workspaceId, ...request.body, mode: request.body.mode ?? 'both' },
          { keys: deps.keys, allowedOrigins: [...(await deps.allowedOrigins(workspaceId)), hubOrigin], hubOrigin, now: deps.clock.now() },
        );
        return reply.code(201).header('cache-control', 'no-store').send(session);
      } catch (error) {
        if (error instanceof PickerOriginNotAllowed) {
          throw new HttpProblem('picker_origin_not_allowed', {
            detail: `${JSON.stringify(request.body.origin)} is not an origin this workspace allows. Add it (scheme, host and port, no path) to the integration's returnOrigins, or open the picker from an allowed origin.`,
            errors: [{ pointer: '/body/origin', detail: 'is not an allowed origin' }],
          });
        }
        throw error;
      }
    },
  );

  // A wildcard, not `:token`: a signed token is longer than the router's parameter limit (100 characters).
  api.get(`${PICKER_PAGE_PATH}/*`, { config: { ...publicAccess, secretInPath: true }, schema: { hide: true, params: PickerTokenParams } }, async (request, reply) => {
    noStore(reply);
    try {
      const claims = verifyPickerSession(request.params['*'], deps.keys, null, deps.clock.now());
      // The page may be framed by its opener only; it loads nothing but its own script and styles.
      return reply
        .header('content-security-policy', `default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors ${claims.origin}`)
        .type('text/html; charset=utf-8')
        .send(pickerPage(claims));
    } catch (error) {
      if (!(error instanceof PickerSessionError)) throw error;
      return reply
        .code(error.code === 'picker_session_expired' ? 410 : 401)
        .header('content-security-policy', "default-src 'none'; style-src 'self'; base-uri 'none'; form-action 'none'")
        .type('text/html; charset=utf-8')
        .send(pickerErrorPage(error));
    }
  });

  for (const [name, asset] of Object.entries(PICKER_ASSETS)) {
    api.get(`${PICKER_PAGE_PATH}/assets/${name}`, { config: publicAccess, schema: { hide: true } }, async (_request, reply) =>
      reply.type(asset.type).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').send(asset.body),
    );
  }

  // Included cross-origin by host pages (<script src="https://hub…/m365hub-picker.js">).
  api.get('/m365hub-picker.js', { config: publicAccess, schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff').header('cross-origin-resource-policy', 'cross-origin').send(PICKER_OPENER_SCRIPT),
  );
}

function noStore(reply: FastifyReply): void {
  reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').header('x-content-type-options', 'nosniff');
}
