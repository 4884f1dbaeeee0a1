// Routes of what the hub does with snapshots: the tenant's stored assessment configuration and pinned baseline,
// the assessment runs stored per snapshot, the drift timeline against the baseline, and Secure Score trends.
// Every query is confined to the route's workspace: another workspace's ids answer 404 exactly as missing ones.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { positionCursor, readPositionCursor, readSequenceCursor, sequenceCursor } from '../../platform/http/list-cursor.js';
import { ListQuery } from '../../contract/common-schemas.js';
import { TenantParams } from '../../contract/compliance-schemas.js';
import {
  AssessmentConfigBody,
  AssessmentRunDetail,
  AssessmentRunList,
  AssessmentRunParams,
  AssessmentRunQuery,
  DriftEventList,
  DriftEventQuery,
  PinBaselineBody,
  TenantAssessmentConfig,
  TenantBaseline,
  TenantSecureScoreTrend,
  WorkspaceParams,
  WorkspaceSecureScoreTrend,
  type AssessmentRunSummary,
} from '../../contract/compliance-drift-schemas.js';
import { underBody } from './body-errors.js';
import { driftEventResource, measureDrift, type SnapshotHookDeps } from './after-snapshot.js';
import { loadAssessmentConfig, saveAssessmentConfig } from './assessment-config-store.js';
import { listAssessmentRuns, loadAssessmentRun, type AssessmentRun } from './assessment-runs.js';
import { loadBaseline, saveBaseline } from './baselines.js';
import { closeDriftForNewBaseline, listDriftEvents } from './drift-events.js';
import { parseAssessmentConfig } from './rules/assessment-config.js';
import { secureScoreHistory } from './secure-score-history.js';
import { listSnapshots, loadSnapshot } from './snapshot-store.js';

const tags = ['compliance'];
const COMPLIANCE = '/api/v1/workspaces/:workspaceId/compliance';
const TENANT = `${COMPLIANCE}/tenants/:tenantId`;

const runResource = (r: AssessmentRun): AssessmentRunSummary => ({
  id: r.id,
  tenantId: r.tenantId,
  snapshotId: r.snapshotId,
  snapshotSequence: r.snapshotSequence,
  previousRunId: r.previousRunId,
  summary: r.summary,
  newlyFailing: r.newlyFailing,
  fixed: r.fixed,
  createdAt: r.createdAt.toISOString(),
});

export function registerDriftRoutes(server: FastifyInstance, deps: SnapshotHookDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const tenantOf = (params: { tenantId: string }) => params.tenantId.toLowerCase();

  api.get(
    `${TENANT}/assessment-config`,
    { config: { access: 'workspace_member' }, schema: { tags, summary: 'The tenant\'s assessment configuration (ScubaGear-shaped exclusions) used by every stored run', params: TenantParams, response: { 200: TenantAssessmentConfig } } },
    async (request) => {
      const tenantId = tenantOf(request.params);
      const { config, updatedAt } = await loadAssessmentConfig(deps.db, workspaceOf(request).id, tenantId);
      return { tenantId, config: config as Record<string, unknown>, updatedAt: updatedAt?.toISOString() ?? null };
    },
  );

  api.put(
    `${TENANT}/assessment-config`,
    {
      config: { access: 'workspace_admin' },
      schema: {
        tags,
        summary: 'Store the tenant\'s assessment configuration (ScubaGear\'s CapExclusions / RoleExclusions shape); the next snapshot\'s run uses it',
        params: TenantParams,
        body: AssessmentConfigBody,
        response: { 200: TenantAssessmentConfig },
      },
    },
    async (request) => {
      const tenantId = tenantOf(request.params);
      let config;
      try {
        config = parseAssessmentConfig(request.body);
      } catch (error) {
        throw underBody(error, '/body');
      }
      const now = deps.clock.now();
      await saveAssessmentConfig(deps.db, workspaceOf(request).id, tenantId, config, now);
      return { tenantId, config: config as Record<string, unknown>, updatedAt: now.toISOString() };
    },
  );

  api.get(
    `${TENANT}/baseline`,
    { config: { access: 'workspace_member' }, schema: { tags, summary: 'The snapshot pinned as the tenant\'s baseline (drift is measured against it)', params: TenantParams, response: { 200: TenantBaseline } } },
    async (request) => {
      const tenantId = tenantOf(request.params);
      const baseline = await loadBaseline(deps.db, workspaceOf(request).id, tenantId);
      return { tenantId, snapshotId: baseline?.snapshotId ?? null, pinnedAt: baseline?.pinnedAt.toISOString() ?? null };
    },
  );

  api.put(
    `${TENANT}/baseline`,
    {
      config: { access: 'workspace_admin' },
      schema: {
        tags,
        summary: 'Pin a snapshot of the tenant as its baseline; drift against the previous baseline closes and the newest snapshot is measured against this one',
        params: TenantParams,
        body: PinBaselineBody,
        response: { 200: TenantBaseline },
      },
    },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      const tenantId = tenantOf(request.params);
      const pinned = await loadSnapshot(deps.db, workspaceId, request.body.snapshotId);
      if (!pinned) throw new HttpProblem('not_found', { detail: 'No such snapshot in this workspace.' });
      if (pinned.stored.tenantId !== tenantId) {
        throw new HttpProblem('baseline_of_another_tenant', {
          detail: `Snapshot ${pinned.stored.id} is of tenant ${pinned.stored.tenantId}, not ${tenantId}; pin one of this tenant's snapshots (GET …/compliance/tenants/${tenantId}/snapshots).`,
          errors: [{ pointer: '/body/snapshotId', detail: 'is a snapshot of another tenant' }],
        });
      }
      const now = deps.clock.now();
      const newest = (await listSnapshots(deps.db, workspaceId, tenantId)).at(-1);
      await deps.db.transaction().execute(async (trx) => {
        await closeDriftForNewBaseline(trx, workspaceId, tenantId, now);
        await saveBaseline(trx, workspaceId, tenantId, pinned.stored.id, now);
        const current = newest && newest.id !== pinned.stored.id ? await loadSnapshot(trx, workspaceId, newest.id) : undefined;
        if (current) await measureDrift(deps, trx, { workspaceId, ...current });
      });
      return { tenantId, snapshotId: pinned.stored.id, pinnedAt: now.toISOString() };
    },
  );

  api.get(
    `${TENANT}/drift-events`,
    {
      config: { access: 'workspace_member' },
      schema: {
        tags,
        summary: 'The tenant\'s drift from its baseline as a timeline, oldest first: what changed (field paths, baseline and newest values, names), first seen, resolved',
        params: TenantParams,
        querystring: DriftEventQuery,
        response: { 200: DriftEventList },
      },
    },
    async (request) => {
      const after = readPositionCursor(request.query.cursor);
      const page = await listDriftEvents(deps.db, workspaceOf(request).id, tenantOf(request.params), {
        limit: request.query.limit ?? 50,
        ...(after ? { after } : {}),
        ...(request.query.status ? { status: request.query.status } : {}),
      });
      return { items: page.items.map(driftEventResource), nextCursor: positionCursor(page.next) };
    },
  );

  api.get(
    `${TENANT}/assessment-runs`,
    {
      config: { access: 'workspace_member' },
      schema: { tags, summary: 'The assessment runs stored as snapshots arrived, oldest first, each compared with the run before it', params: TenantParams, querystring: ListQuery, response: { 200: AssessmentRunList } },
    },
    async (request) => {
      const afterSequence = readSequenceCursor(request.query.cursor);
      const page = await listAssessmentRuns(deps.db, workspaceOf(request).id, tenantOf(request.params), { limit: request.query.limit ?? 50, ...(afterSequence ? { afterSequence } : {}) });
      return { items: page.items.map(runResource), nextCursor: sequenceCursor(page.next) };
    },
  );

  api.get(
    `${COMPLIANCE}/assessment-runs/:runId`,
    {
      config: { access: 'workspace_member' },
      schema: { tags, summary: 'One stored assessment run with its results, optionally only one severity and/or outcome', params: AssessmentRunParams, querystring: AssessmentRunQuery, response: { 200: AssessmentRunDetail } },
    },
    async (request) => {
      const run = await loadAssessmentRun(deps.db, workspaceOf(request).id, request.params.runId);
      if (!run) throw new HttpProblem('not_found', { detail: 'No such assessment run in this workspace.' });
      const { severity, status } = request.query;
      const results = run.results.filter((r) => (!severity || r.severity === severity) && (!status || r.result === status));
      return { ...runResource(run), results };
    },
  );

  api.get(
    `${TENANT}/secure-score-trend`,
    { config: { access: 'workspace_member' }, schema: { tags, summary: 'The tenant\'s Microsoft Secure Score per day, from every snapshot of its chain', params: TenantParams, response: { 200: TenantSecureScoreTrend } } },
    async (request) => {
      const tenantId = tenantOf(request.params);
      const [trend] = await secureScoreHistory(deps.db, workspaceOf(request).id, tenantId);
      return trend ?? { tenantId, points: [] };
    },
  );

  api.get(
    `${COMPLIANCE}/secure-score-trend`,
    { config: { access: 'workspace_member' }, schema: { tags, summary: 'Microsoft Secure Score per day of every tenant of the workspace', params: WorkspaceParams, response: { 200: WorkspaceSecureScoreTrend } } },
    async (request) => ({ tenants: await secureScoreHistory(deps.db, workspaceOf(request).id) }),
  );
}
