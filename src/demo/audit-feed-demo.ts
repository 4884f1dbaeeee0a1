// The demo turns on the Contoso audit feed through the hub's Management Activity API pass-through (as a host backend
// would, with the example host's API key), so `…/proxy/manage/…/subscriptions/content` lists blobs at once, and says
// in the banner how many there are. The SharePoint REST pass-through needs a connected user, so the banner shows the
// call to make after connecting one.

export interface AuditFeedDemo {
  /** Banner lines. */
  lines: string[];
}

export async function startAuditFeed(input: { hubUrl: string; workspaceId: string; apiKey: string; tenantId: string }): Promise<AuditFeedDemo> {
  try {
    return await auditFeed(input);
  } catch (error) {
    // The demo runs on without it: the banner says what went wrong instead.
    return { lines: [`  Audit feed: could not be started through the pass-through (${(error as Error).message}).`] };
  }
}

async function auditFeed(input: { hubUrl: string; workspaceId: string; apiKey: string; tenantId: string }): Promise<AuditFeedDemo> {
  const feed = `${input.hubUrl}/api/v1/workspaces/${input.workspaceId}/proxy/manage/api/v1.0/${input.tenantId}/activity/feed`;
  const headers = { authorization: `Bearer ${input.apiKey}` };
  const started = await fetch(`${feed}/subscriptions/start?contentType=Audit.AzureActiveDirectory`, { method: 'POST', headers });
  // AF20024 (already enabled) is what a second demo start on the same data gets: the feed is on either way.
  if (!started.ok && !(await started.text()).includes('AF20024')) {
    return { lines: [`  Audit feed: could not be started through the pass-through (${started.status}).`] };
  }
  const content = await fetch(`${feed}/subscriptions/content?contentType=Audit.AzureActiveDirectory`, { headers });
  const blobs = content.ok ? ((await content.json()) as unknown[]).length : 0;
  return {
    lines: [
      `  Audit feed (Management Activity API pass-through): ${blobs} content blob(s) of Audit.AzureActiveDirectory`,
      `    GET ${feed.replace(input.hubUrl, '')}/subscriptions/content?contentType=Audit.AzureActiveDirectory`,
      `  SharePoint REST pass-through (after connecting a user): GET /api/v1/workspaces/${input.workspaceId}/proxy/sharepoint/_api/web with X-M365Hub-Acting-User`,
    ],
  };
}
