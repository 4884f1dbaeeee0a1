// Each tenant's stored assessment configuration (ScubaGear-shaped CapExclusions …), used by every assessment run
// the hub makes when a snapshot arrives. Validated before it is stored; a tenant without one is assessed strictly.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import type { AssessmentConfig } from './rules/index.js';

type Db = Kysely<Database> | Transaction<Database>;

export async function loadAssessmentConfig(db: Db, workspaceId: string, tenantId: string): Promise<{ config: AssessmentConfig; updatedAt: Date | null }> {
  const row = await db.selectFrom('compliance_assessment_configs').select(['config', 'updated_at']).where('workspace_id', '=', workspaceId).where('tenant_id', '=', tenantId).executeTakeFirst();
  return row ? { config: JSON.parse(row.config) as AssessmentConfig, updatedAt: new Date(row.updated_at) } : { config: {}, updatedAt: null };
}

export async function saveAssessmentConfig(db: Db, workspaceId: string, tenantId: string, config: AssessmentConfig, now: Date): Promise<void> {
  const json = JSON.stringify(config);
  await db
    .insertInto('compliance_assessment_configs')
    .values({ workspace_id: workspaceId, tenant_id: tenantId, config: json, updated_at: now })
    .onConflict((oc) => oc.columns(['workspace_id', 'tenant_id']).doUpdateSet({ config: json, updated_at: now }))
    .execute();
}
