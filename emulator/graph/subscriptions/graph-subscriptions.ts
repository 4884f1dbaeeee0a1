// Graph change notifications in the emulator: creating (with the validation handshake), renewing, reauthorizing
// and deleting subscriptions, notifying subscribers when users or groups are written, and lifecycle events on
// demand. Rules cited in subscription-resources.ts and notification-sender.ts.
import type { DirectoryChange, DirectoryStore } from '../../state/directory-store.js';
import type { EmulatorClock } from '../../state/emulator-clock.js';
import { GraphError, graphErrors } from '../graph-errors.js';
import { NotificationSender } from './notification-sender.js';
import { watchedResource, type WatchedResource } from './subscription-resources.js';
import { SubscriptionStore, type Subscription } from './subscription-store.js';

/** Who calls (the Graph router's authenticated caller has this shape). */
export interface SubscriptionCaller {
  tenantId: string;
  appId: string;
  kind: 'delegated' | 'application';
  permissions: string[];
  userId?: string;
}
type GraphCaller = SubscriptionCaller;

export const LIFECYCLE_EVENTS = ['reauthorizationRequired', 'subscriptionRemoved', 'missed'] as const;
export type LifecycleEvent = (typeof LIFECYCLE_EVENTS)[number];

export interface NewSubscription {
  changeType?: unknown;
  notificationUrl?: unknown;
  lifecycleNotificationUrl?: unknown;
  resource?: unknown;
  expirationDateTime?: unknown;
  clientState?: unknown;
  latestSupportedTlsVersion?: unknown;
}

const CHANGE_TYPES = ['created', 'updated', 'deleted'];

const invalid = (message: string) => new GraphError(400, 'InvalidRequest', message);
const notFound = (id: string) => new GraphError(404, 'ResourceNotFound', `The object '${id}' was not found.`);

/**
 * Graph requires HTTPS notification URLs. The emulator also takes http on a loopback host, so a hub under test on
 * http://127.0.0.1 can subscribe (an emulator choice, on the parity page).
 */
function notificationUrl(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value) throw invalid(`${field} is required.`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid(`The ${field} '${value}' is not a valid absolute URL.`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw invalid(`The ${field} must be an HTTPS URL.`);
  return url.toString();
}

export class GraphSubscriptions {
  readonly store = new SubscriptionStore();
  readonly sender: NotificationSender;

  constructor(
    private readonly directory: DirectoryStore,
    private readonly clock: EmulatorClock,
    fetchImpl?: typeof fetch,
  ) {
    this.sender = new NotificationSender(fetchImpl);
    directory.onChange((change) => this.directoryChanged(change));
  }

  async create(caller: GraphCaller, body: NewSubscription): Promise<Subscription> {
    const changeType = this.changeType(body.changeType);
    const url = notificationUrl(body.notificationUrl, 'notificationUrl');
    const lifecycleUrl = body.lifecycleNotificationUrl === undefined || body.lifecycleNotificationUrl === null ? null : notificationUrl(body.lifecycleNotificationUrl, 'lifecycleNotificationUrl');
    if (typeof body.resource !== 'string' || !body.resource.trim()) throw invalid('resource is required.');
    const watched = watchedResource(body.resource);
    if (!watched) throw invalid(`Resource '${body.resource}' is not supported for change notifications.`);
    this.requirePermission(caller, watched);
    const expiration = this.expiration(body.expirationDateTime, watched);
    if (body.clientState !== undefined && body.clientState !== null && (typeof body.clientState !== 'string' || body.clientState.length > 128)) {
      throw invalid('clientState must be a string of at most 128 characters.');
    }
    await this.sender.validate(url);
    if (lifecycleUrl && lifecycleUrl !== url) await this.sender.validate(lifecycleUrl);
    const sp = this.directory.servicePrincipal(caller.tenantId, caller.appId);
    return this.store.add({
      tenantId: caller.tenantId,
      appId: caller.appId,
      creatorId: caller.userId ?? sp?.id ?? caller.appId,
      delegatedUserId: caller.kind === 'delegated' ? caller.userId : undefined,
      resource: body.resource.trim(),
      watched,
      changeType,
      clientState: typeof body.clientState === 'string' ? body.clientState : null,
      notificationUrl: url,
      lifecycleNotificationUrl: lifecycleUrl,
      expirationDateTime: expiration,
      latestSupportedTlsVersion: typeof body.latestSupportedTlsVersion === 'string' ? body.latestSupportedTlsVersion : 'v1_2',
    });
  }

  get(caller: GraphCaller, id: string): Subscription {
    const found = this.store.find(id, caller.appId, caller.tenantId);
    // An expired subscription is deleted by Graph: it answers as missing.
    if (!found || found.expirationDateTime <= this.clock.now()) throw notFound(id);
    return found;
  }

  list(caller: GraphCaller): Subscription[] {
    const now = this.clock.now();
    return this.store.listFor(caller.appId, caller.tenantId).filter((s) => s.expirationDateTime > now);
  }

  async update(caller: GraphCaller, id: string, body: { expirationDateTime?: unknown; notificationUrl?: unknown }): Promise<Subscription> {
    const found = this.get(caller, id);
    if (body.expirationDateTime !== undefined) found.expirationDateTime = this.expiration(body.expirationDateTime, found.watched);
    if (body.notificationUrl !== undefined) {
      const url = notificationUrl(body.notificationUrl, 'notificationUrl');
      await this.sender.validate(url);
      found.notificationUrl = url;
    }
    return found;
  }

  reauthorize(caller: GraphCaller, id: string): void {
    const found = this.get(caller, id);
    this.requirePermission(caller, found.watched);
  }

  remove(caller: GraphCaller, id: string): void {
    this.get(caller, id);
    this.store.remove(id);
  }

  /** Control API: a change notification for one subscription, as if its resource changed. */
  notify(id: string, change: { changeType?: string; resourceId?: string }): boolean {
    const subscription = this.store.get(id);
    if (!subscription) return false;
    const resourceId = change.resourceId ?? subscription.watched.objectId ?? 'emulated-item';
    void this.sender.send(subscription.notificationUrl, 'notification', [this.notification(subscription, change.changeType ?? 'updated', resourceId)]);
    return true;
  }

  /** Control API: a lifecycle event; `subscriptionRemoved` also deletes the subscription, as Graph has. */
  lifecycle(id: string, event: LifecycleEvent): boolean {
    const subscription = this.store.get(id);
    if (!subscription) return false;
    const target = subscription.lifecycleNotificationUrl ?? subscription.notificationUrl;
    const item = {
      subscriptionId: subscription.id,
      subscriptionExpirationDateTime: new Date(subscription.expirationDateTime).toISOString(),
      tenantId: subscription.tenantId,
      clientState: subscription.clientState,
      lifecycleEvent: event,
    };
    if (event === 'subscriptionRemoved') this.store.remove(subscription.id);
    void this.sender.send(target, 'lifecycle', [item]);
    return true;
  }

  clear(): void {
    this.store.clear();
    this.sender.clear();
  }

  /**
   * A message arrived in a user's Inbox: subscriptions on that mailbox's messages with `created` are told
   * (resource `Users/{id}/Messages/{id}`, as change-notifications-for-outlook-resources shows).
   */
  messageDelivered(message: { ownerId: string; tenantId: string; id: string }): void {
    for (const subscription of this.store.live(this.clock.now())) {
      if (subscription.tenantId !== message.tenantId || subscription.watched.kind !== 'message') continue;
      const owner = subscription.watched.ownerId === 'me' ? subscription.delegatedUserId : subscription.watched.ownerId;
      const ownerUser = owner ? (this.directory.getUser(owner) ?? this.directory.findUserByUpn(owner, message.tenantId)) : undefined;
      if (ownerUser?.id !== message.ownerId || !subscription.changeType.split(',').includes('created')) continue;
      const resource = `Users/${message.ownerId}/Messages/${message.id}`;
      void this.sender.send(subscription.notificationUrl, 'notification', [
        {
          subscriptionId: subscription.id,
          subscriptionExpirationDateTime: new Date(subscription.expirationDateTime).toISOString(),
          changeType: 'created',
          resource,
          resourceData: { '@odata.type': '#Microsoft.Graph.Message', '@odata.id': resource, id: message.id },
          clientState: subscription.clientState,
          tenantId: subscription.tenantId,
        },
      ]);
    }
  }

  private directoryChanged(change: DirectoryChange): void {
    for (const subscription of this.store.live(this.clock.now())) {
      if (subscription.tenantId !== change.tenantId || subscription.watched.kind !== change.kind) continue;
      if (subscription.watched.objectId && subscription.watched.objectId !== change.id) continue;
      // Directory resources notify creations as `updated` (subscription resource: "changeType … updated").
      if (!subscription.changeType.split(',').includes('updated')) continue;
      void this.sender.send(subscription.notificationUrl, 'notification', [this.notification(subscription, 'updated', change.id)]);
    }
  }

  private notification(subscription: Subscription, changeType: string, resourceId: string) {
    const collection = { user: 'Users', group: 'Groups' }[subscription.watched.kind as 'user' | 'group'];
    const resource = collection ? `${collection}/${resourceId}` : `${subscription.resource}/${resourceId}`;
    return {
      subscriptionId: subscription.id,
      subscriptionExpirationDateTime: new Date(subscription.expirationDateTime).toISOString(),
      changeType,
      resource,
      resourceData: {
        ...(collection ? { '@odata.type': `#Microsoft.Graph.${collection.slice(0, -1)}`, '@odata.id': resource } : {}),
        id: resourceId,
        ...(collection ? { organizationId: subscription.tenantId } : {}),
      },
      clientState: subscription.clientState,
      tenantId: subscription.tenantId,
    };
  }

  private changeType(value: unknown): string {
    if (typeof value !== 'string' || !value) throw invalid('changeType is required.');
    const types = value.split(',').map((t) => t.trim());
    if (types.some((t) => !CHANGE_TYPES.includes(t))) throw invalid(`changeType '${value}' is invalid: use created, updated and/or deleted, comma-separated.`);
    return types.join(',');
  }

  private expiration(value: unknown, watched: WatchedResource): number {
    const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
    if (Number.isNaN(at)) throw invalid('expirationDateTime is required and must be an ISO 8601 date and time.');
    const now = this.clock.now();
    if (at <= now) throw invalid('Subscription expiration date must be in the future.');
    if (at > now + watched.maxMinutes * 60_000) throw invalid(`Subscription expiration can only be ${watched.maxMinutes} minutes in the future.`);
    return at;
  }

  private requirePermission(caller: GraphCaller, watched: WatchedResource): void {
    const accepted = (caller.kind === 'delegated' ? watched.delegated : watched.application).map((p) => p.toLowerCase());
    if (!caller.permissions.some((p) => accepted.includes(p.toLowerCase()))) throw graphErrors.insufficientPrivileges();
    // A delegated caller watches their own mailbox, calendar and drive (me/… or users/{their id}/…).
    if (caller.kind === 'delegated' && watched.ownerId && watched.ownerId !== 'me' && !watched.ownerId.startsWith('drives/') && watched.ownerId !== caller.userId) {
      throw graphErrors.insufficientPrivileges();
    }
  }
}
