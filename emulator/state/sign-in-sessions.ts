// Browser sign-in sessions (the emulator's equivalent of ESTS's session cookie) and the authorize requests
// waiting for the sign-in and consent pages. Both live in memory: a restart signs everyone out, as clearing
// cookies would.
import { randomBytes, randomUUID } from 'node:crypto';
import { ExpiringMap } from './expiring-map.js';

export interface SignInSession {
  id: string;
  userId: string;
  tenantId: string;
  /** Emulator-clock ms of the interactive sign-in. */
  authTime: number;
  /** A second factor was given in this session (conditional access asked for MFA): tokens carry amr mfa. */
  mfa?: boolean;
}

export const sessionCookieName = 'm365emu_session';
const sessionLifetimeMs = 24 * 3600_000;
const pendingLifetimeMs = 3600_000;

export class SignInSessions {
  private sessions: ExpiringMap<SignInSession>;

  constructor(private readonly now: () => number) {
    this.sessions = new ExpiringMap(now, sessionLifetimeMs);
  }

  start(userId: string, tenantId: string, mfa = false): SignInSession {
    const session: SignInSession = { id: randomUUID(), userId, tenantId, authTime: this.now(), ...(mfa ? { mfa } : {}) };
    this.sessions.set(session.id, session);
    return session;
  }

  find(id: string | undefined): SignInSession | undefined {
    return id ? this.sessions.get(id) : undefined;
  }

  end(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  clear(): void {
    this.sessions.clear();
  }
}

/** Requests parked while the browser is on an emulator page, referenced by an opaque id in the page's form. */
export class PendingRequests<T> {
  private pending: ExpiringMap<T>;

  constructor(now: () => number) {
    this.pending = new ExpiringMap(now, pendingLifetimeMs);
  }

  park(value: T): string {
    const id = randomBytes(18).toString('base64url');
    this.pending.set(id, value);
    return id;
  }

  find(id: string | undefined): T | undefined {
    return id ? this.pending.get(id) : undefined;
  }

  replace(id: string, value: T): void {
    this.pending.set(id, value);
  }

  finish(id: string): void {
    this.pending.delete(id);
  }

  clear(): void {
    this.pending.clear();
  }
}
