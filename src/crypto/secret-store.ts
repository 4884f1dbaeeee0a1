// The sealed_secrets table: values written once through the API and read back only inside the process (e.g. a
// client secret sent to Microsoft). Every read is scoped to a workspace, so one workspace never opens another's.
import { sql, type Kysely } from 'kysely';
import { newId } from '../store/ids.js';
import type { Database } from '../store/schema.js';
import type { KeyRing, SealedPlace } from './key-ring.js';

const TABLE = 'sealed_secrets';
const COLUMN = 'sealed';

function placeOf(id: string): SealedPlace {
  return { table: TABLE, rowId: id, column: COLUMN };
}

export interface PutSecretInput {
  /** Null only for instance-level secrets. */
  workspaceId: string | null;
  purpose: string;
  value: string | Buffer;
}

/** Seals and stores a value; returns the new secret's id. */
export async function putSecret(db: Kysely<Database>, keyRing: KeyRing, input: PutSecretInput): Promise<string> {
  const id = newId('sec');
  await db
    .insertInto(TABLE)
    .values({
      id,
      workspace_id: input.workspaceId,
      purpose: input.purpose,
      sealed: keyRing.seal(input.value, placeOf(id)),
      updated_at: sql<Date>`now()`,
    })
    .execute();
  return id;
}

/** Replaces a secret's value in place (same id); false when the workspace has no such secret. */
export async function replaceSecret(
  db: Kysely<Database>,
  keyRing: KeyRing,
  workspaceId: string | null,
  id: string,
  value: string | Buffer,
): Promise<boolean> {
  const result = await db
    .updateTable(TABLE)
    .set({ sealed: keyRing.seal(value, placeOf(id)), updated_at: sql`now()` })
    .where('id', '=', id)
    .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The opened value as UTF-8 text, or undefined when the workspace has no such secret. */
export async function readSecret(
  db: Kysely<Database>,
  keyRing: KeyRing,
  workspaceId: string | null,
  id: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom(TABLE)
    .select(['sealed'])
    .where('id', '=', id)
    .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
    .executeTakeFirst();
  return row ? keyRing.openText(row.sealed, placeOf(id)) : undefined;
}

/** False when the workspace has no such secret. */
export async function deleteSecret(db: Kysely<Database>, workspaceId: string | null, id: string): Promise<boolean> {
  const result = await db
    .deleteFrom(TABLE)
    .where('id', '=', id)
    .where('workspace_id', workspaceId === null ? 'is' : '=', workspaceId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
