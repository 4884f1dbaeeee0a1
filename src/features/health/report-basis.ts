// What a Test Connection report was a test of: the credential, the services, the tenant and the admin consent in
// force when it ran. A report whose basis no longer matches the integration is outdated: it still says what was
// found, but not about what is configured now (a promoted secret, a removed service, a new tenant or consent), so
// the health view marks it and a re-test is queued.
import { createHash } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import type { ReportBasis } from '../../contract/health-schemas.js';

export type { ReportBasis };

export type OutdatedReason = 'credential_changed' | 'services_changed' | 'tenant_changed' | 'consent_changed';

export interface Outdated {
  since: string;
  reason: OutdatedReason;
  message: string;
}

type Db = Kysely<Database> | Transaction<Database>;

const MESSAGES: Record<OutdatedReason, string> = {
  credential_changed: 'The credential changed since this test: the result is about the previous one.',
  services_changed: 'The services changed since this test: the result covers the previous selection.',
  tenant_changed: 'The tenant changed since this test.',
  consent_changed: 'Admin consent changed since this test.',
};

/** The basis of what is configured now for `credential`; undefined without an integration or such a credential. */
export async function currentBasis(db: Db, workspaceId: string, credential: 'active' | 'pending' = 'active'): Promise<ReportBasis | undefined> {
  const row = await db
    .selectFrom('m365_integrations')
    .select(['services', 'azure_tenant_id', 'admin_consent_at', 'admin_consent_tenant'])
    .where('workspace_id', '=', workspaceId)
    .executeTakeFirst();
  if (!row) return undefined;
  const found = await db.selectFrom('m365_credentials').select('id').where('workspace_id', '=', workspaceId).where('status', '=', credential).executeTakeFirst();
  const services = (row.services as { service: string; modes: string[] }[])
    .map(({ service, modes }) => `${service}:${[...modes].sort().join('+')}`)
    .sort()
    .join(',');
  return {
    credentialId: found?.id ?? null,
    services,
    tenant: row.azure_tenant_id ?? 'organizations',
    consent: row.admin_consent_at ? `${row.admin_consent_at.toISOString()}@${row.admin_consent_tenant ?? ''}` : null,
  };
}

/** The first difference, in the order an admin most likely caused it; null when the report is about the present. */
export function outdatedReason(tested: ReportBasis, now: ReportBasis): OutdatedReason | null {
  if (tested.credentialId !== now.credentialId) return 'credential_changed';
  if (tested.services !== now.services) return 'services_changed';
  if (tested.tenant !== now.tenant) return 'tenant_changed';
  if (tested.consent !== now.consent) return 'consent_changed';
  return null;
}

/** When the change happened, as near as the store knows: the newest change recorded after the test, else the test. */
export async function outdatedSince(db: Db, workspaceId: string, checkedAt: string): Promise<string> {
  const integration = await db.selectFrom('m365_integrations').select(['updated_at', 'admin_consent_at']).where('workspace_id', '=', workspaceId).executeTakeFirst();
  const retired = await db.selectFrom('m365_credentials').select('retired_at').where('workspace_id', '=', workspaceId).where('retired_at', 'is not', null).orderBy('retired_at', 'desc').executeTakeFirst();
  const tested = new Date(checkedAt).getTime();
  const after = [integration?.updated_at, integration?.admin_consent_at, retired?.retired_at]
    .filter((d): d is Date => d instanceof Date && d.getTime() > tested)
    .map((d) => d.getTime());
  return new Date(after.length ? Math.max(...after) : tested).toISOString();
}

export function outdatedMessage(reason: OutdatedReason): string {
  return `${MESSAGES[reason]} A new test runs in the background.`;
}

/** A stable key for "this configuration": one background re-test per change, however often the health is read. */
export function basisKey(basis: ReportBasis): string {
  const text = [basis.credentialId ?? '-', basis.services, basis.tenant, basis.consent ?? '-'].join('|');
  return createHash('sha256').update(text).digest('base64url').slice(0, 32);
}
