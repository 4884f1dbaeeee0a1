// Secure Score trend of a tenant across its whole chain: every snapshot's secureScore area holds the scores
// Microsoft computed up to then (one per day, GET /security/secureScores), so the days of all snapshots together
// make the trend; a day seen in several snapshots keeps its newest score (secureScoreTrend).
import { gunzipSync } from 'node:zlib';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import { secureScoreTrend, type SecureScorePoint } from './secure-score-trend.js';
import type { GraphObject, SecureScoreArea } from './snapshot.js';

export interface TenantTrend {
  tenantId: string;
  points: SecureScorePoint[];
}

/** Per tenant of the workspace (or the one tenant given), the Secure Score per day, oldest day first. */
export async function secureScoreHistory(db: Kysely<Database>, workspaceId: string, tenantId?: string): Promise<TenantTrend[]> {
  let query = db
    .selectFrom('compliance_snapshot_areas as a')
    .innerJoin('compliance_snapshots as s', 's.id', 'a.snapshot_id')
    .select(['s.tenant_id', 'a.body'])
    .where('s.workspace_id', '=', workspaceId)
    .where('a.area', '=', 'secureScore');
  if (tenantId) query = query.where('s.tenant_id', '=', tenantId);
  const scores = new Map<string, GraphObject[]>();
  for (const row of await query.orderBy('s.tenant_id').orderBy('s.sequence').execute()) {
    const area = JSON.parse(gunzipSync(Buffer.from(row.body)).toString('utf8')) as SecureScoreArea;
    const list = scores.get(row.tenant_id) ?? [];
    if (Array.isArray(area.secureScores)) list.push(...area.secureScores);
    scores.set(row.tenant_id, list);
  }
  return [...scores].map(([id, list]) => ({ tenantId: id, points: secureScoreTrend(list).points }));
}
