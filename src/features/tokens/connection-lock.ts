// One lock per (workspace, external user) connection, taken inside a transaction with pg_advisory_xact_lock and
// released by its commit or rollback. Connects, reconnects and disconnects of one connection take it (a first
// connect has no row to lock yet); a refresh locks the connection's row instead (`lockTokenRow`), which those writes
// also wait for, so across processes on PostgreSQL they never interleave (a refresh never writes over a reconnect).
import { sql, type Transaction } from 'kysely';
import { sha256 } from '../../platform/crypto/sha256.js';
import type { Database } from '../../platform/store/schema.js';
import type { ConnectionUser } from '../../contract/integration-schemas.js';

/** A signed 64-bit key (as PostgreSQL's bigint wants) from the first 8 bytes of a SHA-256 of the name. */
export function advisoryLockKey(name: string): string {
  return sha256(name).readBigInt64BE(0).toString();
}

export const connectionLockName = (workspaceId: string, user: ConnectionUser) =>
  // Length-prefixed so no two (workspace, kind, user) triples produce the same name.
  `m365_connection:${workspaceId.length}:${workspaceId}:${user.kind}:${user.id}`;

export const appTokenLockName = (workspaceId: string, tenantId: string) => `m365_app_token:${workspaceId.length}:${workspaceId}:${tenantId}`;

export async function lockForTransaction(trx: Transaction<Database>, name: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(${advisoryLockKey(name)}::bigint)`.execute(trx);
}
