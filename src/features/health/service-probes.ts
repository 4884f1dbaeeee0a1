// One live Graph call per enabled service, in the mode it is used: the least request that proves the granted
// permission really works in this tenant. Services whose permissions cannot be exercised without side effects
// (sending mail or Teams messages) or that are not Graph (Dynamics 365) are skipped with the reason.
import type { PermissionMode, Service } from '../../microsoft/identity/index.js';
import type { GraphClient } from '../../microsoft/graph/graph-client.js';
import { sitePath } from '../../microsoft/graph/sharepoint-sites.js';

export interface ProbeContext {
  graph: GraphClient;
  allowedSites: readonly string[];
}

export type Probe = { run: (context: ProbeContext) => Promise<void> } | { skip: string };

const firstUserId = async (graph: GraphClient): Promise<string> => {
  const users = await graph.get<{ value?: { id: string }[] }>('/users', { query: { $top: 1, $select: 'id' } });
  const id = users.value?.[0]?.id;
  if (!id) throw Object.assign(new Error('the tenant has no users to check with'), { code: 'no_users' });
  return id;
};

const SIDE_EFFECT_ONLY = 'This permission only allows sending, which Test Connection does not do; the permissions step checked it is granted.';

export const PROBES: Record<Service, Record<PermissionMode, Probe>> = {
  directory: {
    application: { run: async ({ graph }) => void (await graph.get('/users', { query: { $top: 1, $select: 'id' } })) },
    delegated: { run: async ({ graph }) => void (await graph.get('/users', { query: { $top: 1, $select: 'id' } })) },
  },
  compliance: {
    application: { run: async ({ graph }) => void (await graph.get('/identity/conditionalAccess/policies', { query: { $top: 1 } })) },
    delegated: { run: async ({ graph }) => void (await graph.get('/identity/conditionalAccess/policies', { query: { $top: 1 } })) },
  },
  onedrive: {
    application: { run: async ({ graph }) => void (await graph.get(`/users/${encodeURIComponent(await firstUserId(graph))}/drive`)) },
    delegated: { run: async ({ graph }) => void (await graph.get('/me/drive')) },
  },
  sharepoint: {
    // With allowed sites (Sites.Selected) test-connection checks each one (allowed-sites-step.ts); without, the root site.
    application: { run: async ({ graph, allowedSites }) => void (await graph.get(allowedSites[0] ? sitePath(allowedSites[0]) : '/sites/root')) },
    delegated: { run: async ({ graph }) => void (await graph.get('/sites/root')) },
  },
  'teams-files': {
    application: { run: async ({ graph }) => void (await graph.get('/teams', { query: { $top: 1 } })) },
    delegated: { run: async ({ graph }) => void (await graph.get('/me/joinedTeams')) },
  },
  calendar: {
    application: { run: async ({ graph }) => void (await graph.get(`/users/${encodeURIComponent(await firstUserId(graph))}/calendar`)) },
    delegated: { run: async ({ graph }) => void (await graph.get('/me/calendar')) },
  },
  mail: { application: { skip: SIDE_EFFECT_ONLY }, delegated: { skip: SIDE_EFFECT_ONLY } },
  'teams-messages': { application: { skip: 'Applications cannot post Teams messages.' }, delegated: { skip: SIDE_EFFECT_ONLY } },
  dynamics: {
    application: { skip: 'Dynamics 365 is not part of Microsoft Graph; Test Connection does not call the Dataverse Web API yet.' },
    delegated: { skip: 'Dynamics 365 is not part of Microsoft Graph; Test Connection does not call the Dataverse Web API yet.' },
  },
};
