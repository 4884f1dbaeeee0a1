// Access reviews and the evidence bundle of a workspace's tenants. Every query is confined to the route's
// workspace: another workspace's campaign, snapshot or tenant reads as missing (404).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { auditContextOf, principalOf, workspaceOf } from '../../platform/http/authenticate.js';
import { actorOf } from '../../platform/http/principal.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { TenantParams } from '../../contract/compliance-schemas.js';
import {
  Campaign,
  CampaignExportQuery,
  CampaignList,
  CampaignParams,
  CreateCampaignBody,
  Decision,
  DecisionBody,
  DecisionParams,
  EvidenceQuery,
  ExportQuery,
  ReviewsParams,
  SnapshotChainList,
} from '../../contract/access-review-schemas.js';
import { csvStream, jsonStream, type ExportRow } from './access-review-format.js';
import { accessReviewRows, type AccessReviewFilter } from './access-review-rows.js';
import { closeCampaign, createCampaign, decide, decisionsOf, findCampaign, listCampaigns, type Campaign as StoredCampaign } from './access-review-store.js';
import { recordAudit } from '../audit/index.js';
import { evidenceBundle } from './evidence-bundle.js';
import { listChains, listSnapshots, loadSnapshot } from './snapshot-store.js';

export interface AccessReviewRouteDeps {
  db: Kysely<Database>;
  clock: Clock;
}

const tags = ['compliance'];
const TENANT = '/api/v1/workspaces/:workspaceId/compliance/tenants/:tenantId';
const REVIEWS = '/api/v1/workspaces/:workspaceId/compliance/access-reviews';
const REVIEW = `${REVIEWS}/:campaignId`;
const fileBody = (type: string, description: string) => ({ description, content: { [type]: { schema: { type: 'string', format: 'binary' } } } });

function filterFromQuery(q: { userType?: 'Member' | 'Guest'; enabled?: string; withoutMfa?: string; privileged?: string }): AccessReviewFilter {
  const flag = (v: string | undefined) => (v === undefined ? undefined : v === 'true');
  const filter: AccessReviewFilter = {};
  if (q.userType) filter.userType = q.userType;
  for (const key of ['enabled', 'withoutMfa', 'privileged'] as const) {
    const value = flag(q[key]);
    if (value !== undefined) filter[key] = value;
  }
  return filter;
}

function sendFile(reply: FastifyReply, stream: Readable, type: string, filename: string) {
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(stream as never);
}

export function registerAccessReviewRoutes(server: FastifyInstance, deps: AccessReviewRouteDeps): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();

  const latestSnapshot = async (workspaceId: string, tenantId: string) => {
    const chain = await listSnapshots(deps.db, workspaceId, tenantId);
    const last = chain.at(-1);
    const loaded = last ? await loadSnapshot(deps.db, workspaceId, last.id) : undefined;
    if (!loaded) throw new HttpProblem('not_found', { detail: 'This tenant has no snapshot in this workspace yet; sync or import one, then review its users.' });
    return loaded;
  };

  const campaignOf = async (workspaceId: string, campaignId: string) => {
    const campaign = await findCampaign(deps.db, workspaceId, campaignId);
    if (!campaign) throw new HttpProblem('not_found', { detail: 'No such access review in this workspace.' });
    return campaign;
  };

  const rowsOf = async (workspaceId: string, campaign: StoredCampaign) => {
    const loaded = await loadSnapshot(deps.db, workspaceId, campaign.snapshotId);
    if (!loaded) throw new HttpProblem('not_found', { detail: 'The snapshot this access review was made from no longer exists.' });
    return loaded;
  };

  api.get(
    '/api/v1/workspaces/:workspaceId/compliance/chains',
    {
      config: { access: 'workspace_member' },
      schema: { tags, summary: 'The tenants with snapshots in this workspace: how many, the newest and its hash', params: ReviewsParams, response: { 200: SnapshotChainList } },
    },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      const items = [];
      for (const { tenantId } of await listChains(deps.db, { workspaceId })) {
        const chain = await listSnapshots(deps.db, workspaceId, tenantId);
        const head = chain.at(-1);
        if (head) items.push({ tenantId, snapshots: chain.length, lastCollectedAt: head.collectedAt.toISOString(), headSnapshotId: head.id, headHash: head.hash });
      }
      return { items };
    },
  );

  api.get(
    `${TENANT}/access-review`,
    {
      config: { access: 'workspace_member' },
      schema: {
        tags,
        summary: "The tenant's users for an access review, from its newest snapshot: enabled, member/guest, last sign-in, MFA methods, licences, transitive groups, directory roles (streamed CSV or JSON)",
        params: TenantParams,
        querystring: ExportQuery,
        response: { 200: fileBody('text/csv', 'CSV (RFC 4180) or, with format=json, { snapshotId, items }') },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const tenantId = request.params.tenantId.toLowerCase();
      const { stored, snapshot } = await latestSnapshot(workspaceId, tenantId);
      const rows = accessReviewRows(snapshot, filterFromQuery(request.query));
      const base = `access-review-${tenantId}-${stored.sequence}`;
      return request.query.format === 'json'
        ? sendFile(reply, jsonStream(rows, { snapshotId: stored.id, collectedAt: stored.collectedAt.toISOString() }), 'application/json', `${base}.json`)
        : sendFile(reply, csvStream(rows, false), 'text/csv; charset=utf-8', `${base}.csv`);
    },
  );

  api.post(
    REVIEWS,
    {
      config: { access: 'workspace_admin' },
      schema: { tags, summary: "Start an access review of a tenant's users as of a snapshot (the newest unless named)", params: ReviewsParams, body: CreateCampaignBody, response: { 201: Campaign } },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const tenantId = request.body.tenantId.toLowerCase();
      let snapshotId: string;
      if (request.body.snapshotId) {
        const named = await loadSnapshot(deps.db, workspaceId, request.body.snapshotId);
        if (!named || named.stored.tenantId !== tenantId) throw new HttpProblem('not_found', { detail: 'No such snapshot of this tenant in this workspace.' });
        snapshotId = named.stored.id;
      } else snapshotId = (await latestSnapshot(workspaceId, tenantId)).stored.id;
      const filter = request.body.filter ?? {};
      const { snapshot } = (await loadSnapshot(deps.db, workspaceId, snapshotId))!;
      // Counted once: the snapshot never changes, so listing reviews never reloads it.
      let rows = 0;
      for (const chosen = accessReviewRows(snapshot, filter); !chosen.next().done; ) rows++;
      const campaign = await createCampaign(deps.db, {
        workspaceId,
        tenantId,
        snapshotId,
        name: request.body.name,
        filter,
        rows,
        createdBy: actorOf(principalOf(request)).label,
        at: deps.clock.now(),
      });
      await recordAudit(deps.db, { workspaceId, ...auditContextOf(request, deps.clock), action: 'access_review.created', target: { type: 'access_review', id: campaign.id }, data: { tenantId, snapshotId, filter: campaign.filter } });
      return reply.code(201).send(campaign);
    },
  );

  api.get(
    REVIEWS,
    { config: { access: 'workspace_member' }, schema: { tags, summary: "The workspace's access reviews, newest first", params: ReviewsParams, response: { 200: CampaignList } } },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      return { items: await listCampaigns(deps.db, workspaceId) };
    },
  );

  api.get(
    REVIEW,
    { config: { access: 'workspace_member' }, schema: { tags, summary: 'One access review with its progress', params: CampaignParams, response: { 200: Campaign } } },
    async (request) => {
      return campaignOf(workspaceOf(request).id, request.params.campaignId);
    },
  );

  api.put(
    `${REVIEW}/decisions/:userId`,
    {
      config: { access: 'workspace_member' },
      schema: { tags, summary: "A reviewer's keep or remove decision on one user, with a comment (replaces an earlier one while the review is open)", params: DecisionParams, body: DecisionBody, response: { 200: Decision } },
    },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      const campaign = await campaignOf(workspaceId, request.params.campaignId);
      const { snapshot } = await rowsOf(workspaceId, campaign);
      const userId = request.params.userId;
      let underReview = false;
      for (const row of accessReviewRows(snapshot, campaign.filter)) if (row.userId === userId) underReview = true;
      if (!underReview) throw new HttpProblem('not_found', { detail: 'This user is not under review in this access review; decide only on users its export lists.' });
      const decision = { decision: request.body.decision, comment: request.body.comment ?? '', decidedBy: actorOf(principalOf(request)).label, decidedAt: deps.clock.now().toISOString() };
      if (!(await decide(deps.db, campaign.id, userId, decision))) {
        throw new HttpProblem('conflict', { detail: 'This access review is closed; its decisions are final. Start a new review to decide again.' });
      }
      // The decision is the review's own record; the audit log says who decided on whom (the comment stays in the review).
      await recordAudit(deps.db, { workspaceId, ...auditContextOf(request, deps.clock), action: 'access_review.decided', target: { type: 'access_review', id: campaign.id }, data: { userId, decision: decision.decision } });
      return { userId, ...decision };
    },
  );

  api.post(
    `${REVIEW}/close`,
    { config: { access: 'workspace_admin' }, schema: { tags, summary: 'Close an access review: its decisions become final', params: CampaignParams, response: { 200: Campaign } } },
    async (request) => {
      const workspaceId = workspaceOf(request).id;
      const campaign = await campaignOf(workspaceId, request.params.campaignId);
      if (!(await closeCampaign(deps.db, workspaceId, campaign.id, actorOf(principalOf(request)).label, deps.clock.now()))) {
        throw new HttpProblem('conflict', { detail: 'This access review is already closed.' });
      }
      await recordAudit(deps.db, { workspaceId, ...auditContextOf(request, deps.clock), action: 'access_review.closed', target: { type: 'access_review', id: campaign.id } });
      return campaignOf(workspaceId, campaign.id);
    },
  );

  api.get(
    `${REVIEW}/export`,
    {
      config: { access: 'workspace_member' },
      schema: { tags, summary: "The review's rows with each decision, comment, reviewer and time (streamed CSV or JSON)", params: CampaignParams, querystring: CampaignExportQuery, response: { 200: fileBody('text/csv', 'CSV or, with format=json, { campaign, items }') } },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const campaign = await campaignOf(workspaceId, request.params.campaignId);
      const { snapshot } = await rowsOf(workspaceId, campaign);
      const decisions = await decisionsOf(deps.db, campaign.id);
      function* rows(): Generator<ExportRow> {
        for (const row of accessReviewRows(snapshot, campaign.filter)) yield { ...row, decision: decisions.get(row.userId) ?? null };
      }
      const base = `access-review-${campaign.id}`;
      return request.query.format === 'json'
        ? sendFile(reply, jsonStream(rows(), { campaign }), 'application/json', `${base}.json`)
        : sendFile(reply, csvStream(rows(), true), 'text/csv; charset=utf-8', `${base}.csv`);
    },
  );

  api.get(
    `${TENANT}/evidence`,
    {
      config: { access: 'workspace_member' },
      schema: {
        tags,
        summary: "An evidence bundle (zip): the tenant's newest snapshots, their assessments, the hash-chain proof and a self-contained HTML report",
        params: TenantParams,
        querystring: EvidenceQuery,
        response: { 200: fileBody('application/zip', 'a zip archive') },
      },
    },
    async (request, reply) => {
      const workspaceId = workspaceOf(request).id;
      const tenantId = request.params.tenantId.toLowerCase();
      const now = deps.clock.now();
      const zip = await evidenceBundle(deps.db, { workspaceId, tenantId, snapshots: request.query.snapshots ?? 10, config: {}, now });
      if (!zip) throw new HttpProblem('not_found', { detail: 'This tenant has no snapshot in this workspace yet; sync or import one before exporting evidence.' });
      return sendFile(reply, zip, 'application/zip', `evidence-${tenantId}-${now.toISOString().slice(0, 10)}.zip`);
    },
  );
}
