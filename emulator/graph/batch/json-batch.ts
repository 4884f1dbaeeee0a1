// JSON batching (https://learn.microsoft.com/graph/json-batching; samples in /work/shared/microsoft/graph/batch.json):
// POST /v1.0/$batch {requests: [{id, method, url, headers?, body?, dependsOn?}]} with at most 20 requests and unique
// ids answers 200 {responses: [{id, status, headers, body}]}. Each request runs through the emulator's own Graph
// pipeline (Fastify inject) with the batch's Authorization, so it is authenticated, permission-checked, logged and
// subject to injected faults like a direct call: a fault rule on an item's path gives that item its 429 and
// Retry-After. Requests without dependsOn run concurrently; a request runs after the ones it depends on, and
// answers 424 Failed Dependency when one of them failed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EmulatorContext } from '../../server/emulator-context.js';
import { authenticateGraphRequest } from '../access-token.js';
import { GraphError, graphErrorBody, graphErrors, graphJson, sendGraphError } from '../graph-errors.js';
import { graphTrace } from '../graph-router.js';

export const maxBatchRequests = 20;

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

interface BatchResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

const kept = ['content-type', 'location', 'retry-after', 'cache-control', 'etag'];

function parseItems(body: unknown): BatchItem[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests) || requests.length === 0) throw graphErrors.badRequest('Invalid batch payload format: the body must be {"requests": [...]} with at least one request.');
  if (requests.length > maxBatchRequests) throw graphErrors.badRequest(`The number of batch requests exceeds the limit of ${maxBatchRequests}.`);
  const ids = new Set<string>();
  return requests.map((raw: unknown) => {
    const item = raw as Partial<BatchItem>;
    if (typeof item?.id !== 'string' || typeof item.method !== 'string' || typeof item.url !== 'string') {
      throw graphErrors.badRequest('Invalid batch payload format: every request needs an id, a method and a url.');
    }
    if (ids.has(item.id)) throw graphErrors.badRequest(`Batch request id '${item.id}' is used more than once; ids must be unique.`);
    // A request may depend only on requests listed before it (as in the page's example), so there is no cycle.
    const unknown = (item.dependsOn ?? []).find((id) => !ids.has(id));
    if (unknown !== undefined) throw graphErrors.badRequest(`Batch request '${item.id}' depends on '${unknown}', which is not a request listed before it.`);
    ids.add(item.id);
    if (item.body !== undefined && !Object.keys(item.headers ?? {}).some((h) => h.toLowerCase() === 'content-type')) {
      throw graphErrors.badRequest(`Batch request '${item.id}' has a body but no Content-Type header.`);
    }
    return item as BatchItem;
  });
}

export function registerJsonBatch(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/v1.0/$batch', async (request: FastifyRequest, reply: FastifyReply) => {
    const trace = graphTrace(request);
    try {
      const authorization = request.headers.authorization;
      await authenticateGraphRequest(ctx, authorization, ctx.origin(request));
      const items = parseItems(request.body);
      const done = new Map<string, Promise<BatchResponse>>();

      const run = async (item: BatchItem): Promise<BatchResponse> => {
        const dependencies = await Promise.all((item.dependsOn ?? []).map((id) => done.get(id)!));
        if (dependencies.some((d) => d.status >= 400)) {
          return { id: item.id, status: 424, headers: { 'content-type': 'application/json' }, body: graphErrorBody('FailedDependency', 'A request this request depends on failed.', trace) };
        }
        if (/^[a-z]+:\/\//i.test(item.url)) {
          return { id: item.id, status: 400, headers: { 'content-type': 'application/json' }, body: graphErrorBody('BadRequest', 'Batch request urls are relative to the version, e.g. /me/drive.', trace) };
        }
        const headers: Record<string, string> = { ...(item.headers ?? {}), ...(authorization ? { authorization } : {}) };
        const payload = item.body === undefined ? undefined : typeof item.body === 'string' ? item.body : JSON.stringify(item.body);
        const response = await app.inject({ method: item.method.toUpperCase() as 'GET', url: `/v1.0${item.url.startsWith('/') ? '' : '/'}${item.url}`, headers, ...(payload !== undefined ? { payload } : {}) });
        const out: Record<string, string> = {};
        for (const name of kept) if (response.headers[name] !== undefined) out[name] = String(response.headers[name]);
        let body: unknown;
        if (response.body) {
          try {
            body = JSON.parse(response.body);
          } catch {
            body = Buffer.from(response.rawPayload).toString('base64'); // non-JSON content is base64 in a batch response
          }
        }
        return { id: item.id, status: response.statusCode, headers: out, ...(body !== undefined ? { body } : {}) };
      };
      for (const item of items) done.set(item.id, run(item));
      const responses = await Promise.all(items.map((item) => done.get(item.id)!));
      return reply.code(200).type(graphJson).send({ responses });
    } catch (error) {
      if (error instanceof GraphError) return sendGraphError(reply, error, trace);
      throw error;
    }
  });
}
