// Other features keep rows that belong to an integration's app and credential: the tokens feature's cached app
// tokens, the connect feature's pending sign-ins and connect links. The integrations feature does not touch their
// tables; it tells them, inside its own transaction, and the composition registers who listens.
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/store/schema.js';

export interface IntegrationListener {
  /** The app, the tenant or the active credential changed: what was obtained with the old one must not be used. */
  appCredentialsChanged?(trx: Transaction<Database>, workspaceId: string): Promise<void>;
  /** The integration is deleted: what was in flight for it ends. */
  integrationRemoved?(trx: Transaction<Database>, workspaceId: string): Promise<void>;
}

export async function notifyCredentialsChanged(listeners: readonly IntegrationListener[], trx: Transaction<Database>, workspaceId: string): Promise<void> {
  for (const listener of listeners) await listener.appCredentialsChanged?.(trx, workspaceId);
}

export async function notifyIntegrationRemoved(listeners: readonly IntegrationListener[], trx: Transaction<Database>, workspaceId: string): Promise<void> {
  for (const listener of listeners) await listener.integrationRemoved?.(trx, workspaceId);
}
