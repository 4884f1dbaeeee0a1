// Authorization codes: single use (AADSTS54005 on a second redemption) and valid for 10 minutes (AADSTS70008)
// (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow: "Authorization codes are
// short lived. Typically, they expire after about 10 minutes."). Redeemed codes stay known until they lapse
// so a replay gets 54005 rather than "malformed".
import { randomBytes } from 'node:crypto';
import { ExpiringMap } from './expiring-map.js';

export interface AuthorizationCodeGrant {
  tenantId: string;
  clientId: string;
  redirectUri: string;
  userId: string;
  /** Delegated permissions the token will carry (OIDC scopes included). */
  scopes: string[];
  audience: string;
  nonce?: string;
  codeChallenge?: string;
  codeChallengeMethod?: 'S256' | 'plain';
  authTime: number;
  sessionId: string;
  /** The sign-in gave a second factor (amr mfa). */
  mfa?: boolean;
  redeemed: boolean;
}

export const codeLifetimeMs = 10 * 60_000;

export class AuthorizationCodes {
  private codes: ExpiringMap<AuthorizationCodeGrant>;

  constructor(now: () => number) {
    this.codes = new ExpiringMap(now, codeLifetimeMs);
  }

  issue(grant: Omit<AuthorizationCodeGrant, 'redeemed'>): string {
    const code = `1.A${randomBytes(48).toString('base64url')}`;
    this.codes.set(code, { ...grant, redeemed: false });
    return code;
  }

  /** Looks a code up for redemption; the caller marks it redeemed once every check passed. */
  find(code: string): { grant: AuthorizationCodeGrant; expired: boolean } | undefined {
    const found = this.codes.peek(code);
    return found ? { grant: found.value, expired: found.expired } : undefined;
  }

  clear(): void {
    this.codes.clear();
  }
}
