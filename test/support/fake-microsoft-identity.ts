// A stand-in for Microsoft's multi-tenant (`organizations`) discovery, JWKS and token endpoints, answering with an
// ID token the test forged: for the attacks a real issuer (or the emulator) never produces.
type FetchInput = string | URL | Request;

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

export function fakeMicrosoftIdentity(options: {
  loginUrl: string;
  jwks: { keys: unknown[] };
  /** The ID token the token endpoint returns, made when the code is redeemed. */
  idToken: () => string | Promise<string>;
  scope?: string;
}): (input: FetchInput) => Promise<Response> {
  const login = options.loginUrl;
  return async (input) => {
    const url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    if (url.pathname === '/organizations/v2.0/.well-known/openid-configuration') {
      return json({
        issuer: `${login}/{tenantid}/v2.0`,
        authorization_endpoint: `${login}/organizations/oauth2/v2.0/authorize`,
        token_endpoint: `${login}/organizations/oauth2/v2.0/token`,
        jwks_uri: `${login}/organizations/discovery/v2.0/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (url.pathname === '/organizations/discovery/v2.0/keys') return json(options.jwks);
    if (url.pathname === '/organizations/oauth2/v2.0/token') {
      return json({
        token_type: 'Bearer',
        access_token: 'opaque-access',
        refresh_token: 'opaque-refresh',
        expires_in: 3600,
        scope: options.scope ?? 'https://graph.microsoft.com/Files.Read',
        id_token: await options.idToken(),
      });
    }
    return new Response('not found', { status: 404 });
  };
}
