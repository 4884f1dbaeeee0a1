// What the token service needs to know about a workspace's Entra app registration to talk to Microsoft for it.
// The integrations module (src/features/integrations/) implements this over its tables; the token service depends only on
// the interface, so tokens/ never reaches up into integration settings.
import type { ClientCredentials, PermissionMode, Service } from '../../microsoft/identity/index.js';

export interface IntegrationAuth {
  clientId: string;
  /** The tenant the app signs users in through: the workspace's Azure tenant id, or `organizations` (multi-tenant). */
  tenant: string;
  /** The workspace's ACTIVE credential (secret or certificate), opened. Never logged. */
  credentials: ClientCredentials;
  /**
   * Id of that credential (m365_credentials.id). Cached application tokens are tied to it, so a rotation stops
   * handing out tokens obtained with the retired credential. Optional: without it a digest of the client id and
   * credential material stands in.
   */
  credentialId?: string;
  redirectUri: string | undefined;
  services: readonly { service: Service; modes: readonly PermissionMode[] }[];
  /** The customer tenant that granted admin consent; client credentials of a multi-tenant app go there. */
  adminConsentTenant: string | null | undefined;
  /** Dynamics 365 organisation (the `contoso` of contoso.crm.dynamics.com), when the dynamics service is on. */
  dynamicsOrg?: string | null;
}

export interface IntegrationAuthSource {
  /** The workspace's integration with its active credential, or undefined when none is configured. */
  loadIntegrationAuth(workspaceId: string): Promise<IntegrationAuth | undefined>;
}
