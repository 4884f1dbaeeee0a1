// Graph change-notification subscriptions the hub keeps alive for a host product (TypeBox). The hub creates the
// Graph subscription, answers Graph's validation, checks clientState, renews before Microsoft's maximum lifetime,
// recreates what Microsoft removed, and re-delivers each notification as the signed webhook `graph.notification`.
import { Type, type Static } from 'typebox';
import { idPattern, IsoTime, ListOf, NullableIsoTime, strict, WorkspaceId } from './common-schemas.js';

export const SubscriptionParams = Type.Object({ workspaceId: WorkspaceId, subscriptionId: idPattern('sub') }, strict);

export const CreateSubscriptionBody = Type.Object(
  {
    resource: Type.String({
      minLength: 1,
      maxLength: 400,
      description: "Graph's resource path: users, groups, users/{id}, me/messages, me/mailFolders('Inbox')/messages, me/events, me/drive/root, drives/{id}/root, teams/{id}/channels/{id}/messages",
    }),
    changeType: Type.String({ minLength: 1, maxLength: 40, pattern: '^(created|updated|deleted)(,(created|updated|deleted))*$', description: 'created, updated and/or deleted, comma-separated' }),
    mode: Type.Union([Type.Literal('delegated'), Type.Literal('application')], { description: "delegated: with the acting user's connection (X-M365Hub-Acting-User); application: with the workspace's app" }),
    tenant: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'application mode: the customer tenant id, when the workspace has several' })),
  },
  strict,
);
export type CreateSubscriptionBody = Static<typeof CreateSubscriptionBody>;

export const Subscription = Type.Object(
  {
    id: Type.String(),
    resource: Type.String(),
    changeType: Type.String(),
    mode: Type.Union([Type.Literal('delegated'), Type.Literal('application')]),
    externalUserId: Type.Union([Type.String(), Type.Null()]),
    tenantId: Type.Union([Type.String(), Type.Null()]),
    status: Type.Union([Type.Literal('active'), Type.Literal('failed')]),
    statusReason: Type.Union([Type.String(), Type.Null()], { description: 'why a failed subscription stopped, and what to do' }),
    expiresAt: NullableIsoTime,
    lastNotificationAt: NullableIsoTime,
    createdAt: IsoTime,
    updatedAt: IsoTime,
  },
  strict,
);
export type Subscription = Static<typeof Subscription>;
export const SubscriptionList = ListOf(Subscription);
