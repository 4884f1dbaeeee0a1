// Every URL the emulator hands out (issuer, endpoints, error_uri) is built from the origin the request came to, so
// a client that uses https://localhost:… and one that uses https://127.0.0.1:… each see one consistent set.
// `--public-url` pins a single origin when the emulator sits behind a proxy or a container name.
import type { FastifyRequest } from 'fastify';

export type OriginResolver = (request: FastifyRequest) => string;

export function createOriginResolver(publicUrl: string | undefined): OriginResolver {
  if (publicUrl) {
    const fixed = new URL(publicUrl).origin;
    return () => fixed;
  }
  return (request) => `https://${request.headers.host ?? request.hostname}`;
}

export const endpointUrls = (origin: string, tenantSegment: string) => ({
  authorization: `${origin}/${tenantSegment}/oauth2/v2.0/authorize`,
  token: `${origin}/${tenantSegment}/oauth2/v2.0/token`,
  jwks: `${origin}/${tenantSegment}/discovery/v2.0/keys`,
  logout: `${origin}/${tenantSegment}/oauth2/v2.0/logout`,
  deviceCode: `${origin}/${tenantSegment}/oauth2/v2.0/devicecode`,
  kerberos: `${origin}/${tenantSegment}/kerberos`,
});

/** The v2.0 issuer: `{origin}/{tid}/v2.0`, or the literal `{tenantid}` template for the multi-tenant aliases. */
export const v2Issuer = (origin: string, tenantId: string) => `${origin}/${tenantId}/v2.0`;

/** Graph access tokens are v1.0-shaped and carry the fixed STS issuer, whatever host issued them. */
export const v1Issuer = (tenantId: string) => `https://sts.windows.net/${tenantId}/`;

export const errorUri = (origin: string, code: number) => `${origin}/error?code=${code}`;
