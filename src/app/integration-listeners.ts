// The features whose rows follow a workspace's integration (its app, tenant and credential): the integrations
// feature tells them of a change inside its own transaction instead of writing their tables.
import { CONNECT_FLOWS_FOLLOW_INTEGRATION } from '../features/connect/index.js';
import type { IntegrationListener } from '../features/integrations/index.js';
import { APP_TOKENS_FOLLOW_INTEGRATION } from '../features/tokens/index.js';

export const INTEGRATION_LISTENERS: readonly IntegrationListener[] = [APP_TOKENS_FOLLOW_INTEGRATION, CONNECT_FLOWS_FOLLOW_INTEGRATION];
