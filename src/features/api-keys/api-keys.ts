// API keys of a workspace, for the host product's backend. The key is returned once, at creation; only its
// digest and visible prefix are stored. Revoking keeps the row (the audit log and lists still name it).
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import { newId } from '../../platform/store/ids.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { mintApiKey } from './api-key-auth.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { isAfter, toPage, type Page, type PageRequest } from '../../platform/store/keyset-page.js';

export interface ApiKeyRecord {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  createdBy: string | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

type ApiKeyRow = Pick<Database['api_keys'], 'id' | 'name' | 'prefix' | 'created_by'> & {
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
};

const toRecord = (row: ApiKeyRow): ApiKeyRecord => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.created_at,
  createdBy: row.created_by,
  lastUsedAt: row.last_used_at,
  revokedAt: row.revoked_at,
});

const COLUMNS = ['id', 'name', 'prefix', 'created_by', 'created_at', 'last_used_at', 'revoked_at'] as const;

export async function listApiKeys(db: Kysely<Database>, workspaceId: string, page: PageRequest): Promise<Page<ApiKeyRecord>> {
  let query = db
    .selectFrom('api_keys')
    .select(COLUMNS)
    .where('workspace_id', '=', workspaceId)
    .orderBy('created_at')
    .orderBy('id')
    .limit(page.limit + 1);
  if (page.after) query = query.where(isAfter('created_at', 'id', page.after));
  const rows = await query.execute();
  return toPage(rows, page.limit, (r) => ({ createdAt: r.created_at, id: r.id }), toRecord);
}

export async function createApiKey(
  db: Kysely<Database>,
  workspaceId: string,
  input: { name: string; createdBy: string | null },
  context: AuditContext,
): Promise<{ record: ApiKeyRecord; key: string }> {
  const { key, digest, prefix } = mintApiKey();
  const record: ApiKeyRecord = {
    id: newId('key'),
    name: input.name.trim(),
    prefix,
    createdAt: context.at,
    createdBy: input.createdBy,
    lastUsedAt: null,
    revokedAt: null,
  };
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('api_keys')
      .values({
        id: record.id,
        workspace_id: workspaceId,
        name: record.name,
        prefix,
        key_hash: digest,
        created_by: input.createdBy,
        created_at: context.at,
      })
      .execute();
    await recordAudit(trx, {
      ...context,
      workspaceId,
      action: 'api_key.created',
      target: { type: 'api_key', id: record.id },
      data: { name: record.name, prefix },
    });
  });
  return { record, key };
}

/** Revokes a key of this workspace; revoking an already revoked key changes nothing and succeeds. */
export async function revokeApiKey(db: Kysely<Database>, workspaceId: string, apiKeyId: string, context: AuditContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('api_keys')
      .select(['id', 'name', 'prefix', 'revoked_at'])
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', apiKeyId)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'No API key with this id in the workspace.');
    if (row.revoked_at) return;
    await trx.updateTable('api_keys').set({ revoked_at: context.at }).where('id', '=', apiKeyId).execute();
    await recordAudit(trx, {
      ...context,
      workspaceId,
      action: 'api_key.revoked',
      target: { type: 'api_key', id: apiKeyId },
      data: { name: row.name, prefix: row.prefix },
    });
  });
}
