// Builds and signs the tokens the emulator issues.
//  - Microsoft Graph access tokens in Graph's v1.0 shape: iss https://sts.windows.net/{tid}/, aud as the resource
//    was named, appid/appidacr, scp (delegated) or roles (app-only), idtyp, oid, sub, tid, uti, ver "1.0"
//    (access-token-claims-reference.md; decoded v1 sample in /work/shared/microsoft/identity/token-responses.json).
//  - ID tokens v2.0: iss {origin}/{tid}/v2.0, aud = client id, nonce, oid, preferred_username, name, sid, tid
//    (id-token-claims-reference.md; the msal fixture id token in token-responses.json).
// Timestamps are real time (not the emulator clock) so client libraries accept the tokens. Graph still judges an
// access token's lifetime on the emulator clock: the minter remembers, per token (`uti`), how far the emulator clock
// was ahead of real time when it was issued, and Graph moves its "now" by what the clock advanced since. So a token
// issued after an advance lives its whole lifetime, and one whose lifetime has passed in emulator time is refused.
import { createHash, randomBytes } from 'node:crypto';
import type { Application, ServicePrincipal, User } from '../state/directory-types.js';
import { v1Issuer, v2Issuer } from './endpoint-urls.js';
import type { JwtSigner } from './jwt-signer.js';

/** Entra ID's documented sample responses use 3599 s for both lifetimes. */
export const accessTokenLifetimeSeconds = 3599;
const idTokenLifetimeSeconds = 3600;

/** appidacr / azpacr: 0 public client, 1 client secret, 2 certificate. */
export type ClientAuthMethod = '0' | '1' | '2';

const opaque = (bytes: number) => randomBytes(bytes).toString('base64url');
const nowSeconds = () => Math.floor(Date.now() / 1000);

/** Pairwise subject: stable per user and app, different between apps (the `sub` rule of both token versions). */
export function pairwiseSubject(objectId: string, appId: string): string {
  return createHash('sha256').update(`${objectId}:${appId}`).digest('base64url').slice(0, 43);
}

/** client_info: base64url JSON {uid, utid}; MSAL builds its home account id `uid.utid` from it. */
export function clientInfo(user: User): string {
  return Buffer.from(JSON.stringify({ uid: user.id, utid: user.tenantId })).toString('base64url');
}

interface AppOnlyRequest {
  tenantId: string;
  app: Application;
  servicePrincipal: ServicePrincipal;
  roles: string[];
  audience: string;
  clientAuth: ClientAuthMethod;
  /** Changes whenever the directory does; a cached token is only reused for the same revision. */
  directoryRevision: number;
}

interface UserTokenRequest {
  tenantId: string;
  app: Application;
  user: User;
  scp: string[];
  audience: string;
  clientAuth: ClientAuthMethod;
  sessionId: string;
  /** How the user authenticated (access-token-claims-reference `amr`): pwd, plus mfa after a second factor. */
  amr: string[];
  wids: readonly string[];
  /** Client capabilities the request declared (`xms_cc`, e.g. cp1 for continuous access evaluation). */
  clientCapabilities?: string[];
}

interface IdTokenRequest {
  origin: string;
  tenantId: string;
  app: Application;
  user: User;
  oidcScopes: string[];
  nonce?: string;
  sessionId: string;
  authTimeSeconds: number;
}

/** How many tokens issued after a clock move keep their offset; older ones count as issued with the clock unmoved. */
const maxIssuedOffsets = 200_000;

export class TokenMinter {
  // App-only tokens requested again within the same second, for the same claims, are served from this cache:
  // the signed token is identical except for `uti`, so a client cannot tell it from a freshly signed one.
  private appOnlyCache = new Map<string, { second: number; token: string }>();

  // uti → emulator clock offset (ms) at issue; only non-zero offsets are kept (a missing entry means 0). A Map in
  // issue order, the oldest dropped past the bound: an lru-cache of that bound allocates its tables for all of them
  // up front (5 MB, even when the clock never moves).
  private readonly issuedOffsets = new Map<string, number>();

  constructor(
    private readonly signer: JwtSigner,
    private readonly clockOffsetMs: () => number = () => 0,
  ) {}

  /** How far the emulator clock was ahead of real time when the token with this `uti` was issued. */
  clockOffsetAtIssue(uti: string | undefined): number {
    return (uti && this.issuedOffsets.get(uti)) || 0;
  }

  /** A fresh `uti`, remembered with the clock offset when the clock has been moved. */
  private newUti(): string {
    const uti = opaque(16);
    const offset = this.clockOffsetMs();
    if (offset !== 0) {
      this.issuedOffsets.set(uti, offset);
      if (this.issuedOffsets.size > maxIssuedOffsets) this.issuedOffsets.delete(this.issuedOffsets.keys().next().value!);
    }
    return uti;
  }

  /** Back to the start (the clock is reset with it). */
  forgetIssued(): void {
    this.issuedOffsets.clear();
    this.appOnlyCache.clear();
  }

  appOnlyAccessToken(req: AppOnlyRequest): string {
    const iat = nowSeconds();
    const roles = [...req.roles].sort();
    const cacheKey = [this.signer.kid, req.tenantId, req.app.appId, req.audience, req.clientAuth, req.directoryRevision, roles.join(' '), this.clockOffsetMs()].join('|');
    const cached = this.appOnlyCache.get(cacheKey);
    if (cached && cached.second === iat) return cached.token;
    const iss = v1Issuer(req.tenantId);
    const token = this.signer.sign(
      {
        aud: req.audience,
        iss,
        iat,
        nbf: iat,
        exp: iat + accessTokenLifetimeSeconds + 1,
        aio: opaque(24),
        app_displayname: req.app.displayName,
        appid: req.app.appId,
        appidacr: req.clientAuth,
        idp: iss,
        idtyp: 'app',
        oid: req.servicePrincipal.id,
        rh: opaque(12),
        ...(roles.length > 0 ? { roles } : {}),
        sub: req.servicePrincipal.id,
        tid: req.tenantId,
        uti: this.newUti(),
        ver: '1.0',
      },
      'v1',
    );
    if (this.appOnlyCache.size > 1000) this.appOnlyCache.clear();
    this.appOnlyCache.set(cacheKey, { second: iat, token });
    return token;
  }

  userAccessToken(req: UserTokenRequest): string {
    const iat = nowSeconds();
    const iss = v1Issuer(req.tenantId);
    const { user } = req;
    return this.signer.sign(
      {
        aud: req.audience,
        iss,
        iat,
        nbf: iat,
        exp: iat + accessTokenLifetimeSeconds + 1,
        acct: 0,
        acr: '1',
        aio: opaque(24),
        amr: req.amr,
        app_displayname: req.app.displayName,
        appid: req.app.appId,
        appidacr: req.clientAuth,
        ...(user.surname ? { family_name: user.surname } : {}),
        ...(user.givenName ? { given_name: user.givenName } : {}),
        idtyp: 'user',
        name: user.displayName,
        oid: user.id,
        rh: opaque(12),
        scp: req.scp.join(' '),
        sid: req.sessionId,
        sub: pairwiseSubject(user.id, req.app.appId),
        tid: req.tenantId,
        unique_name: user.userPrincipalName,
        upn: user.userPrincipalName,
        uti: this.newUti(),
        ver: '1.0',
        ...(req.wids.length > 0 ? { wids: req.wids } : {}),
        ...(req.clientCapabilities?.length ? { xms_cc: req.clientCapabilities } : {}),
      },
      'v1',
    );
  }

  idToken(req: IdTokenRequest): string {
    const iat = nowSeconds();
    const { user } = req;
    const profile = req.oidcScopes.includes('profile');
    const email = req.oidcScopes.includes('email') && user.mail;
    return this.signer.sign(
      {
        aud: req.app.appId,
        iss: v2Issuer(req.origin, req.tenantId),
        iat,
        nbf: iat,
        exp: iat + idTokenLifetimeSeconds,
        aio: opaque(24),
        ...(email ? { email: user.mail } : {}),
        ...(profile ? { name: user.displayName } : {}),
        ...(req.nonce !== undefined ? { nonce: req.nonce } : {}),
        oid: user.id,
        ...(profile ? { preferred_username: user.userPrincipalName } : {}),
        rh: opaque(12),
        sid: req.sessionId,
        sub: pairwiseSubject(user.id, req.app.appId),
        tid: req.tenantId,
        uti: opaque(16),
        ver: '2.0',
      },
      'v2',
    );
  }
}
