// Answers to the client's redirect URI in the requested response_mode
// (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow "Request an authorization code"):
// query (302 with the parameters in the query), fragment (302 with them in the fragment), form_post (an HTML
// form the browser posts to the redirect URI). Errors carry error, error_description, error_uri and state.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { formPostPage } from '../ui/interaction-pages.js';
import type { AadstsError } from './aadsts-errors.js';
import { aadTimestamp, describe } from './error-responses.js';
import { errorUri } from './endpoint-urls.js';
import type { RedirectTarget } from './interaction-state.js';

export function redirectWith(reply: FastifyReply, target: RedirectTarget, params: Record<string, string | undefined>) {
  const fields = Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  if (target.state !== undefined) fields.state = target.state;
  if (target.responseMode === 'form_post') return reply.code(200).type('text/html; charset=utf-8').send(formPostPage(target.redirectUri, fields));
  const encoded = new URLSearchParams(fields).toString();
  if (target.responseMode === 'fragment') return reply.redirect(`${target.redirectUri.split('#')[0]}#${encoded}`, 302);
  const url = new URL(target.redirectUri);
  for (const [k, v] of Object.entries(fields)) url.searchParams.append(k, v);
  return reply.redirect(url.toString(), 302);
}

/** `lead` goes before `error` (the admin consent endpoint's `admin_consent=True`); `extra` after it. */
export function redirectError(request: FastifyRequest, reply: FastifyReply, origin: string, target: RedirectTarget, err: AadstsError, extra: Record<string, string> = {}, lead: Record<string, string> = {}) {
  request.protocolOutcome.error = err.error;
  request.protocolOutcome.errorCode = err.code;
  return redirectWith(reply, target, {
    ...lead,
    error: err.error,
    ...extra,
    error_description: describe(err, request.trace, aadTimestamp()),
    ...(err.code > 0 ? { error_uri: errorUri(origin, err.code) } : {}),
  });
}
