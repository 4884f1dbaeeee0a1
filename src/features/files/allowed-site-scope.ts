// Application-mode browsing with allowed sites (Sites.Selected, https://learn.microsoft.com/graph/permissions-selected-overview):
// when the integration lists allowed SharePoint sites, the app browses those sites' document libraries and nothing
// else, whatever else its token could reach (an app that also holds Sites.Read.All, or a grant made outside the hub).
// Each allowed URL is resolved to its site (site-get by server-relative URL) and the site's drives
// (drive-list, GET /sites/{id}/drives); a workspace's answer is kept a minute, so a newly granted site shows soon.
import { LRUCache } from 'lru-cache';
import type { FileSource, FileSourceList } from '../../contract/files-schemas.js';
import type { GraphClient } from '../../microsoft/graph/graph-client.js';
import { GraphError } from '../../microsoft/graph/graph-error.js';
import { sitePath } from '../../microsoft/graph/sharepoint-sites.js';
import { FilesError } from './files-error.js';

const SCOPE_TTL_MS = 60_000;

export interface SiteScope {
  /** The allowed sites Microsoft answered for, as sources. */
  sites: FileSource[];
  /** The allowed sites it refused or does not know, with what to do. */
  unavailable: FileSourceList['unavailable'];
  siteIds: ReadonlySet<string>;
  driveIds: ReadonlySet<string>;
}

interface GraphSite {
  id: string;
  displayName?: string;
  name?: string;
  webUrl?: string;
}

async function resolveScope(graph: GraphClient, urls: readonly string[]): Promise<SiteScope> {
  const scope = { sites: [] as FileSource[], unavailable: [] as FileSourceList['unavailable'], siteIds: new Set<string>(), driveIds: new Set<string>() };
  for (const url of urls) {
    try {
      const site = await graph.get<GraphSite>(sitePath(url), { query: { $select: 'id,displayName,name,webUrl' } });
      const drives = await graph.get<{ value?: { id: string }[] }>(`/sites/${encodeURIComponent(site.id)}/drives`, { query: { $select: 'id' } });
      scope.sites.push({ kind: 'sharepoint_site', id: site.id, name: site.displayName ?? site.name ?? url, webUrl: site.webUrl ?? url });
      scope.siteIds.add(site.id.toLowerCase());
      for (const drive of drives.value ?? []) scope.driveIds.add(drive.id);
    } catch (error) {
      // Refused or unknown: that site is unavailable (and so outside the scope); anything else fails the call.
      if (!(error instanceof GraphError) || ![401, 403, 404].includes(error.status)) throw error;
      const why = error.status === 404 ? 'Microsoft 365 has no site at this URL: correct it in allowedSites.' : 'Microsoft refused it: grant it to the app (Integrations → Grant allowed sites).';
      scope.unavailable.push({ kind: 'sharepoint_site', code: 'allowed_site_unreachable', detail: `Allowed site ${url}: ${why} (${error.code})` });
    }
  }
  return scope;
}

export class AllowedSiteScopes {
  readonly #scopes = new LRUCache<string, Promise<SiteScope>>({ max: 1000, ttl: SCOPE_TTL_MS });

  constructor(private readonly allowedSites: (workspaceId: string) => Promise<readonly string[]>) {}

  /**
   * The workspace's allowed-site scope in a tenant (`graph` acts there), or undefined when the integration lists no
   * allowed sites. Kept per tenant: a multi-tenant workspace's sites resolve differently in each.
   */
  async of(workspaceId: string, graph: GraphClient, tenantId = ''): Promise<SiteScope | undefined> {
    const urls = await this.allowedSites(workspaceId);
    if (urls.length === 0) return undefined;
    const key = `${workspaceId}\u0000${tenantId}\u0000${urls.join('\n')}`;
    let scope = this.#scopes.get(key);
    if (!scope) {
      scope = resolveScope(graph, urls);
      this.#scopes.set(key, scope);
      // A failed resolution (throttled, Microsoft down) is not kept: the next call tries again.
      scope.catch(() => this.#scopes.delete(key));
    }
    return scope;
  }
}

export function assertDriveAllowed(scope: SiteScope | undefined, driveId: string): void {
  if (scope && !scope.driveIds.has(driveId)) throw notAllowed(`The drive ${driveId} is not a library of an allowed site.`);
}

export function assertSiteAllowed(scope: SiteScope | undefined, siteId: string): void {
  if (scope && !scope.siteIds.has(siteId.toLowerCase())) throw notAllowed(`The site ${siteId} is not an allowed site.`);
}

const notAllowed = (what: string) =>
  new FilesError(
    'site_not_allowed',
    `${what} The integration lists allowed SharePoint sites (Sites.Selected), and application-mode browsing reaches only those: browse a site …/files/sources lists, or add this site to allowedSites and grant it.`,
  );
