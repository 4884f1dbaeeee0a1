// Webhook endpoints of a workspace: where its events go. The signing secret is generated here, returned once (at
// creation and at each rotation) and stored sealed; a rotation keeps the previous secret signing beside the new
// one for a grace period so the receiver can switch without losing deliveries. Every change is audited.
import type { Kysely, Selectable } from 'kysely';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import type { KeyRing } from '../../platform/crypto/key-ring.js';
import { newId } from '../../platform/store/ids.js';
import type { Database } from '../../platform/store/schema.js';
import type { WebhookEndpointsTable } from './tables.js';
import { isAfter, toPage, type Page, type PageRequest } from '../../platform/store/keyset-page.js';
import { newWebhookSecret } from './webhook-signature.js';
import { checkWebhookTarget, type Resolver } from './webhook-target.js';

export const WEBHOOK_ROTATION_GRACE_MS = 24 * 3600 * 1000;

export interface WebhookEndpoint {
  id: string;
  url: string;
  /** Null: every event type. */
  eventTypes: string[] | null;
  enabled: boolean;
  /** Until when the previous secret still signs, after a rotation. */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface WebhookEndpointDeps {
  db: Kysely<Database>;
  keyRing: KeyRing;
  allowPrivateTargets: boolean;
  resolve?: Resolver;
}

type Row = Selectable<WebhookEndpointsTable>;

const toEndpoint = (row: Row): WebhookEndpoint => ({
  id: row.id,
  url: row.url,
  eventTypes: row.event_types,
  enabled: row.enabled,
  previousSecretExpiresAt: row.previous_secret_expires_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const secretPlace = (id: string, column: 'secret_sealed' | 'previous_secret_sealed' = 'secret_sealed') => ({ table: 'webhook_endpoints', rowId: id, column });

const notFound = () => new DomainError('not_found', 'No such webhook endpoint in this workspace.');

const target = (id: string) => ({ type: 'webhook_endpoint', id });

export async function createWebhookEndpoint(
  deps: WebhookEndpointDeps,
  workspaceId: string,
  input: { url: string; eventTypes?: string[] | null; enabled?: boolean },
  context: AuditContext,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const url = await checkWebhookTarget(input.url, { allowPrivate: deps.allowPrivateTargets, ...(deps.resolve ? { resolve: deps.resolve } : {}) });
  const id = newId('whk');
  const secret = newWebhookSecret();
  const row = await deps.db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('webhook_endpoints')
      .values({
        id,
        workspace_id: workspaceId,
        url: url.href,
        secret_sealed: deps.keyRing.seal(secret, secretPlace(id)),
        event_types: input.eventTypes ? JSON.stringify(input.eventTypes) : null,
        enabled: input.enabled ?? true,
        created_at: context.at,
        updated_at: context.at,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { workspaceId, ...context, action: 'webhook.created', target: target(id), data: { url: url.href, eventTypes: input.eventTypes ?? null } });
    return inserted;
  });
  return { endpoint: toEndpoint(row), secret };
}

export async function listWebhookEndpoints(db: Kysely<Database>, workspaceId: string, page: PageRequest): Promise<Page<WebhookEndpoint>> {
  let query = db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at').orderBy('id').limit(page.limit + 1);
  if (page.after) query = query.where(isAfter('created_at', 'id', page.after));
  const rows = await query.execute();
  return toPage(rows, page.limit, (r) => ({ createdAt: r.created_at, id: r.id }), toEndpoint);
}

export async function getWebhookEndpoint(db: Kysely<Database>, workspaceId: string, id: string): Promise<WebhookEndpoint> {
  const row = await db.selectFrom('webhook_endpoints').selectAll().where('workspace_id', '=', workspaceId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return toEndpoint(row);
}

export async function updateWebhookEndpoint(
  deps: WebhookEndpointDeps,
  workspaceId: string,
  id: string,
  patch: { url?: string; eventTypes?: string[] | null; enabled?: boolean },
  context: AuditContext,
): Promise<WebhookEndpoint> {
  const url = patch.url === undefined ? undefined : await checkWebhookTarget(patch.url, { allowPrivate: deps.allowPrivateTargets, ...(deps.resolve ? { resolve: deps.resolve } : {}) });
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('webhook_endpoints')
      .set({
        ...(url ? { url: url.href } : {}),
        ...(patch.eventTypes !== undefined ? { event_types: patch.eventTypes ? JSON.stringify(patch.eventTypes) : null } : {}),
        ...(patch.enabled !== undefined ? { enabled: patch.enabled } : {}),
        updated_at: context.at,
      })
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw notFound();
    await recordAudit(trx, { workspaceId, ...context, action: 'webhook.updated', target: target(id), data: { ...patch, ...(url ? { url: url.href } : {}) } });
    return toEndpoint(row);
  });
}

export async function deleteWebhookEndpoint(db: Kysely<Database>, workspaceId: string, id: string, context: AuditContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('webhook_endpoints').where('workspace_id', '=', workspaceId).where('id', '=', id).returning('url').executeTakeFirst();
    if (!deleted) throw notFound();
    await recordAudit(trx, { workspaceId, ...context, action: 'webhook.deleted', target: target(id), data: { url: deleted.url } });
  });
}

/** A new secret, returned once; the old one keeps signing (as a second `v1`) for the grace period. */
export async function rotateWebhookSecret(
  deps: WebhookEndpointDeps,
  workspaceId: string,
  id: string,
  context: AuditContext,
  graceMs = WEBHOOK_ROTATION_GRACE_MS,
): Promise<{ endpoint: WebhookEndpoint; secret: string }> {
  const secret = newWebhookSecret();
  const row = await deps.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('webhook_endpoints').select(['secret_sealed']).where('workspace_id', '=', workspaceId).where('id', '=', id).forUpdate().executeTakeFirst();
    if (!current) throw notFound();
    const previous = deps.keyRing.open(current.secret_sealed, secretPlace(id)).toString('utf8');
    const updated = await trx
      .updateTable('webhook_endpoints')
      .set({
        secret_sealed: deps.keyRing.seal(secret, secretPlace(id)),
        previous_secret_sealed: graceMs > 0 ? deps.keyRing.seal(previous, secretPlace(id, 'previous_secret_sealed')) : null,
        previous_secret_expires_at: graceMs > 0 ? new Date(context.at.getTime() + graceMs) : null,
        updated_at: context.at,
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { workspaceId, ...context, action: 'webhook.secret_rotated', target: target(id), data: { previousSecretValidUntil: updated.previous_secret_expires_at?.toISOString() ?? null } });
    return updated;
  });
  return { endpoint: toEndpoint(row), secret };
}

/** The secrets a delivery is signed with now: the current one, and the previous one during its grace period. */
export function signingSecrets(keyRing: KeyRing, row: Pick<Row, 'id' | 'secret_sealed' | 'previous_secret_sealed' | 'previous_secret_expires_at'>, now: Date): string[] {
  const secrets = [keyRing.open(row.secret_sealed, secretPlace(row.id)).toString('utf8')];
  if (row.previous_secret_sealed && row.previous_secret_expires_at && row.previous_secret_expires_at > now) {
    secrets.push(keyRing.open(row.previous_secret_sealed, secretPlace(row.id, 'previous_secret_sealed')).toString('utf8'));
  }
  return secrets;
}
