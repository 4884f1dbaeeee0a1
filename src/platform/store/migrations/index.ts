// The ordered list of migrations. Names sort in the order they run; a new migration gets the next number.
import type { Migration, MigrationProvider } from 'kysely/migration';
import * as foundation from './0001-foundation.js';
import * as auditActingUser from './0002-audit-acting-user.js';
import * as jobsIdempotencyAndSchedules from './0003-jobs-idempotency-and-schedules.js';
import * as m365Connections from './0004-m365-connections.js';
import * as integrationReturnOrigins from './0005-integration-return-origins.js';
import * as webhookRotationAndExpiryNotices from './0006-webhook-rotation-and-expiry-notices.js';
import * as connectionUserKind from './0007-connection-user-kind.js';
import * as adminConsentLinks from './0008-admin-consent-links.js';
import * as retiredCredentialsWiped from './0009-retired-credentials-wiped.js';
import * as workspaceSubdomains from './0010-workspace-subdomains.js';
import * as healthSetupAndConsentKinds from './0011-health-setup-and-consent-kinds.js';
import * as appTokensPerTenant from './0012-app-tokens-per-tenant.js';
import * as workspaceSchedules from './0014-workspace-schedules.js';
import * as signInFailures from './0015-sign-in-failures.js';
import * as filesAttachments from './0016-files-attachments.js';
import * as graphSubscriptions from './0016-graph-subscriptions.js';
import * as actionRequests from './0017-action-requests.js';
import * as proxySettings from './0018-proxy-settings.js';
import * as complianceSnapshots from './0020-compliance-snapshots.js';
import * as accessReviews from './0024-access-reviews.js';
import * as complianceSyncState from './0026-compliance-sync-state.js';
import * as complianceDrift from './0027-compliance-drift.js';
import * as tenantConnections from './0025-tenant-connections.js';
import * as tenantConnectionRemoval from './0029-tenant-connection-removal.js';
import * as snapshotBodiesNotRecompressed from './0030-snapshot-bodies-not-recompressed.js';

const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-audit-acting-user': auditActingUser,
  '0003-jobs-idempotency-and-schedules': jobsIdempotencyAndSchedules,
  '0004-m365-connections': m365Connections,
  '0005-integration-return-origins': integrationReturnOrigins,
  '0006-webhook-rotation-and-expiry-notices': webhookRotationAndExpiryNotices,
  '0007-connection-user-kind': connectionUserKind,
  '0008-admin-consent-links': adminConsentLinks,
  '0009-retired-credentials-wiped': retiredCredentialsWiped,
  '0010-workspace-subdomains': workspaceSubdomains,
  '0011-health-setup-and-consent-kinds': healthSetupAndConsentKinds,
  '0012-app-tokens-per-tenant': appTokensPerTenant,
  '0014-workspace-schedules': workspaceSchedules,
  '0015-sign-in-failures': signInFailures,
  '0016-files-attachments': filesAttachments,
  '0016-graph-subscriptions': graphSubscriptions,
  '0017-action-requests': actionRequests,
  '0018-proxy-settings': proxySettings,
  '0020-compliance-snapshots': complianceSnapshots,
  '0024-access-reviews': accessReviews,
  '0026-compliance-sync-state': complianceSyncState,
  '0027-compliance-drift': complianceDrift,
  '0025-tenant-connections': tenantConnections,
  '0029-tenant-connection-removal': tenantConnectionRemoval,
  '0030-snapshot-bodies-not-recompressed': snapshotBodiesNotRecompressed,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

export const latestMigration = Object.keys(migrations).sort().at(-1)!;
