// Control API for change notifications (the emulator's own, not Microsoft's): see what subscribers were sent, make a
// subscription's resource "change", and raise lifecycle events, so a subscriber's handling can be tested on demand.
import type { FastifyInstance } from 'fastify';
import { controlProblem } from '../../control/control-routes.js';
import type { EmulatorContext } from '../../server/emulator-context.js';
import { LIFECYCLE_EVENTS, type LifecycleEvent } from './graph-subscriptions.js';

type Id = { Params: { id: string } };

export function registerSubscriptionControlRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/_emulator/subscriptions', async () => ({
    value: [...ctx.subscriptions.store.live(ctx.clock.now())].map((s) => ({ id: s.id, tenantId: s.tenantId, appId: s.appId, resource: s.resource, changeType: s.changeType, expirationDateTime: new Date(s.expirationDateTime).toISOString() })),
    deliveries: ctx.subscriptions.sender.deliveries,
  }));

  app.post<Id & { Body: { changeType?: string; resourceId?: string } | undefined }>('/_emulator/subscriptions/:id/notify', async (request, reply) => {
    const body = request.body ?? {};
    if (!ctx.subscriptions.notify(request.params.id, { ...(body.changeType ? { changeType: body.changeType } : {}), ...(body.resourceId ? { resourceId: body.resourceId } : {}) })) {
      return controlProblem(reply, 404, `subscription ${request.params.id} not found`);
    }
    return reply.code(202).send({ sent: true });
  });

  app.post<Id & { Body: { lifecycleEvent?: string } | undefined }>('/_emulator/subscriptions/:id/lifecycle', async (request, reply) => {
    const event = request.body?.lifecycleEvent;
    if (!LIFECYCLE_EVENTS.includes(event as LifecycleEvent)) return controlProblem(reply, 400, `lifecycleEvent must be one of ${LIFECYCLE_EVENTS.join(', ')}`);
    if (!ctx.subscriptions.lifecycle(request.params.id, event as LifecycleEvent)) return controlProblem(reply, 404, `subscription ${request.params.id} not found`);
    return reply.code(202).send({ sent: true });
  });
}
