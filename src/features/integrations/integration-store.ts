// The workspace's one Microsoft 365 integration (the admin's Entra app registration) and its credentials:
// create/replace, read (never the secret), delete, credential rotation (add pending → test → promote, so there is
// never a moment without a working credential), the admin consent record, and — for the token service and Test
// Connection — the settings with the opened credential (`loadIntegrationAuth`). Every change is audited in the
// same transaction, with the names of the fields that changed and never a secret value.
import { notifyCredentialsChanged, notifyIntegrationRemoved, type IntegrationListener } from './integration-listeners.js';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { DomainError } from '../../platform/errors/domain-error.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { KeyRing } from '../../platform/crypto/key-ring.js';
import type { ClientCredentials, ServiceSelection } from '../../microsoft/identity/index.js';
import { newId } from '../../platform/store/ids.js';
import type { Database } from '../../platform/store/schema.js';
import type { IntegrationHealth, M365IntegrationsTable } from './tables.js';
import type { Clock } from '../../platform/time/clock.js';
import { clientCredentialsOf, credentialRow, credentialView, type CredentialInput, type CredentialRow, type CredentialView } from './credential-material.js';
import { validateIntegrationSettings, type IntegrationSettings, type IntegrationSettingsInput } from './integration-settings.js';
import { findRedirectUri } from './redirect-uri.js';

type Db = Kysely<Database> | Transaction<Database>;
type IntegrationRow = Selectable<M365IntegrationsTable>;

export interface IntegrationView extends IntegrationSettings {
  id: string;
  /** `organizations` for a multi-tenant app, else the tenant id or domain. */
  tenant: string;
  /** What the flows send to Microsoft (integration → M365_REDIRECT_URI → BACKEND_URL); null when none is configured. */
  effectiveRedirectUri: string | null;
  credential: CredentialView | null;
  pendingCredential: CredentialView | null;
  adminConsent: { grantedAt: Date; tenant: string } | null;
  health: { status: IntegrationHealth; checkedAt: Date | null };
  createdAt: Date;
  updatedAt: Date;
}

/** What the token service and Test Connection need to talk to Microsoft for a workspace. */
export interface IntegrationAuth {
  integrationId: string;
  clientId: string;
  /** `organizations` for a multi-tenant app. */
  tenant: string;
  credentials: ClientCredentials;
  credentialId: string;
  credentialKind: 'secret' | 'certificate';
  credentialExpiresAt: Date | null;
  redirectUri: string | undefined;
  services: ServiceSelection[];
  allowedSites: string[];
  dynamicsOrg: string | null;
  /** The tenant whose admin consented (client credentials of a multi-tenant app run in it). */
  adminConsentTenant: string | null;
}

export interface IntegrationStoreDeps {
  db: Kysely<Database>;
  keyRing: KeyRing;
  clock: Clock;
  /** Operator-level redirect URI sources (Config.m365RedirectUri, Config.backendUrl). */
  redirectDefaults: { m365RedirectUri?: string | undefined; backendUrl?: string | undefined };
  /** Features whose rows follow the integration (src/app/integration-listeners.ts lists them). */
  listeners: readonly IntegrationListener[];
}

export type PutIntegrationInput = IntegrationSettingsInput & { credential?: CredentialInput };

const SETTINGS_FIELDS = ['clientId', 'azureTenantId', 'redirectUri', 'services', 'allowedSites', 'dynamicsOrg', 'returnOrigins'] as const;

function settingsOf(row: IntegrationRow): IntegrationSettings {
  return {
    clientId: row.client_id,
    azureTenantId: row.azure_tenant_id,
    redirectUri: row.redirect_uri,
    services: servicesOf(row),
    allowedSites: row.allowed_sites,
    dynamicsOrg: row.dynamics_org,
    returnOrigins: row.return_origins,
  };
}

// jsonb keeps keys in its own order; rebuild the objects so views and change detection see one shape.
const servicesOf = (row: IntegrationRow): ServiceSelection[] =>
  (row.services as ServiceSelection[]).map(({ service, modes }) => ({ service, modes: [...modes] }));

function changedFields(before: IntegrationSettings, after: IntegrationSettings): string[] {
  return SETTINGS_FIELDS.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

const noIntegration = () =>
  new DomainError('not_found', 'This workspace has no Microsoft 365 integration. Create it first (PUT /integrations/m365).');

function auditEntry(workspaceId: string, audit: AuditContext, action: string, target: { type: string; id: string }, data?: Record<string, unknown>) {
  return { workspaceId, actor: audit.actor, ip: audit.ip, actingUser: audit.actingUser ?? null, at: audit.at, action, target, ...(data ? { data } : {}) };
}

// Satisfies tokens' IntegrationAuthSource port structurally (tokens depends on integrations, not the reverse).
export class IntegrationStore {
  constructor(private readonly deps: IntegrationStoreDeps) {}

  /** The enabled services alone (one indexed read, no credentials): what every action and pass-through call checks. */
  async enabledServices(workspaceId: string): Promise<ServiceSelection[] | undefined> {
    const row = await this.deps.db.selectFrom('m365_integrations').select('services').where('workspace_id', '=', workspaceId).executeTakeFirst();
    return row ? servicesOf(row as IntegrationRow) : undefined;
  }

  async get(workspaceId: string, db: Db = this.deps.db): Promise<IntegrationView | undefined> {
    const row = await db.selectFrom('m365_integrations').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst();
    if (!row) return undefined;
    const credentials = await this.liveCredentials(db, workspaceId);
    return this.view(row, credentials);
  }

  /** Creates the integration or replaces its settings. A credential is required on create; on update it replaces the active one. */
  async put(workspaceId: string, input: PutIntegrationInput, audit: AuditContext): Promise<{ integration: IntegrationView; created: boolean }> {
    const settings = validateIntegrationSettings(input);
    const { db, keyRing } = this.deps;
    return db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('m365_integrations').selectAll().where('workspace_id', '=', workspaceId).forUpdate().executeTakeFirst();
      const values = {
        client_id: settings.clientId,
        azure_tenant_id: settings.azureTenantId,
        redirect_uri: settings.redirectUri,
        services: JSON.stringify(settings.services),
        allowed_sites: JSON.stringify(settings.allowedSites),
        dynamics_org: settings.dynamicsOrg,
        return_origins: JSON.stringify(settings.returnOrigins),
        updated_at: audit.at,
      };
      if (!existing) {
        if (!input.credential) throw new DomainError('validation_failed', 'credential: a new integration needs a client secret or a certificate.');
        const id = newId('int');
        await trx.insertInto('m365_integrations').values({ workspace_id: workspaceId, id, ...values, created_at: audit.at }).execute();
        const credential = credentialRow(keyRing, workspaceId, input.credential, 'active');
        await trx.insertInto('m365_credentials').values({ ...credential, created_at: audit.at }).execute();
        await recordAudit(trx, auditEntry(workspaceId, audit, 'integration.created', { type: 'm365_integration', id }, { fields: [...SETTINGS_FIELDS], credentialKind: credential.kind }));
        return { integration: (await this.get(workspaceId, trx))!, created: true };
      }
      const changed = changedFields(settingsOf(existing), settings);
      await trx.updateTable('m365_integrations').set(values).where('workspace_id', '=', workspaceId).execute();
      if (input.credential) {
        await this.replaceActiveCredential(trx, workspaceId, input.credential, audit);
        changed.push('credential');
      }
      // A different app or tenant is a different set of grants: the old consent record no longer applies.
      if (changed.includes('clientId') || changed.includes('azureTenantId')) {
        await trx.updateTable('m365_integrations').set({ admin_consent_at: null, admin_consent_tenant: null }).where('workspace_id', '=', workspaceId).execute();
        await notifyCredentialsChanged(this.deps.listeners, trx, workspaceId);
      }
      await recordAudit(trx, auditEntry(workspaceId, audit, 'integration.updated', { type: 'm365_integration', id: existing.id }, { fields: changed }));
      return { integration: (await this.get(workspaceId, trx))!, created: false };
    });
  }

  /**
   * Removes the integration, its credentials, cached app tokens and pending sign-in states. Users' connections
   * stay (re-creating the integration with the same app revives them); Disconnect removes those.
   */
  async delete(workspaceId: string, audit: AuditContext): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('m365_integrations').select('id').where('workspace_id', '=', workspaceId).forUpdate().executeTakeFirst();
      if (!existing) throw noIntegration();
      await notifyIntegrationRemoved(this.deps.listeners, trx, workspaceId);
      await trx.deleteFrom('m365_integrations').where('workspace_id', '=', workspaceId).execute();
      await recordAudit(trx, auditEntry(workspaceId, audit, 'integration.deleted', { type: 'm365_integration', id: existing.id }));
    });
  }

  /** Update Credentials, step 1: the new credential waits as `pending` (replacing an earlier pending one) while the active one keeps working. */
  async addPendingCredential(workspaceId: string, input: CredentialInput, audit: AuditContext): Promise<CredentialView> {
    return this.deps.db.transaction().execute(async (trx) => {
      await this.lockIntegration(trx, workspaceId);
      const replaced = await trx.deleteFrom('m365_credentials').where('workspace_id', '=', workspaceId).where('status', '=', 'pending').returning('id').execute();
      const row = credentialRow(this.deps.keyRing, workspaceId, input, 'pending');
      await trx.insertInto('m365_credentials').values({ ...row, created_at: audit.at }).execute();
      await recordAudit(
        trx,
        auditEntry(workspaceId, audit, 'integration.credential_added', { type: 'm365_credential', id: row.id }, {
          kind: row.kind,
          status: 'pending',
          ...(replaced.length ? { replacedPending: replaced.map((r) => r.id) } : {}),
        }),
      );
      return credentialView(await trx.selectFrom('m365_credentials').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow());
    });
  }

  /** Update Credentials, step 2: the pending credential becomes active and the old one is retired, in one transaction. */
  async promotePendingCredential(workspaceId: string, audit: AuditContext): Promise<IntegrationView> {
    return this.deps.db.transaction().execute(async (trx) => {
      await this.lockIntegration(trx, workspaceId);
      const pending = await trx.selectFrom('m365_credentials').select('id').where('workspace_id', '=', workspaceId).where('status', '=', 'pending').executeTakeFirst();
      if (!pending) throw new DomainError('conflict', 'There is no pending credential to promote. Add one first (POST …/integrations/m365/credentials).');
      const retired = await this.retireActive(trx, workspaceId, audit);
      await trx.updateTable('m365_credentials').set({ status: 'active' }).where('id', '=', pending.id).execute();
      // Cached application tokens were obtained with the old credential; the next one comes from the new.
      await notifyCredentialsChanged(this.deps.listeners, trx, workspaceId);
      await recordAudit(trx, auditEntry(workspaceId, audit, 'integration.credential_promoted', { type: 'm365_credential', id: pending.id }, { retired }));
      return (await this.get(workspaceId, trx))!;
    });
  }

  /** Drops a pending credential that failed its test; the active one is untouched. */
  async discardPendingCredential(workspaceId: string, audit: AuditContext): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      await this.lockIntegration(trx, workspaceId);
      const removed = await trx.deleteFrom('m365_credentials').where('workspace_id', '=', workspaceId).where('status', '=', 'pending').returning('id').executeTakeFirst();
      if (!removed) throw new DomainError('not_found', 'There is no pending credential.');
      await recordAudit(trx, auditEntry(workspaceId, audit, 'integration.credential_discarded', { type: 'm365_credential', id: removed.id }));
    });
  }

  /**
   * The admin consent callback succeeded for `tenant`. The first tenant to consent stays the workspace's tenant for
   * application tokens: a consent completed later in another tenant is audited (that tenant keeps its own token,
   * asked for by tenant id) but never moves the workspace's app-only access there.
   */
  async recordAdminConsent(db: Db, workspaceId: string, tenant: string, audit: AuditContext): Promise<void> {
    const updated = await db
      .updateTable('m365_integrations')
      .set((eb) => ({
        admin_consent_at: eb.case().when('admin_consent_tenant', 'is', null).then(audit.at).when('admin_consent_tenant', '=', tenant).then(audit.at).else(eb.ref('admin_consent_at')).end(),
        admin_consent_tenant: eb.fn.coalesce('admin_consent_tenant', eb.val(tenant)),
        updated_at: audit.at,
      }))
      .where('workspace_id', '=', workspaceId)
      .returning(['id', 'admin_consent_tenant'])
      .executeTakeFirst();
    if (!updated) throw noIntegration();
    const workspaceTenant = updated.admin_consent_tenant === tenant;
    await recordAudit(db, auditEntry(workspaceId, audit, 'integration.admin_consent_granted', { type: 'm365_integration', id: updated.id }, { tenant, ...(workspaceTenant ? {} : { additionalTenant: true }) }));
  }

  /**
   * The integration with its credential opened, for calls to Microsoft; undefined when the workspace has no
   * integration (or no credential of the asked status). `credential: 'pending'` lets Test Connection try a new
   * credential before it is promoted.
   */
  async loadIntegrationAuth(workspaceId: string, options: { credential?: 'active' | 'pending' } = {}): Promise<IntegrationAuth | undefined> {
    const { db, keyRing } = this.deps;
    // Both reads at once: this sits on the token service's refresh path, where every round trip is waited for.
    const [row, credential] = await Promise.all([
      db.selectFrom('m365_integrations').selectAll().where('workspace_id', '=', workspaceId).executeTakeFirst(),
      db.selectFrom('m365_credentials').selectAll().where('workspace_id', '=', workspaceId).where('status', '=', options.credential ?? 'active').executeTakeFirst(),
    ]);
    if (!row || !credential) return undefined;
    return {
      integrationId: row.id,
      clientId: row.client_id,
      tenant: row.azure_tenant_id ?? 'organizations',
      credentials: clientCredentialsOf(keyRing, row.client_id, credential),
      credentialId: credential.id,
      credentialKind: credential.kind,
      credentialExpiresAt: credential.expires_at,
      redirectUri: this.redirectUriOf(row.redirect_uri),
      services: servicesOf(row),
      allowedSites: row.allowed_sites,
      dynamicsOrg: row.dynamics_org,
      adminConsentTenant: row.admin_consent_tenant,
    };
  }

  /** The redirect URI of a workspace (integration → M365_REDIRECT_URI → BACKEND_URL), undefined when none is configured. */
  redirectUriOf(integrationRedirectUri: string | null | undefined): string | undefined {
    return findRedirectUri({ integrationRedirectUri, ...this.deps.redirectDefaults });
  }

  private async lockIntegration(trx: Transaction<Database>, workspaceId: string): Promise<void> {
    const found = await trx.selectFrom('m365_integrations').select('id').where('workspace_id', '=', workspaceId).forUpdate().executeTakeFirst();
    if (!found) throw noIntegration();
  }

  private async retireActive(trx: Transaction<Database>, workspaceId: string, audit: AuditContext): Promise<string | null> {
    const retired = await trx
      .updateTable('m365_credentials')
      // Retired is for good: its sealed secret or private key is wiped in the same statement (the row stays for the record).
      .set({ status: 'retired', retired_at: audit.at, secret_sealed: null, private_key_sealed: null })
      .where('workspace_id', '=', workspaceId)
      .where('status', '=', 'active')
      .returning('id')
      .executeTakeFirst();
    if (retired) await recordAudit(trx, auditEntry(workspaceId, audit, 'integration.credential_retired', { type: 'm365_credential', id: retired.id }));
    return retired?.id ?? null;
  }

  private async replaceActiveCredential(trx: Transaction<Database>, workspaceId: string, input: CredentialInput, audit: AuditContext): Promise<void> {
    const row = credentialRow(this.deps.keyRing, workspaceId, input, 'active');
    await this.retireActive(trx, workspaceId, audit);
    await trx.insertInto('m365_credentials').values({ ...row, created_at: audit.at }).execute();
    await notifyCredentialsChanged(this.deps.listeners, trx, workspaceId);
    await recordAudit(trx, auditEntry(workspaceId, audit, 'integration.credential_added', { type: 'm365_credential', id: row.id }, { kind: row.kind, status: 'active' }));
  }

  private async liveCredentials(db: Db, workspaceId: string): Promise<CredentialRow[]> {
    return db.selectFrom('m365_credentials').selectAll().where('workspace_id', '=', workspaceId).where('status', 'in', ['active', 'pending']).execute();
  }

  private view(row: IntegrationRow, credentials: CredentialRow[]): IntegrationView {
    const active = credentials.find((c) => c.status === 'active');
    const pending = credentials.find((c) => c.status === 'pending');
    return {
      id: row.id,
      ...settingsOf(row),
      tenant: row.azure_tenant_id ?? 'organizations',
      effectiveRedirectUri: this.redirectUriOf(row.redirect_uri) ?? null,
      credential: active ? credentialView(active) : null,
      pendingCredential: pending ? credentialView(pending) : null,
      adminConsent: row.admin_consent_at && row.admin_consent_tenant ? { grantedAt: row.admin_consent_at, tenant: row.admin_consent_tenant } : null,
      health: { status: row.health, checkedAt: row.health_checked_at },
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}

/**
 * Whether the workspace has an integration and a credential in this state, for callers that only need to know
 * (e.g. before enqueueing a Test Connection): `no_integration`, `missing` or `present`.
 */
export async function credentialPresence(db: Db, workspaceId: string, status: 'active' | 'pending'): Promise<'no_integration' | 'missing' | 'present'> {
  const integration = await db.selectFrom('m365_integrations').select('id').where('workspace_id', '=', workspaceId).executeTakeFirst();
  if (!integration) return 'no_integration';
  const found = await db.selectFrom('m365_credentials').select('id').where('workspace_id', '=', workspaceId).where('status', '=', status).executeTakeFirst();
  return found ? 'present' : 'missing';
}
