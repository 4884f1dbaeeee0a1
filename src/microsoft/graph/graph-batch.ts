// JSON batching through the one Graph client (https://learn.microsoft.com/en-us/graph/json-batching):
// - a batch holds at most 20 requests, so longer lists are sent in consecutive batches of 20, in the caller's order;
// - each item answers with its own status; an item throttled on its own (429, or 503/504 for a GET) is sent again,
//   alone with the other failed items, after the Retry-After its answer gave ("Retry-After" per response in the
//   batch, https://learn.microsoft.com/en-us/graph/throttling#throttling-and-batching) — the items that succeeded are
//   never sent twice;
// - `dependsOn` keeps its order: a dependency that already succeeded in an earlier batch or round is dropped from the
//   list (Graph only accepts ids of the same batch), one that failed makes its dependents fail with 424 as Graph
//   does, and a dependent that got 424 because its dependency was throttled is retried with it.
import { parseRetryAfter } from '../transport/index.js';
import type { GraphClient } from './graph-client.js';

export const BATCH_LIMIT = 20;

export interface BatchRequest {
  id: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** Relative to the version: `/me/drive/root`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface BatchResponse {
  id: string;
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface BatchOptions {
  /** Rounds of sending one batch's failed items again; default 4. */
  maxRounds?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function retryable(request: BatchRequest, response: BatchResponse): boolean {
  return response.status === 429 || (request.method === 'GET' && (response.status === 503 || response.status === 504));
}

function retryAfterMs(response: BatchResponse): number {
  const header = Object.entries(response.headers ?? {}).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  return (parseRetryAfter(header ?? null) ?? 1) * 1000;
}

/** Sends `requests` as JSON batches; answers every request by id, in the order given. */
export async function sendBatch(client: GraphClient, requests: readonly BatchRequest[], options: BatchOptions = {}): Promise<BatchResponse[]> {
  const position = new Map<string, number>();
  requests.forEach((request, index) => {
    if (position.has(request.id)) throw new TypeError(`Batch request ids are unique: "${request.id}" appears twice`);
    for (const dependency of request.dependsOn ?? []) {
      if (!position.has(dependency)) throw new TypeError(`Batch request "${request.id}" depends on "${dependency}", which must come before it`);
    }
    position.set(request.id, index);
  });
  const sleep = options.sleep ?? defaultSleep;
  const maxRounds = options.maxRounds ?? 4;
  const answers = new Map<string, BatchResponse>();
  const succeeded = (id: string) => {
    const status = answers.get(id)?.status;
    return status !== undefined && status >= 200 && status < 300;
  };

  for (let start = 0; start < requests.length; start += BATCH_LIMIT) {
    let pending = requests.slice(start, start + BATCH_LIMIT);
    for (let round = 0; pending.length > 0; round++) {
      const ids = new Set(pending.map((request) => request.id));
      const toSend: BatchRequest[] = [];
      for (const request of pending) {
        const earlier = (request.dependsOn ?? []).filter((id) => !ids.has(id));
        const failedDependency = earlier.find((id) => !succeeded(id));
        if (failedDependency !== undefined) {
          answers.set(request.id, { id: request.id, status: 424, body: { error: { code: 'FailedDependency', message: `Request "${failedDependency}" it depends on failed` } } });
          ids.delete(request.id);
          continue;
        }
        const dependsOn = (request.dependsOn ?? []).filter((id) => ids.has(id));
        const { dependsOn: _dropped, ...rest } = request;
        toSend.push(dependsOn.length > 0 ? { ...rest, dependsOn } : rest);
      }
      if (toSend.length === 0) break;
      const body = await client.post<{ responses?: BatchResponse[] }>('/$batch', { requests: toSend });
      for (const response of body?.responses ?? []) answers.set(String(response.id), { ...response, id: String(response.id) });

      if (round + 1 >= maxRounds) break;
      const byId = new Map(toSend.map((request) => [request.id, request]));
      const throttled = toSend.filter((request) => retryable(request, answers.get(request.id) ?? { id: request.id, status: 0 }));
      const again = new Set(throttled.map((request) => request.id));
      // A 424 whose dependency is sent again goes again with it, after it.
      for (const request of toSend) {
        if (answers.get(request.id)?.status === 424 && (request.dependsOn ?? []).some((id) => again.has(id))) again.add(request.id);
      }
      if (throttled.length === 0) break;
      // Each item waits its own Retry-After; the round leaves when the longest of them has passed.
      await sleep(Math.max(...throttled.map((request) => retryAfterMs(answers.get(request.id)!))));
      pending = [...again].map((id) => requests[position.get(id)!]!).filter((request) => byId.has(request.id)).sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    }
  }
  return requests.map((request) => answers.get(request.id) ?? { id: request.id, status: 0, body: { error: { code: 'missing_response', message: 'Microsoft Graph did not answer this batch item' } } });
}
