// The console's session cookie. It carries the session's expiry (Expires), so closing the browser does not sign the
// user out before the configured lifetime; the server's sliding expiry stays the authority, and every time it slides
// the cookie is re-sent with the new expiry.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/cookie';
import { SESSION_COOKIE } from './sessions.js';

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    expires: expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
