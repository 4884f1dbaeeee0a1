// Verifies the bearer token of a Graph request the way Microsoft Graph does for the tokens the emulator issues:
// RS256 signature by one of the emulator's published signing keys, `aud` = Microsoft Graph (URI or app id),
// `iss` = the v1.0 STS issuer of the token's `tid`, `nbf`/`exp` on the emulator clock (so advancing the clock
// expires tokens issued before, while a token issued after an advance lives its whole lifetime), and `tid` = an existing tenant. jose does the JWS and time checks.
// (access-tokens.md "Validate tokens"; access-token-claims-reference.md for scp / roles / idtyp.)
import { createPublicKey, type KeyObject } from 'node:crypto';
import { decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { graphAppId, graphResourceUri } from '../identity/graph-resource.js';
import { v1Issuer } from '../identity/endpoint-urls.js';
import type { EmulatorContext } from '../server/emulator-context.js';
import { graphErrors } from './graph-errors.js';

/** Who is calling Graph, and with which permissions. */
export interface GraphCaller {
  tenantId: string;
  appId: string;
  kind: 'delegated' | 'application';
  /** `scp` (delegated) or `roles` (application) of the token. */
  permissions: string[];
  /** The signed-in user's object id (delegated only). */
  userId?: string;
  /** How the client authenticated (`appidacr`): 0 public client, 1 client secret, 2 certificate. */
  clientAuth?: string;
}

const graphAudiences = [graphResourceUri, `${graphResourceUri}/`, graphAppId];

const publicKeys = new Map<string, KeyObject>();

function keyFor(ctx: EmulatorContext, kid: string | undefined): KeyObject {
  const published = ctx.keys.published.find((k) => k.kid === kid);
  if (!published) throw new joseErrors.JWSSignatureVerificationFailed('unknown signing key');
  let key = publicKeys.get(published.kid);
  if (!key) {
    key = createPublicKey({ key: published.publicJwk, format: 'jwk' });
    publicKeys.set(published.kid, key);
  }
  return key;
}

function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+(\S*)\s*$/i.exec(header.trim());
  return match?.[1] || undefined;
}

/**
 * Continuous access evaluation: a token of a client that declared cp1 (xms_cc), issued before the user's sessions
 * were revoked, is refused at once with a claims challenge; other clients keep their token until it expires, as
 * Microsoft documents. Second precision, as the revocation's nbf value is in whole seconds.
 */
function challengeRevokedToken(ctx: EmulatorContext, payload: JWTPayload, userId: string, offsetAtIssue: number, origin: string): void {
  const capabilities = Array.isArray(payload.xms_cc) ? payload.xms_cc.map((c) => String(c).toLowerCase()) : [];
  if (!capabilities.includes('cp1')) return;
  const revokedAt = ctx.directory.getUser(userId)?.signInSessionsValidFrom;
  if (revokedAt === undefined || typeof payload.iat !== 'number') return;
  // The token's iat is real time; on the emulator clock it was issued at iat plus the offset of that moment.
  const issuedOnEmulatorClock = payload.iat + Math.floor(offsetAtIssue / 1000);
  const revokedSeconds = Math.floor(revokedAt / 1000);
  if (revokedSeconds > issuedOnEmulatorClock) throw graphErrors.revokedTokenChallenge(revokedSeconds, origin);
}

/**
 * The caller of a Graph request, or the 401 Graph answers. The other APIs the emulator hosts (SharePoint REST, the
 * Management Activity API) verify their tokens the same way with their own audiences and reword the 401.
 */
export async function authenticateGraphRequest(ctx: EmulatorContext, authorization: string | undefined, origin: string, audiences: readonly string[] = graphAudiences): Promise<GraphCaller> {
  const token = bearerToken(authorization);
  if (!token) throw graphErrors.unauthenticated('Access token is empty.', origin);
  if (token.split('.').length !== 3) throw graphErrors.unauthenticated('CompactToken parsing failed with error code: 80049217', origin);

  // The token's times are real time; its lifetime runs on the emulator clock from the offset it was issued at.
  let uti: string | undefined;
  try {
    const claimed = decodeJwt(token).uti;
    uti = typeof claimed === 'string' ? claimed : undefined;
  } catch {
    uti = undefined; // not a JWT: jwtVerify below answers it
  }
  const advancedSinceIssue = ctx.clock.offsetMillis - ctx.minter.clockOffsetAtIssue(uti);
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, (header) => keyFor(ctx, header.kid), {
      algorithms: ['RS256'],
      currentDate: new Date(Date.now() + advancedSinceIssue),
    }));
  } catch (error) {
    if (error instanceof joseErrors.JWTExpired) throw graphErrors.unauthenticated('Access token has expired or is not yet valid.', origin);
    if (error instanceof joseErrors.JWTClaimValidationFailed && error.claim === 'nbf') {
      throw graphErrors.unauthenticated('Access token has expired or is not yet valid.', origin);
    }
    if (error instanceof joseErrors.JWSSignatureVerificationFailed) throw graphErrors.unauthenticated('Access token validation failure. Invalid signature.', origin);
    throw graphErrors.unauthenticated('CompactToken parsing failed with error code: 80049217', origin);
  }

  const aud = typeof payload.aud === 'string' ? payload.aud : undefined;
  if (!aud || !audiences.includes(aud)) throw graphErrors.unauthenticated('Access token validation failure. Invalid audience.', origin);
  const tid = typeof payload.tid === 'string' ? payload.tid : '';
  const tenant = ctx.directory.findTenant(tid);
  if (!tenant || tenant.id !== tid || payload.iss !== v1Issuer(tid)) {
    throw graphErrors.unauthenticated('Access token validation failure. Invalid issuer.', origin);
  }
  const appId = typeof payload.appid === 'string' ? payload.appid : '';
  const clientAuth = typeof payload.appidacr === 'string' ? { clientAuth: payload.appidacr } : {};
  const scp = typeof payload.scp === 'string' ? payload.scp : undefined;
  if (payload.idtyp === 'user' || scp !== undefined) {
    const userId = typeof payload.oid === 'string' ? payload.oid : '';
    challengeRevokedToken(ctx, payload, userId, ctx.minter.clockOffsetAtIssue(uti), origin);
    return { tenantId: tid, appId, kind: 'delegated', permissions: (scp ?? '').split(' ').filter(Boolean), userId, ...clientAuth };
  }
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
  return { tenantId: tid, appId, kind: 'application', permissions: roles, ...clientAuth };
}
