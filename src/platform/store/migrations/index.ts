// The ordered list of migrations. Names sort in the order they run; a new migration gets the next number.
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as foundation from './0001-foundation.js';
import * as auditActingUser from './0002-audit-acting-user.js';
import * as jobsIdempotencyAndSchedules from './0003-jobs-idempotency-and-schedules.js';
import * as m365Connections from './0004-m365-connections.js';
import * as integrationReturnOrigins from './0005-integration-return-origins.js';
import * as webhookRotationAndExpiryNotices from './0006-webhook-rotation-and-expiry-notices.js';
import * as appTokensPerTenant from './0010-app-tokens-per-tenant.js';

const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-audit-acting-user': auditActingUser,
  '0003-jobs-idempotency-and-schedules': jobsIdempotencyAndSchedules,
  '0004-m365-connections': m365Connections,
  '0005-integration-return-origins': integrationReturnOrigins,
  '0006-webhook-rotation-and-expiry-notices': webhookRotationAndExpiryNotices,
  '0010-app-tokens-per-tenant': appTokensPerTenant,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const latestMigration = Object.keys(migrations).sort().at(-1)!;
