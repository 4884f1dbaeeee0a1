// Confidential client authentication at the token endpoint
// (https://learn.microsoft.com/entra/identity-platform/v2-oauth2-client-creds-grant-flow,
//  https://learn.microsoft.com/entra/identity-platform/certificate-credentials):
//  - a client secret in the body (client_secret_post) or by HTTP Basic (client_secret_basic, RFC 6749 2.3.1);
//  - a client assertion JWT signed by a registered certificate: RS256 with `x5t` (SHA-1 thumbprint) or PS256
//    with `x5t#S256` (what msal-node sends with `thumbprintSha256`, see its ClientAssertion.createJwt), aud = the
//    token endpoint, iss = sub = client id, nbf/exp checked (AADSTS700024), signature checked (AADSTS700027).
import { createPublicKey } from 'node:crypto';
import { compactVerify, decodeProtectedHeader, decodeJwt } from 'jose';
import { credentialMatches } from '../state/credential-hash.js';
import type { Application, KeyCredential } from '../state/directory-types.js';
import { aadsts } from './aadsts-errors.js';
import { ProtocolError } from './error-responses.js';
import type { ProtocolParams } from './request-params.js';
import type { ClientAuthMethod } from './token-minter.js';

export const jwtBearerAssertionType = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** Microsoft accepts assertions up to this far off the server's clock. */
const clockSkewSeconds = 300;

export interface BasicCredentials {
  clientId: string;
  clientSecret: string;
}

/** HTTP Basic client credentials: each part form-urlencoded before base64 (RFC 6749 section 2.3.1). */
export function parseBasicAuthorization(header: string | undefined): BasicCredentials | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!match) return undefined;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const unescape = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
  try {
    return { clientId: unescape(decoded.slice(0, colon)), clientSecret: unescape(decoded.slice(colon + 1)) };
  } catch {
    return undefined;
  }
}

/** Key dates in 700027 reasons: "Start=02/07/2021 17:00:39" (US date, 24-hour time, UTC). */
const keyDate = (iso: string) => {
  const d = new Date(iso);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCMonth() + 1)}/${two(d.getUTCDate())}/${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
};
const isoSeconds = (s: number) => new Date(s * 1000).toISOString().replace(/\.\d{3}Z$/, '.0000000Z');

function findCertificate(app: Application, header: Record<string, unknown>): { cert?: KeyCredential; thumbprint: string } {
  const s256 = typeof header['x5t#S256'] === 'string' ? (header['x5t#S256'] as string) : undefined;
  const s1 = typeof header.x5t === 'string' ? (header.x5t as string) : undefined;
  const hex = (b64url: string) => Buffer.from(b64url, 'base64url').toString('hex').toUpperCase();
  if (s256) return { cert: app.keyCredentials.find((k) => k.thumbprintSha256 === hex(s256)), thumbprint: hex(s256) };
  if (s1) return { cert: app.keyCredentials.find((k) => k.thumbprint === hex(s1)), thumbprint: hex(s1) };
  return { thumbprint: '' };
}

async function verifyAssertion(app: Application, assertion: string, audiences: string[]): Promise<void> {
  let header: Record<string, unknown>;
  let claims: Record<string, unknown>;
  try {
    header = decodeProtectedHeader(assertion) as Record<string, unknown>;
    claims = decodeJwt(assertion) as Record<string, unknown>;
  } catch {
    throw new ProtocolError(aadsts.assertionInvalid('The client assertion is not a well-formed JWT.'));
  }
  const alg = header.alg;
  if (alg !== 'RS256' && alg !== 'PS256') throw new ProtocolError(aadsts.assertionInvalid(`Unsupported signing algorithm '${String(alg)}'.`));
  const { cert, thumbprint } = findCertificate(app, header);
  if (!cert) throw new ProtocolError(aadsts.assertionKeyNotRegistered(thumbprint, app.appId, app.id));
  try {
    await compactVerify(assertion, createPublicKey(cert.certificatePem), { algorithms: [alg] });
  } catch {
    throw new ProtocolError(aadsts.assertionSignatureInvalid(thumbprint, keyDate(cert.startDateTime), keyDate(cert.endDateTime)));
  }
  if (claims.iss !== app.appId || claims.sub !== app.appId) throw new ProtocolError(aadsts.assertionSubjectMismatch());
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.some((a) => typeof a === 'string' && audiences.includes(a.replace(/\/$/, '')))) {
    throw new ProtocolError(aadsts.assertionInvalid(`The audience '${String(claims.aud)}' does not match this token endpoint.`));
  }
  // Client-made timestamps are compared with real time: the client's clock is real, only server-side state
  // follows the emulator clock.
  const now = Math.floor(Date.now() / 1000);
  const exp = typeof claims.exp === 'number' ? claims.exp : 0;
  // Valid-from is `nbf` alone: assertions without it are reported "valid from 1970-01-01T00:00:00.0000000Z" (700024
  // bodies quoted in AzureAD/microsoft-authentication-library-for-dotnet#4951 and obikuro/Sato#1).
  const nbf = typeof claims.nbf === 'number' ? claims.nbf : 0;
  if (exp + clockSkewSeconds < now || nbf - clockSkewSeconds > now) {
    throw new ProtocolError(aadsts.assertionTimeRange(isoSeconds(now), isoSeconds(nbf), isoSeconds(exp)));
  }
  if (new Date(cert.endDateTime).getTime() < Date.now()) throw new ProtocolError(aadsts.assertionKeyNotRegistered(thumbprint, app.appId, app.id));
}

/**
 * Authenticates the client of a token request; returns the `appidacr` value the token records.
 * `now` is the emulator clock (secret expiry follows it, so tests can expire a secret by moving the clock).
 */
export async function authenticateClient(
  app: Application,
  params: ProtocolParams,
  basic: BasicCredentials | undefined,
  tokenEndpointAudiences: string[],
  now: number,
): Promise<ClientAuthMethod> {
  const assertion = params.get('client_assertion');
  const secret = params.get('client_secret') ?? basic?.clientSecret;
  if (assertion) {
    if (params.get('client_assertion_type') !== jwtBearerAssertionType) throw new ProtocolError(aadsts.invalidAssertionType());
    await verifyAssertion(app, assertion, tokenEndpointAudiences);
    return '2';
  }
  if (!secret) throw new ProtocolError(aadsts.missingClientCredential());
  const match = app.passwordCredentials.find((c) => credentialMatches(secret, c.secretHash));
  if (!match) throw new ProtocolError(aadsts.invalidClientSecret(app.appId));
  if (new Date(match.endDateTime).getTime() <= now) throw new ProtocolError(aadsts.expiredClientSecret(app.appId));
  return '1';
}
