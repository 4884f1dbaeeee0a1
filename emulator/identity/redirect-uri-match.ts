// Redirect URI matching (https://learn.microsoft.com/entra/identity-platform/reply-url): exact, case-sensitive
// match with a registered URI, except that for http loopback URIs (localhost, 127.0.0.1, [::1]) the port is
// ignored, so native and local apps can use any free port.
const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

export function redirectUriRegistered(registered: string[], candidate: string): boolean {
  if (registered.includes(candidate)) return true;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' || !loopbackHosts.has(url.hostname)) return false;
  const withoutPort = (u: URL) => `${u.protocol}//${u.hostname}${u.pathname}${u.search}`;
  return registered.some((r) => {
    try {
      const reg = new URL(r);
      return reg.protocol === 'http:' && loopbackHosts.has(reg.hostname) && withoutPort(reg) === withoutPort(url);
    } catch {
      return false;
    }
  });
}

/** Every platform's redirect URIs count at /authorize: web, single-page application and mobile/desktop. */
export function registeredRedirectUris(app: { redirectUris: string[]; spaRedirectUris?: string[]; publicClientRedirectUris?: string[] }): string[] {
  return [...app.redirectUris, ...(app.spaRedirectUris ?? []), ...(app.publicClientRedirectUris ?? [])];
}
