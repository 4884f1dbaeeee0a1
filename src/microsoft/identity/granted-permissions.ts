// What a Microsoft Graph access token says was granted, for Test Connection's "missing permissions".
// We read the claims without verifying the token on purpose: a Graph token is issued for Graph, not for us, and
// Microsoft says clients must treat access tokens as opaque and never validate tokens meant for another API
// (https://learn.microsoft.com/en-us/entra/identity-platform/access-tokens, "Validate tokens"; Graph tokens can
// even carry a nonce header that makes their signature unverifiable outside Graph). So the result is only ever
// used to explain what to consent to, never to authorise anything in m365hub.
import { decodeJwt } from 'jose';

export interface GrantedPermissionClaims {
  scp: string[];
  roles: string[];
}

export function decodeGrantedPermissions(accessToken: string): GrantedPermissionClaims {
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(accessToken);
  } catch {
    // An opaque (non-JWT) token grants nothing we can see.
    return { scp: [], roles: [] };
  }
  const scp = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
  return { scp, roles };
}
