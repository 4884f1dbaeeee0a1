import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify, customFetch } from 'jose';
import type { EmulatorHandle } from '../../harness.js';

export const claimsOf = (token: string) => decodeJwt(token) as Record<string, unknown>;
export const headerOf = (token: string) => decodeProtectedHeader(token) as Record<string, unknown>;

/** Verifies a token's signature against the emulator's published JWKS (fetched over HTTPS with its CA). */
export async function verifyWithJwks(emulator: EmulatorHandle, token: string, tenant = emulator.tenantId!) {
  const jwks = createRemoteJWKSet(new URL(`${emulator.url}/${tenant}/discovery/v2.0/keys`), {
    [customFetch]: emulator.fetch as unknown as typeof fetch,
  });
  return jwtVerify(token, jwks, { algorithms: ['RS256'] });
}
