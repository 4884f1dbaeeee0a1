// A host product's backend using m365hub's typed client against `m365hub demo` (see the README, "Typed client").
//   M365HUB_API_KEY=m365k_… M365HUB_WORKSPACE=ws_… node examples/typed-client.mjs
// The key comes from the console (Workspace → API keys); the workspace id is in the console's address bar.
import { createHubClient } from 'm365hub/client';

const baseUrl = process.env.M365HUB_URL ?? 'http://127.0.0.1:3000';
const apiKey = process.env.M365HUB_API_KEY;
const workspaceId = process.env.M365HUB_WORKSPACE;
if (!apiKey || !workspaceId) {
  console.error('Set M365HUB_API_KEY (Workspace → API keys in the console) and M365HUB_WORKSPACE (ws_…).');
  process.exit(2);
}

const hub = createHubClient({ baseUrl, apiKey });

// 1. A single-use link your user opens to connect their Microsoft 365 account.
const link = await hub.POST('/api/v1/workspaces/{workspaceId}/users/{externalUserId}/connect-link', {
  params: { path: { workspaceId, externalUserId: 'example-user-1' } },
  body: {},
});
if (link.error) {
  console.error(`connect link refused: ${link.error.code}: ${link.error.detail}`);
  process.exit(1);
}
console.log(`Send your user to: ${link.data.url} (until ${link.data.expiresAt})`);

// 2. The workspace's connections, page by page.
let cursor;
let listed = 0;
do {
  const page = await hub.GET('/api/v1/workspaces/{workspaceId}/connections', { params: { path: { workspaceId }, query: { limit: 50, ...(cursor ? { cursor } : {}) } } });
  if (page.error) throw new Error(`${page.error.code}: ${page.error.detail}`);
  listed += page.data.items.length;
  for (const c of page.data.items) console.log(`${c.id} ${c.userPrincipalName ?? '(unknown account)'} ${c.status}`);
  cursor = page.data.nextCursor ?? undefined;
} while (cursor);
if (listed === 0) console.log('No connections yet: open the link above, sign in with a Microsoft 365 account and run this again.');
