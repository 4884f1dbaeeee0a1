// SharePoint sites by URL, for Sites.Selected: where a site URL is in Graph, whether an app reaches it, and the
// per-site grant an administrator makes for the app.
//   site-get by server-relative URL: GET /sites/{hostname}:/{server-relative-path}
//     (https://learn.microsoft.com/graph/api/site-get#access-a-site-by-server-relative-url)
//   site-list-permissions / site-post-permissions: GET and POST /sites/{site-id}/permissions, Sites.FullControl.All
//     (https://learn.microsoft.com/graph/api/site-post-permissions)
//   Sites.Selected: https://learn.microsoft.com/graph/permissions-selected-overview
import type { GraphClient } from './graph-client.js';
import { GraphError } from './graph-error.js';

/** `https://contoso.sharepoint.com/sites/finance` → `/sites/contoso.sharepoint.com:/sites/finance`; the root site by hostname. */
export function sitePath(siteUrl: string): string {
  const url = new URL(siteUrl);
  const path = url.pathname.replace(/\/+$/, '');
  return path === '' ? `/sites/${url.hostname}` : `/sites/${url.hostname}:${path}`;
}

/** What one allowed site answered: reachable, not a site Graph knows (`not_found`), refused (`denied`), or an error. */
export type SiteReach = { url: string; status: 'reachable'; siteId: string } | { url: string; status: 'not_found' | 'denied' | 'error'; graphCode: string; message: string };

/** A Graph refusal of one site, kept as that site's result; anything else is not ours to swallow. */
function classify(error: unknown): { status: 'not_found' | 'denied' | 'error'; graphCode: string; message: string } {
  if (!(error instanceof GraphError)) throw error;
  const status = error.status === 404 ? 'not_found' : error.status === 401 || error.status === 403 ? 'denied' : 'error';
  return { status, graphCode: error.code, message: error.message };
}

/** Looks each site up by URL with the caller's token: with Sites.Selected only granted sites answer (403 otherwise). */
export async function reachSites(graph: GraphClient, siteUrls: readonly string[]): Promise<SiteReach[]> {
  const results: SiteReach[] = [];
  for (const url of siteUrls) {
    try {
      const site = await graph.get<{ id: string }>(sitePath(url), { query: { $select: 'id' } });
      results.push({ url, status: 'reachable', siteId: site.id });
    } catch (error) {
      results.push({ url, ...classify(error) });
    }
  }
  return results;
}

export type SiteRole = 'read' | 'write';

/** One site's grant: made now, already there (with a role at least as high), or why not. */
export type SiteGrantResult =
  | { url: string; status: 'granted' | 'already_granted'; siteId: string; roles: string[] }
  | { url: string; status: 'not_found' | 'refused' | 'error'; graphCode: string; message: string };

interface SitePermission {
  id: string;
  roles?: string[];
  grantedToIdentitiesV2?: { application?: { id?: string } }[];
  grantedToIdentities?: { application?: { id?: string } }[];
}

const ROLE_RANK: Record<string, number> = { read: 1, write: 2, manage: 3, owner: 3, fullcontrol: 4 };

function holdsRole(permission: SitePermission, appId: string, role: SiteRole): boolean {
  const identities = permission.grantedToIdentitiesV2 ?? permission.grantedToIdentities ?? [];
  if (!identities.some((i) => i.application?.id?.toLowerCase() === appId.toLowerCase())) return false;
  return (permission.roles ?? []).some((r) => (ROLE_RANK[r.toLowerCase()] ?? 0) >= ROLE_RANK[role]!);
}

/**
 * Grants the app each site with the given role, using a token that holds Sites.FullControl.All. A site already
 * granted to the app with that role or more is left alone, so running it again adds nothing.
 */
export async function grantSites(graph: GraphClient, app: { appId: string; displayName: string }, siteUrls: readonly string[], role: SiteRole = 'read'): Promise<SiteGrantResult[]> {
  const results: SiteGrantResult[] = [];
  for (const url of siteUrls) {
    try {
      const site = await graph.get<{ id: string }>(sitePath(url), { query: { $select: 'id' } });
      const path = `/sites/${encodeURIComponent(site.id)}/permissions`;
      const existing = (await graph.get<{ value?: SitePermission[] }>(path)).value ?? [];
      const held = existing.find((p) => holdsRole(p, app.appId, role));
      if (held) {
        results.push({ url, status: 'already_granted', siteId: site.id, roles: held.roles ?? [] });
        continue;
      }
      const made = await graph.post<SitePermission>(path, { roles: [role], grantedToIdentities: [{ application: { id: app.appId, displayName: app.displayName } }] });
      results.push({ url, status: 'granted', siteId: site.id, roles: made.roles ?? [role] });
    } catch (error) {
      const { status, ...why } = classify(error);
      results.push({ url, status: status === 'denied' ? 'refused' : status, ...why });
    }
  }
  return results;
}
