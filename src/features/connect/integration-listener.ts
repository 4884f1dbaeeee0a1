// Pending sign-ins (OAuth states) and unused connect links were made for the integration's app: when the integration
// is deleted they can only fail, so they end with it.
import type { IntegrationListener } from '../integrations/index.js';

export const CONNECT_FLOWS_FOLLOW_INTEGRATION: IntegrationListener = {
  integrationRemoved: async (trx, workspaceId) => {
    await trx.deleteFrom('m365_auth_states').where('workspace_id', '=', workspaceId).execute();
    await trx.deleteFrom('m365_connect_links').where('workspace_id', '=', workspaceId).execute();
  },
};
