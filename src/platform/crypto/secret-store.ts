// Repository for `sealed_secrets`: values are sealed before they reach the database and bound to their row, and
// every read is scoped to the workspace that owns the secret (null: an instance-level secret).
import type { Kysely } from 'kysely';
import type { Database } from '../store/schema.js';
import { newId } from '../store/ids.js';
import type { Clock } from '../time/clock.js';
import { systemClock } from '../time/clock.js';
import type { KeyRing, SealedPlace } from './key-ring.js';

const placeOf = (id: string): SealedPlace => ({ table: 'sealed_secrets', rowId: id, column: 'sealed' });

function scoped(db: Kysely<Database>, workspaceId: string | null) {
  const query = db.selectFrom('sealed_secrets');
  return workspaceId === null ? query.where('workspace_id', 'is', null) : query.where('workspace_id', '=', workspaceId);
}

export interface NewSecret {
  workspaceId: string | null;
  /** What the secret is for, e.g. `integration.client_secret`. */
  purpose: string;
  value: string | Buffer;
}

/** Seals and stores a secret; returns its id (`sec_…`). */
export async function putSecret(db: Kysely<Database>, keyRing: KeyRing, secret: NewSecret, clock: Clock = systemClock): Promise<string> {
  const id = newId('sec');
  const now = clock.now();
  await db
    .insertInto('sealed_secrets')
    .values({
      id,
      workspace_id: secret.workspaceId,
      purpose: secret.purpose,
      sealed: keyRing.seal(secret.value, placeOf(id)),
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** The secret's value, or undefined when it does not exist in this workspace. Throws SealedBlobError if it cannot be opened. */
export async function readSecret(
  db: Kysely<Database>,
  keyRing: KeyRing,
  workspaceId: string | null,
  id: string,
): Promise<string | undefined> {
  const row = await scoped(db, workspaceId).select('sealed').where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : keyRing.openText(row.sealed, placeOf(id));
}

/** Replaces the value of an existing secret (e.g. a rotated client secret); false when not found in this workspace. */
export async function replaceSecret(
  db: Kysely<Database>,
  keyRing: KeyRing,
  workspaceId: string | null,
  id: string,
  value: string | Buffer,
  clock: Clock = systemClock,
): Promise<boolean> {
  let query = db
    .updateTable('sealed_secrets')
    .set({ sealed: keyRing.seal(value, placeOf(id)), updated_at: clock.now() })
    .where('id', '=', id);
  query = workspaceId === null ? query.where('workspace_id', 'is', null) : query.where('workspace_id', '=', workspaceId);
  const result = await query.executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Deletes a secret; false when not found in this workspace. */
export async function deleteSecret(db: Kysely<Database>, workspaceId: string | null, id: string): Promise<boolean> {
  let query = db.deleteFrom('sealed_secrets').where('id', '=', id);
  query = workspaceId === null ? query.where('workspace_id', 'is', null) : query.where('workspace_id', '=', workspaceId);
  const result = await query.executeTakeFirst();
  return result.numDeletedRows > 0n;
}
