// Refresh tokens are opaque to clients, as Microsoft's are. The emulator seals their content with AES-256-GCM
// instead of storing them, so every refresh token ever issued stays redeemable without a table (Microsoft keeps
// an old refresh token valid after issuing a new one) and survives a restart when the key lives in the data dir.
// Revocation and consent withdrawal are checked against the directory at redemption time.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface RefreshGrant {
  tenantId: string;
  userId: string;
  clientId: string;
  /** Delegated permissions granted in the original authorization (OIDC scopes included). */
  scopes: string[];
  /** How the resource was named (token `aud`). */
  audience: string;
  /** Emulator-clock ms of the interactive sign-in this grant descends from (checked against revocation). */
  authTime: number;
  /** Emulator-clock ms this token was issued (inactivity is measured from it). */
  issuedAt: number;
  sessionId: string;
  /** The sign-in this grant descends from gave a second factor (amr mfa); absent in tokens sealed before MFA existed. */
  mfa?: boolean;
  /**
   * Set for refresh tokens of a single-page application: emulator-clock ms of the first code redemption. SPA refresh
   * tokens live 24 hours from then, however often they are renewed (refresh-tokens "Token lifetime").
   */
  spaSince?: number;
}

const prefix = '1.';

export class RefreshTokenSealer {
  private constructor(private readonly key: Buffer) {}

  static open(dataDir: string | undefined): RefreshTokenSealer {
    if (!dataDir) return new RefreshTokenSealer(randomBytes(32));
    const file = path.join(dataDir, 'refresh-token-key.bin');
    if (!existsSync(file)) writeFileSync(file, randomBytes(32), { mode: 0o600 });
    return new RefreshTokenSealer(readFileSync(file));
  }

  seal(grant: RefreshGrant): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(JSON.stringify(grant)), cipher.final()]);
    return prefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  /** The grant inside a refresh token, or undefined when it was not issued by this emulator or was altered. */
  open(token: string): RefreshGrant | undefined {
    if (!token.startsWith(prefix)) return undefined;
    try {
      const raw = Buffer.from(token.slice(prefix.length), 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(12, 28));
      const json = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
      return JSON.parse(json) as RefreshGrant;
    } catch {
      return undefined;
    }
  }
}
