// Picker session tokens: what a host product's backend (with its API key) hands to its user's browser so the hosted
// picker page can browse and attach files for exactly one user and one record, without any API key in the browser.
// The token travels in the picker page's URL, so it is stateless and signed (no table), short-lived, and bound to
// the workspace, the acting user, the record, the opener's origin and the mode; the page's calls must present it and
// the hub re-checks every claim. Keys derive from the hub's encryption keys (HKDF, its own label), so a sealing key
// is never used directly as a MAC key and a key rotation also rotates picker tokens: the newest key signs, every key
// verifies.
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

export const PICKER_SESSION_TTL_MS = 10 * 60 * 1000;
const VERSION = 'pk1';
/** Upper bound before any parsing: a hostile URL must not make the hub decode megabytes. */
const MAX_TOKEN_LENGTH = 4096;

export type PickerMode = 'link' | 'copy' | 'both';

export interface PickerSessionClaims {
  workspaceId: string;
  /** The host product's user the picker acts for (the X-M365Hub-Acting-User namespace, never a console user). */
  externalUserId: string;
  entityType: string;
  entityId: string;
  /** The only origin the page may postMessage the selection to. */
  origin: string;
  mode: PickerMode;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export type PickerSessionRefusal = 'picker_session_malformed' | 'picker_session_tampered' | 'picker_session_expired' | 'picker_session_wrong_workspace';

export class PickerSessionError extends Error {
  constructor(readonly code: PickerSessionRefusal) {
    // The message names the fix, never the token.
    super(
      code === 'picker_session_expired'
        ? 'The picker session has expired; the host product must ask for a new one (POST …/picker/sessions) and reopen the picker.'
        : 'The picker session is not valid here; the host product must ask for a new one (POST …/picker/sessions) and open the URL it returns unchanged.',
    );
    this.name = 'PickerSessionError';
  }
}

/** One MAC key per hub encryption key, under a label only picker sessions use. */
export function pickerSigningKeys(encryptionKeys: readonly { key: Buffer }[]): Buffer[] {
  return encryptionKeys.map(({ key }) => Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'm365hub picker session v1', 32)));
}

const mac = (key: Buffer, payload: string): Buffer => createHmac('sha256', key).update(`${VERSION}.${payload}`).digest();

export function signPickerSession(claims: Omit<PickerSessionClaims, 'expiresAt'>, keys: readonly Buffer[], now: Date): { token: string; expiresAt: Date } {
  const signing = keys[0];
  if (!signing) throw new Error('picker sessions need at least one signing key');
  const expiresAt = new Date(now.getTime() + PICKER_SESSION_TTL_MS);
  const full: PickerSessionClaims = { ...claims, expiresAt: expiresAt.getTime() };
  const payload = Buffer.from(JSON.stringify(full)).toString('base64url');
  return { token: `${VERSION}.${payload}.${mac(signing, payload).toString('base64url')}`, expiresAt };
}

/**
 * The claims of a token signed by one of `keys`, unexpired at `now`, for `workspaceId` (null: the workspace the
 * token names, for the picker page's own routes, whose only credential is the token). The signature is checked
 * before the payload is parsed, so nothing an attacker wrote is interpreted unless the hub signed it.
 */
export function verifyPickerSession(token: string, keys: readonly Buffer[], workspaceId: string | null, now: Date): PickerSessionClaims {
  if (token.length > MAX_TOKEN_LENGTH) throw new PickerSessionError('picker_session_malformed');
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2]) throw new PickerSessionError('picker_session_malformed');
  const [, payload, signature] = parts as [string, string, string];
  const given = Buffer.from(signature, 'base64url');
  const genuine = keys.some((key) => {
    const expected = mac(key, payload);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!genuine) throw new PickerSessionError('picker_session_tampered');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as PickerSessionClaims;
  if (!(claims.expiresAt > now.getTime())) throw new PickerSessionError('picker_session_expired');
  // Another workspace's session answers like a bad one: its existence is not confirmed across workspaces.
  if (workspaceId !== null && claims.workspaceId !== workspaceId) throw new PickerSessionError('picker_session_wrong_workspace');
  return claims;
}

/**
 * The opener's origin, normalised, when it is one the workspace allows (its return origins and own URL); undefined
 * otherwise. Only an exact origin match counts: no wildcards, no path, no opaque "null" origin (postMessage to the
 * selection must name one exact target origin, never "*").
 */
export function allowedPickerOrigin(requested: string, allowedOrigins: readonly string[]): string | undefined {
  let origin: string;
  try {
    const url = new URL(requested);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) return undefined;
    origin = url.origin;
  } catch {
    return undefined;
  }
  const allowed = new Set<string>();
  for (const candidate of allowedOrigins) {
    try {
      allowed.add(new URL(candidate).origin);
    } catch {
      // A malformed stored origin allows nothing.
    }
  }
  return allowed.has(origin) ? origin : undefined;
}
