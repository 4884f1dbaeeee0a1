// Microsoft Graph as a resource: its application id and the identifier URI a scope may be qualified with.
export const graphAppId = '00000003-0000-0000-c000-000000000000';
export const graphResourceUri = 'https://graph.microsoft.com';
/** The OpenID Connect scopes; they are also delegated permissions of Graph in Microsoft's permission data. */
export const oidcScopes = ['openid', 'profile', 'email', 'offline_access'] as const;
export type OidcScope = (typeof oidcScopes)[number];
export const isOidcScope = (s: string): s is OidcScope => (oidcScopes as readonly string[]).includes(s.toLowerCase());
