// /subscriptions as Graph v1.0 serves it (https://learn.microsoft.com/graph/api/resources/subscription and its
// create / get / list / update / delete / reauthorize pages). The permission is that of the watched resource, so
// the handlers check it (permissionCheckedByHandler).
import { GraphReply, type GraphRoute, type GraphRouteRequest } from '../graph-router.js';
import type { GraphObject } from '../odata-query.js';
import type { Subscription } from './subscription-store.js';

function representation(req: GraphRouteRequest, s: Subscription, context: boolean): GraphObject {
  return {
    ...(context ? { '@odata.context': `${req.serviceRoot}/$metadata#subscriptions/$entity` } : {}),
    id: s.id,
    resource: s.resource,
    applicationId: s.appId,
    changeType: s.changeType,
    clientState: s.clientState,
    notificationUrl: s.notificationUrl,
    notificationQueryOptions: null,
    lifecycleNotificationUrl: s.lifecycleNotificationUrl,
    expirationDateTime: new Date(s.expirationDateTime).toISOString(),
    creatorId: s.creatorId,
    includeResourceData: null,
    latestSupportedTlsVersion: s.latestSupportedTlsVersion,
    encryptionCertificate: null,
    encryptionCertificateId: null,
    notificationUrlAppId: null,
  };
}

const body = (req: GraphRouteRequest) => (typeof req.body === 'object' && req.body !== null ? (req.body as Record<string, unknown>) : {});

export const subscriptionRoutes: GraphRoute[] = [
  {
    method: 'POST',
    path: '/subscriptions',
    permissionCheckedByHandler: true,
    handler: async (req) => new GraphReply(201, representation(req, await req.ctx.subscriptions.create(req.caller, body(req)), true)),
  },
  {
    path: '/subscriptions',
    permissionCheckedByHandler: true,
    handler: (req) => ({
      '@odata.context': `${req.serviceRoot}/$metadata#subscriptions`,
      value: req.ctx.subscriptions.list(req.caller).map((s) => representation(req, s, false)),
    }),
  },
  { path: '/subscriptions/{id}', permissionCheckedByHandler: true, handler: (req) => representation(req, req.ctx.subscriptions.get(req.caller, req.params.id!), true) },
  {
    method: 'PATCH',
    path: '/subscriptions/{id}',
    permissionCheckedByHandler: true,
    handler: async (req) => representation(req, await req.ctx.subscriptions.update(req.caller, req.params.id!, body(req)), true),
  },
  {
    method: 'DELETE',
    path: '/subscriptions/{id}',
    permissionCheckedByHandler: true,
    handler: (req) => {
      req.ctx.subscriptions.remove(req.caller, req.params.id!);
      return undefined;
    },
  },
  {
    method: 'POST',
    path: '/subscriptions/{id}/reauthorize',
    permissionCheckedByHandler: true,
    handler: (req) => {
      req.ctx.subscriptions.reauthorize(req.caller, req.params.id!);
      return undefined;
    },
  },
];
