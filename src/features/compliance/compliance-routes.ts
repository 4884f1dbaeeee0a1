// Compliance snapshots and assessments of a workspace's tenants. Every query is confined to the route's workspace:
// another workspace's snapshot id answers 404 exactly as a missing one.
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import type { EventPublisher } from '../../platform/events/event-publisher.js';
import { workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { readSequenceCursor, sequenceCursor } from '../../platform/http/list-cursor.js';
import { ListQuery } from '../../contract/common-schemas.js';
import {
  AssessBody,
  Assessment,
  ChainVerification,
  DiffQuery,
  SnapshotDiff,
  SnapshotDocument,
  SnapshotList,
  SnapshotParams,
  SnapshotSummary,
  TenantParams,
  type SnapshotSummary as SnapshotSummaryResource,
} from '../../contract/compliance-schemas.js';
import { underBody } from './body-errors.js';
import { assessSnapshot, compareResults, summarise } from './assess.js';
import { parseAssessmentConfig } from './rules/assessment-config.js';
import { diffSnapshots } from './snapshot-diff.js';
import { parseSnapshot } from './snapshot-file.js';
import { afterSnapshotAppended } from './after-snapshot.js';
import type { ComplianceEventType } from './events.js';
import { appendSnapshot, listSnapshots, loadSnapshot, verifyChain, type StoredSnapshot } from './snapshot-store.js';

export interface ComplianceRouteDeps {
  db: Kysely<Database>;
  clock: Clock;
  /** Announces drift found when a snapshot arrives (afterSnapshotAppended). */
  events?: EventPublisher<ComplianceEventType> | undefined;
}

const tags = ['compliance'];
const TENANT = '/api/v1/workspaces/:workspaceId/compliance/tenants/:tenantId';
const SNAPSHOT = '/api/v1/workspaces/:workspaceId/compliance/snapshots/:snapshotId';
/** A 100,000-user directory area is tens of megabytes of JSON. */
const SNAPSHOT_BODY_LIMIT = 64 * 1024 * 1024;

const summaryResource = (s: StoredSnapshot): SnapshotSummaryResource => ({
  id: s.id,
  tenantId: s.tenantId,
  sequence: s.sequence,
  collectedAt: s.collectedAt.toISOString(),
  hash: s.hash,
  previousHash: s.previousHash,
  areas: s.areas,
  faults: (s.faults ?? {}) as SnapshotSummaryResource['faults'],
});

export function registerComplianceRoutes(server: FastifyInstance, deps: ComplianceRouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    `${TENANT}/snapshots`,
    {
      config: { access: 'workspace_admin' },
      bodyLimit: SNAPSHOT_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Import a snapshot in the hub\'s format (e.g. one collected elsewhere); it joins the tenant\'s hash chain',
        params: TenantParams,
        body: SnapshotDocument,
        response: { 201: SnapshotSummary },
      },
    },
    async (request, reply) => {
      let snapshot;
      try {
        snapshot = parseSnapshot(request.body);
      } catch (error) {
        throw underBody(error, '/body');
      }
      const collectedAt = snapshot.collectedAt ? new Date(snapshot.collectedAt) : deps.clock.now();
      const workspaceId = workspaceOf(request).id;
      const stored = await appendSnapshot(deps.db, { workspaceId, tenantId: request.params.tenantId.toLowerCase(), collectedAt, snapshot });
      await afterSnapshotAppended(deps, { workspaceId, stored });
      return reply.code(201).send(summaryResource(stored));
    },
  );

  api.get(
    `${TENANT}/snapshots`,
    {
      config: { access: 'workspace_member' },
      schema: { tags, summary: 'The tenant\'s snapshots, oldest first (the order of the hash chain)', params: TenantParams, querystring: ListQuery, response: { 200: SnapshotList } },
    },
    async (request) => {
      const all = await listSnapshots(deps.db, workspaceOf(request).id, request.params.tenantId.toLowerCase());
      const after = readSequenceCursor(request.query.cursor) ?? 0;
      const limit = request.query.limit ?? 50;
      const page = all.filter((s) => s.sequence > after).slice(0, limit);
      const last = page.at(-1);
      return { items: page.map(summaryResource), nextCursor: last && all.some((s) => s.sequence > last.sequence) ? sequenceCursor(last.sequence) : null };
    },
  );

  api.get(
    `${TENANT}/snapshots/verify`,
    {
      config: { access: 'workspace_member' },
      schema: {
        tags,
        summary: 'Recompute the tenant\'s hash chain from the stored bytes; names the first broken link',
        params: TenantParams,
        response: { 200: ChainVerification },
      },
    },
    async (request) => verifyChain(deps.db, workspaceOf(request).id, request.params.tenantId.toLowerCase()),
  );

  const found = async (workspaceId: string, snapshotId: string) => {
    const snapshot = await loadSnapshot(deps.db, workspaceId, snapshotId);
    if (!snapshot) throw new HttpProblem('not_found', { detail: 'No such snapshot in this workspace.' });
    return snapshot;
  };

  const previousInChain = async (workspaceId: string, snapshot: StoredSnapshot) => {
    const chain = await listSnapshots(deps.db, workspaceId, snapshot.tenantId);
    const previous = chain.find((s) => s.sequence === snapshot.sequence - 1);
    return previous ? found(workspaceId, previous.id) : undefined;
  };

  api.get(
    SNAPSHOT,
    {
      config: { access: 'workspace_member' },
      schema: { tags, summary: 'One snapshot in the hub\'s format (what `m365hub assess --snapshot` reads)', params: SnapshotParams, response: { 200: SnapshotDocument } },
    },
    async (request) => (await found(workspaceOf(request).id, request.params.snapshotId)).snapshot,
  );

  api.post(
    `${SNAPSHOT}/assessment`,
    {
      config: { access: 'workspace_member' },
      schema: {
        tags,
        summary: 'Assess a snapshot against the SCuBA Entra ID baseline and the hub\'s checks (nothing is changed)',
        params: SnapshotParams,
        body: AssessBody,
        response: { 200: Assessment },
      },
    },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      const { stored, snapshot } = await found(workspaceId, request.params.snapshotId);
      let config;
      try {
        config = parseAssessmentConfig(request.body.config);
      } catch (error) {
        throw underBody(error, '/body/config');
      }
      const results = assessSnapshot(snapshot, config);
      const previous = await previousInChain(workspaceId, stored);
      const comparedWith = previous
        ? { snapshotId: previous.stored.id, ...compareResults(assessSnapshot(previous.snapshot, config), results) }
        : null;
      return { snapshotId: request.params.snapshotId, summary: summarise(results), results, comparedWith };
    },
  );

  api.get(
    `${SNAPSHOT}/diff`,
    {
      config: { access: 'workspace_member' },
      schema: {
        tags,
        summary: 'What changed from an older snapshot of the same tenant to this one (objects added, removed, changed, with field paths)',
        params: SnapshotParams,
        querystring: DiffQuery,
        response: { 200: SnapshotDiff },
      },
    },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      const to = await found(workspaceId, request.params.snapshotId);
      const from = request.query.from ? await found(workspaceId, request.query.from) : await previousInChain(workspaceId, to.stored);
      const fromId = from?.stored.id ?? null;
      if (from && from.stored.tenantId !== to.stored.tenantId) {
        throw new HttpProblem('not_found', { detail: 'The snapshot named in from belongs to another tenant; compare snapshots of one tenant.' });
      }
      const empty = { format: to.snapshot.format, version: to.snapshot.version, areas: {} } as const;
      return { fromSnapshotId: fromId, toSnapshotId: to.stored.id, changes: diffSnapshots(from?.snapshot ?? empty, to.snapshot) };
    },
  );
}
