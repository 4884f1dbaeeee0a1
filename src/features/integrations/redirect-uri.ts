// Which redirect URI the flows send to Microsoft: the integration's own, else the operator's M365_REDIRECT_URI,
// else BACKEND_URL + /auth/m365/callback. The same value must be registered on the app registration, so the setup
// guide, the connect flow and admin consent all take it from here.
import { identityError } from '../../microsoft/identity/index.js';

export const CALLBACK_PATH = '/auth/m365/callback';

export interface RedirectUriSources {
  integrationRedirectUri?: string | null;
  m365RedirectUri?: string | undefined;
  backendUrl?: string | undefined;
}

/** The first configured source, or undefined when there is none. */
export function findRedirectUri(sources: RedirectUriSources): string | undefined {
  if (sources.integrationRedirectUri) return sources.integrationRedirectUri;
  if (sources.m365RedirectUri) return sources.m365RedirectUri;
  if (sources.backendUrl) return `${sources.backendUrl.replace(/\/+$/, '')}${CALLBACK_PATH}`;
  return undefined;
}

/** Like findRedirectUri, but a missing one is the IdentityError `redirect_uri_not_configured` (says where to set it). */
export function resolveRedirectUri(sources: RedirectUriSources): string {
  const found = findRedirectUri(sources);
  if (!found) throw identityError('redirect_uri_not_configured');
  return found;
}
