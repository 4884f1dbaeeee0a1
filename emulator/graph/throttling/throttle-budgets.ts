// Throttling budgets per application and tenant, set through the control API, so clients can be tested against
// Graph's throttling (https://learn.microsoft.com/graph/throttling): once an app has made `limit` Graph requests in
// a tenant within the current window (emulator clock), further requests answer 429 with Retry-After (seconds to
// the window's end) and the documented TooManyRequests body — or SharePoint's 503 serviceNotAvailable with
// Retry-After when the budget says so. Each request of a $batch counts on its own, as Graph evaluates them.
// Control: PUT /_emulator/throttling {appId?, tenantId?, limit, windowSeconds, status?: 429|503} adds a budget (an
// absent appId / tenantId matches any), GET lists budgets and counts, DELETE removes all; reset removes them too.
import type { FastifyInstance } from 'fastify';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import { controlProblem } from '../../control/control-routes.js';
import type { EmulatorContext } from '../../server/emulator-context.js';
import { graphFaultBody } from '../graph-errors.js';
import { graphTrace } from '../graph-router.js';
import { onEmulatorReset } from '../reset-hooks.js';

const budgetBody = z
  .object({ appId: z.string().optional(), tenantId: z.string().optional(), limit: z.number().int().min(0), windowSeconds: z.number().int().min(1).max(86_400), status: z.union([z.literal(429), z.literal(503)]).optional() })
  .strict();
type Budget = z.infer<typeof budgetBody>;

interface Caller {
  appId: string;
  tenantId: string;
}

/** The app and tenant a bearer token names; its validity is the router's business. */
function callerOf(authorization: string | undefined): Caller | undefined {
  const token = /^Bearer\s+(\S+)/i.exec(authorization ?? '')?.[1];
  if (!token) return undefined;
  try {
    const claims = decodeJwt(token);
    return typeof claims.appid === 'string' && typeof claims.tid === 'string' ? { appId: claims.appid, tenantId: claims.tid } : undefined;
  } catch {
    return undefined;
  }
}

export function registerThrottling(app: FastifyInstance, ctx: EmulatorContext): void {
  let budgets: Budget[] = [];
  const counts = new Map<string, number>();
  onEmulatorReset(ctx, () => {
    budgets = [];
    counts.clear();
  });

  app.addHook('onRequest', async (request, reply) => {
    if (budgets.length === 0) return;
    const path = request.url.split('?')[0]!;
    if (!/^\/v1\.0\//i.test(path) || /^\/v1\.0\/\$batch$/i.test(path)) return;
    const caller = callerOf(request.headers.authorization);
    if (!caller) return;
    const now = ctx.clock.now();
    for (const [index, budget] of budgets.entries()) {
      if ((budget.appId && budget.appId !== caller.appId) || (budget.tenantId && budget.tenantId !== caller.tenantId)) continue;
      const windowMs = budget.windowSeconds * 1000;
      const window = Math.floor(now / windowMs);
      const key = `${index}/${caller.appId}/${caller.tenantId}/${window}`;
      const used = (counts.get(key) ?? 0) + 1;
      counts.set(key, used);
      if (used <= budget.limit) continue;
      const status = budget.status ?? 429;
      const retryAfter = Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000));
      Object.assign(request.protocolOutcome, { clientId: caller.appId, tenant: caller.tenantId, error: status === 429 ? 'TooManyRequests' : 'serviceNotAvailable' });
      return reply.code(status).header('retry-after', String(retryAfter)).type('application/json').send(graphFaultBody(status, graphTrace(request)));
    }
  });

  app.put('/_emulator/throttling', async (request, reply) => {
    const parsed = budgetBody.safeParse(request.body ?? {});
    if (!parsed.success) return controlProblem(reply, 400, z.prettifyError(parsed.error));
    budgets.push(parsed.data);
    return reply.code(204).send();
  });
  app.get('/_emulator/throttling', async () => ({ value: budgets, counts: Object.fromEntries(counts) }));
  app.delete('/_emulator/throttling', async (_request, reply) => {
    budgets = [];
    counts.clear();
    return reply.code(204).send();
  });
}
