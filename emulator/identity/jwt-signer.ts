// RS256 signing with the active key. RSA signing dominates the cost of a token, so what is constant per key
// (the encoded header) is computed once; node:crypto's synchronous sign avoids WebCrypto's promise overhead.
import { sign } from 'node:crypto';
import type { SigningKeySet } from '../pki/signing-keys.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

export type TokenFlavour = 'v1' | 'v2';

export class JwtSigner {
  private headerCache = new Map<string, string>();

  constructor(private readonly keys: SigningKeySet) {}

  get kid(): string {
    return this.keys.active.kid;
  }

  /**
   * v1.0 tokens carry both `x5t` and `kid`, v2.0 tokens only `kid`
   * (access-token-claims-reference.md "Header claims"; sample tokens in token-responses.json).
   */
  sign(payload: Record<string, unknown>, flavour: TokenFlavour): string {
    const key = this.keys.active;
    const cacheKey = `${key.kid}:${flavour}`;
    let header = this.headerCache.get(cacheKey);
    if (!header) {
      header = b64(flavour === 'v1' ? { typ: 'JWT', alg: 'RS256', x5t: key.kid, kid: key.kid } : { typ: 'JWT', alg: 'RS256', kid: key.kid });
      this.headerCache.set(cacheKey, header);
    }
    const input = `${header}.${b64(payload)}`;
    return `${input}.${sign('sha256', Buffer.from(input), key.privateKey).toString('base64url')}`;
  }
}
