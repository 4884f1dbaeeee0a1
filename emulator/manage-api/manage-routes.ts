// The Office 365 Management Activity API (https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-reference)
// on the emulator's port, at the paths manage.office.com serves:
//   POST /api/v1.0/{tenant}/activity/feed/subscriptions/start?contentType=…   (optional body: {"webhook": {...}})
//   POST /api/v1.0/{tenant}/activity/feed/subscriptions/stop?contentType=…
//   GET  /api/v1.0/{tenant}/activity/feed/subscriptions/list
//   GET  /api/v1.0/{tenant}/activity/feed/subscriptions/content?contentType=…[&startTime=…&endTime=…][&nextPage=…]
//   GET  /api/v1.0/{tenant}/activity/feed/audit/{contentId}
// Tokens: `aud` https://manage.office.com, the path's tenant the token's, and ActivityFeed.Read in `roles` (app-only)
// or `scp` (delegated). Content is listed only for an enabled subscription (AF20022), over at most 24 hours within
// the last 7 days (the last 24 hours when no window is given), paged with a NextPageUri header. Webhooks are kept as
// given but nothing is ever posted to them.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authenticateGraphRequest, type GraphCaller } from '../graph/access-token.js';
import { GraphError } from '../graph/graph-errors.js';
import { fileSystemOf } from '../graph/files/file-system.js';
import { managementResourceUri } from '../identity/hosted-resources.js';
import type { EmulatorContext } from '../server/emulator-context.js';
import { onEmulatorReset } from '../graph/reset-hooks.js';
import { apiTime, AuditLog, CONTENT_RETENTION_MS, isContentType, type ContentType } from './audit-log.js';
import { ManageError, manageErrors } from './manage-errors.js';

const FEED = '/api/v1.0/:tenant/activity/feed';
const DAY_MS = 86_400_000;
/** Blobs per page of subscriptions/content before a NextPageUri. */
export const CONTENT_PAGE_SIZE = 100;

type Params = { tenant: string; contentId?: string };
type Req = FastifyRequest<{ Params: Params; Querystring: Record<string, string | undefined> }>;

/** The audit log of a running emulator, fed by the directory and the file system. */
export function auditLogOf(ctx: EmulatorContext): AuditLog {
  let log = logs.get(ctx);
  if (!log) {
    const created = new AuditLog(ctx.directory, () => ctx.clock.now());
    log = created;
    logs.set(ctx, created);
    ctx.directory.onChange((change) => created.directoryChanged(change));
    const files = fileSystemOf(ctx);
    files.onCommit.push((record, owner, tenant) => created.fileCommitted(record, owner, tenant, files.tree(owner, tenant).pathOf(record.id)));
    onEmulatorReset(ctx, () => created.clear());
  }
  return log;
}
const logs = new WeakMap<EmulatorContext, AuditLog>();

async function authenticate(ctx: EmulatorContext, request: Req): Promise<GraphCaller> {
  let caller: GraphCaller;
  try {
    caller = await authenticateGraphRequest(ctx, request.headers.authorization, ctx.origin(request), [managementResourceUri, `${managementResourceUri}/`]);
  } catch (error) {
    if (error instanceof GraphError) throw new ManageError(401, '', 'Authorization has been denied for this request.');
    throw error;
  }
  const pathTenant = request.params.tenant.toLowerCase();
  if (caller.tenantId !== pathTenant) throw manageErrors.tenantMismatch(request.params.tenant, caller.tenantId);
  if (!caller.permissions.some((p) => /^ActivityFeed\.Read(Dlp)?$/i.test(p))) throw manageErrors.missingPermission(caller.permissions.join(','));
  return caller;
}

function contentTypeParam(request: Req): ContentType {
  const value = request.query.contentType;
  if (!value) throw manageErrors.missingParameter('contentType');
  if (!isContentType(value)) throw manageErrors.invalidContentType();
  return value;
}

/** startTime/endTime: both or neither, at most 24 hours apart, start within the last 7 days. */
function window(request: Req, now: number): { start: number; end: number } {
  const { startTime, endTime } = request.query;
  if (startTime === undefined && endTime === undefined) return { start: now - DAY_MS, end: now };
  if (startTime === undefined || endTime === undefined) throw manageErrors.invalidTimeWindow();
  const parse = (value: string) => Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value}Z`);
  const start = parse(startTime);
  const end = parse(endTime);
  if (Number.isNaN(start) || Number.isNaN(end)) throw manageErrors.invalidTimeSyntax();
  if (end < start || end - start > DAY_MS) throw manageErrors.invalidTimeWindow();
  if (start < now - CONTENT_RETENTION_MS) throw manageErrors.startTooOld();
  return { start, end };
}

export function registerManageRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const log = auditLogOf(ctx);

  const route = (method: 'GET' | 'POST', path: string, handler: (request: Req, caller: GraphCaller) => unknown) =>
    app.route({
      method,
      url: `${FEED}${path}`,
      handler: async (request: Req, reply: FastifyReply) => {
        reply.header('request-id', request.trace.traceId);
        try {
          const caller = await authenticate(ctx, request);
          Object.assign(request.protocolOutcome, { clientId: caller.appId, tenant: caller.tenantId });
          const answer = handler(request, caller);
          if (answer instanceof Answer) {
            reply.code(answer.status).headers(answer.headers);
            return answer.body === undefined ? reply.send() : reply.type('application/json; charset=utf-8').send(answer.body);
          }
          return reply.type('application/json; charset=utf-8').send(answer);
        } catch (error) {
          if (!(error instanceof ManageError)) throw error;
          request.protocolOutcome.error = error.code || 'unauthorized';
          const body = error.code ? { error: { code: error.code, message: error.message } } : { Message: error.message };
          return reply.code(error.status).type('application/json; charset=utf-8').send(body);
        }
      },
    });

  route('POST', '/subscriptions/start', (request) => {
    const contentType = contentTypeParam(request);
    const subscriptions = log.subscriptionsOf(request.params.tenant.toLowerCase());
    const webhook = (parseBody(request.body) as { webhook?: Record<string, unknown> } | undefined)?.webhook;
    const existing = subscriptions.get(contentType);
    if (existing?.status === 'enabled' && webhook === undefined) throw manageErrors.alreadyEnabled();
    const subscription = { contentType, status: 'enabled' as const, webhook: webhook ? { status: 'enabled', address: webhook.address ?? null, authId: webhook.authId ?? null, expiration: webhook.expiration ?? null } : (existing?.webhook ?? null) };
    subscriptions.set(contentType, subscription);
    return subscription;
  });

  route('POST', '/subscriptions/stop', (request) => {
    const contentType = contentTypeParam(request);
    const existing = log.subscriptionsOf(request.params.tenant.toLowerCase()).get(contentType);
    if (existing?.status !== 'enabled') throw manageErrors.noSubscription();
    existing.status = 'disabled';
    return new Answer(200);
  });

  route('GET', '/subscriptions/list', (request) => [...log.subscriptionsOf(request.params.tenant.toLowerCase()).values()]);

  route('GET', '/subscriptions/content', (request) => {
    const tenantId = request.params.tenant.toLowerCase();
    const contentType = contentTypeParam(request);
    if (log.subscriptionsOf(tenantId).get(contentType)?.status !== 'enabled') throw manageErrors.noSubscription();
    const now = ctx.clock.now();
    const { start, end } = window(request, now);
    const skip = request.query.nextPage === undefined ? 0 : Number(request.query.nextPage);
    if (!Number.isInteger(skip) || skip < 0) throw manageErrors.invalidNextPage(String(request.query.nextPage));
    const origin = ctx.origin(request);
    const listed = log.blobs(tenantId, contentType).filter((b) => b.createdMs >= start && b.createdMs < end && b.createdMs > now - CONTENT_RETENTION_MS);
    const page = listed.slice(skip, skip + CONTENT_PAGE_SIZE).map((b) => ({
      contentType,
      contentId: b.contentId,
      contentUri: `${origin}/api/v1.0/${tenantId}/activity/feed/audit/${b.contentId}`,
      contentCreated: `${apiTime(b.createdMs)}.000Z`,
      contentExpiration: `${apiTime(b.createdMs + CONTENT_RETENTION_MS)}.000Z`,
    }));
    const headers: Record<string, string> = {};
    if (skip + CONTENT_PAGE_SIZE < listed.length) {
      const next = new URLSearchParams({ contentType, startTime: apiTime(start), endTime: apiTime(end), nextPage: String(skip + CONTENT_PAGE_SIZE) });
      headers.NextPageUri = `${origin}/api/v1.0/${tenantId}/activity/feed/subscriptions/content?${next.toString()}`;
    }
    return new Answer(200, page, headers);
  });

  route('GET', '/audit/:contentId', (request) => {
    const tenantId = request.params.tenant.toLowerCase();
    const contentId = request.params.contentId!;
    const blob = log.blob(tenantId, contentId);
    if (!blob) throw manageErrors.contentNotFound(contentId);
    if (blob.createdMs <= ctx.clock.now() - CONTENT_RETENTION_MS) throw manageErrors.contentExpired(contentId);
    return blob.records;
  });
}

class Answer {
  constructor(
    readonly status: number,
    readonly body?: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** The emulator keeps bodies as text (its `*` parser); an empty or non-JSON start body means no webhook. */
function parseBody(body: unknown): unknown {
  if (typeof body !== 'string' || !body.trim()) return typeof body === 'object' ? body : undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}
