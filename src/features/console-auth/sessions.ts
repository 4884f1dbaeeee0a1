// Console sessions. The cookie carries a random token; the database keeps only its digest. The CSRF token is
// derived from the session token (a one-way digest), so GET /auth/session can hand it out again without storing
// it in clear, and it reveals nothing about the cookie. Kept as our own rather than @fastify/csrf-protection: that
// plugin keeps its secret in a cookie or in @fastify/session, while here the token is bound to the server-side
// session row (revoked with it on sign-out or expiry), which is the stronger synchronizer-token pattern, in six lines.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, WorkspaceRole } from '../../platform/store/schema.js';
import { randomToken } from '../../platform/store/ids.js';
import type { Clock } from '../../platform/time/clock.js';
import { toConsoleUser, type ConsoleUser } from './console-users.js';
import { digestSecret, secretMatchesDigest } from '../../platform/crypto/secret-digest.js';

export const SESSION_COOKIE = 'm365hub_session';

export interface SessionOptions {
  db: Kysely<Database>;
  clock: Clock;
  ttlSeconds: number;
}

export interface NewSession {
  token: string;
  csrfToken: string;
  expiresAt: Date;
}

export interface ActiveSession {
  tokenDigest: string;
  csrfTokenDigest: string;
  csrfToken: string;
  expiresAt: Date;
  /** This use slid the expiry forward: the cookie must be re-sent with the new one. */
  renewed: boolean;
  user: ConsoleUser;
  /** Workspace id → role, read with the session so every request sees current memberships. */
  memberships: Map<string, WorkspaceRole>;
}

function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`m365hub-csrf:${sessionToken}`, 'utf8').digest('base64url');
}

export async function createSession(
  options: SessionOptions,
  userId: string,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomToken(32);
  const csrfToken = csrfTokenFor(token);
  const now = options.clock.now();
  const expiresAt = new Date(now.getTime() + options.ttlSeconds * 1000);
  await options.db
    .insertInto('console_sessions')
    .values({
      token_hash: digestSecret(token),
      user_id: userId,
      csrf_token_hash: digestSecret(csrfToken),
      created_at: now,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 512) ?? null,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/**
 * The live session for a cookie value, or undefined (unknown or expired; expired rows are deleted). Sessions slide:
 * once less than half the lifetime remains, use extends it, so an active user is not signed out mid-work while an
 * idle one is, and most requests do not write.
 */
export async function resumeSession(options: SessionOptions, token: string): Promise<ActiveSession | undefined> {
  const tokenDigest = digestSecret(token);
  const row = await options.db
    .selectFrom('console_sessions as s')
    .innerJoin('console_users as u', 'u.id', 's.user_id')
    .select(['s.token_hash', 's.csrf_token_hash', 's.expires_at', 'u.id', 'u.email', 'u.display_name', 'u.is_instance_admin'])
    .where('s.token_hash', '=', tokenDigest)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = options.clock.now();
  if (row.expires_at.getTime() <= now.getTime()) {
    await options.db.deleteFrom('console_sessions').where('token_hash', '=', tokenDigest).execute();
    return undefined;
  }
  let expiresAt = row.expires_at;
  let renewed = false;
  const ttlMs = options.ttlSeconds * 1000;
  if (expiresAt.getTime() - now.getTime() < ttlMs / 2) {
    expiresAt = new Date(now.getTime() + ttlMs);
    renewed = true;
    await options.db.updateTable('console_sessions').set({ expires_at: expiresAt }).where('token_hash', '=', tokenDigest).execute();
  }
  const memberships = await options.db
    .selectFrom('workspace_members')
    .select(['workspace_id', 'role'])
    .where('user_id', '=', row.id)
    .execute();
  return {
    tokenDigest,
    csrfTokenDigest: row.csrf_token_hash,
    csrfToken: csrfTokenFor(token),
    expiresAt,
    renewed,
    user: toConsoleUser(row),
    memberships: new Map(memberships.map((m) => [m.workspace_id, m.role])),
  };
}

export function csrfTokenMatches(session: ActiveSession, presented: string): boolean {
  return secretMatchesDigest(presented, session.csrfTokenDigest);
}

export async function deleteSession(db: Kysely<Database>, tokenDigest: string): Promise<void> {
  await db.deleteFrom('console_sessions').where('token_hash', '=', tokenDigest).execute();
}

/** Housekeeping: sessions past their expiry can never be resumed. */
export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('console_sessions').where('expires_at', '<', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}
