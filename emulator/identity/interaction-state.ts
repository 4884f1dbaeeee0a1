// What an interactive request carries between the emulator's pages, and the session cookie helpers.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { sessionCookieName } from '../state/sign-in-sessions.js';
import type { ScopeRequest } from './scope-request.js';

export type ResponseMode = 'query' | 'fragment' | 'form_post';

export interface RedirectTarget {
  redirectUri: string;
  responseMode: ResponseMode;
  state?: string;
}

interface InteractionBase {
  /** The `{tenant}` path segment as the client sent it. */
  tenantSegment: string;
  /** Set when the segment names one tenant (GUID or domain). */
  tenantId?: string;
  clientId: string;
  target: RedirectTarget;
  loginHint?: string;
  /** The user who signed in during this interaction. */
  userId?: string;
  sessionId?: string;
  /** Set by "sign in with another account": ignore the existing session and show the form. */
  forceLogin?: boolean;
}

export interface AuthorizeInteraction extends InteractionBase {
  kind: 'authorize';
  scopes: ScopeRequest;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  prompt?: 'login' | 'consent' | 'select_account' | 'none';
  includeClientInfo: boolean;
  /** The consent page was answered in this interaction (prompt=consent shows it once). */
  consentDone?: boolean;
  /** Set when the sign-in started on the device login page: it ends by approving this user code, not a redirect. */
  deviceUserCode?: string;
}

export interface AdminConsentInteraction extends InteractionBase {
  kind: 'adminconsent';
  /** The scope parameter as sent (v2.0 endpoint), or undefined for the v1 style `/adminconsent`. */
  scope?: string;
  scopes: ScopeRequest;
}

export type PendingInteraction = AuthorizeInteraction | AdminConsentInteraction;

export function readSessionCookie(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === sessionCookieName) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export function setSessionCookie(reply: FastifyReply, sessionId: string | undefined): void {
  const value = sessionId ? `${sessionCookieName}=${encodeURIComponent(sessionId)}; Path=/; HttpOnly; Secure; SameSite=None` : `${sessionCookieName}=; Path=/; HttpOnly; Secure; SameSite=None; Max-Age=0`;
  reply.header('set-cookie', value);
}
