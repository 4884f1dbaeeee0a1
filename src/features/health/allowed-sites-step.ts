// Test Connection's SharePoint step in application mode with allowed sites (Sites.Selected): each allowed site is
// looked up with the app token, so the report says which sites the app reaches and which still need their grant
// (https://learn.microsoft.com/graph/permissions-selected-overview: an app holding Sites.Selected reaches a site only
// once an administrator granted it that site).
import type { GraphClient } from '../../microsoft/graph/graph-client.js';
import { reachSites } from '../../microsoft/graph/sharepoint-sites.js';
import type { TestStep } from '../../contract/health-schemas.js';

export async function allowedSitesStep(graph: GraphClient, allowedSites: readonly string[]): Promise<TestStep> {
  const sites = await reachSites(graph, allowedSites);
  const reachable = sites.filter((s) => s.status === 'reachable').length;
  const urlsOf = (status: string) => sites.filter((s) => s.status === status).map((s) => s.url);
  const denied = urlsOf('denied');
  const missing = urlsOf('not_found');
  const base = { name: 'service:sharepoint' as const, details: { sites } };
  if (reachable === sites.length) return { ...base, status: 'passed', message: `The app reaches all ${sites.length} allowed sites.` };
  const summary = `The app reaches ${reachable} of ${sites.length} allowed sites.`;
  if (denied.length > 0) {
    return {
      ...base,
      status: 'failed',
      code: 'sites_not_granted',
      message: `${summary} Not granted to the app: ${denied.join(', ')}.`,
      fix: 'Grant the app these sites: "Grant allowed sites" on the integration page (it needs a SharePoint administrator\'s connection with Sites.FullControl.All), or POST /sites/{site-id}/permissions yourself.',
    };
  }
  if (missing.length > 0) {
    return { ...base, status: 'failed', code: 'sites_not_found', message: `${summary} Microsoft has no site at: ${missing.join(', ')}.`, fix: 'Correct the allowed site URLs in the integration settings (copy each from the site\'s address bar, e.g. https://contoso.sharepoint.com/sites/finance).' };
  }
  return { ...base, status: 'failed', code: 'graph_unavailable', message: `${summary} Microsoft Graph did not answer normally for the others.`, fix: 'Test Connection again later; the site results carry Microsoft\'s error codes.' };
}
