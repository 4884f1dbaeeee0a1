// The emulator's Graph subscriptions: what each watches, where it notifies, until when. In memory; `reset` empties it.
import { randomUUID } from 'node:crypto';
import type { WatchedResource } from './subscription-resources.js';

export interface Subscription {
  id: string;
  tenantId: string;
  /** The app that created it (`applicationId`). */
  appId: string;
  /** The signed-in user of a delegated creation, else the app's service principal (`creatorId`). */
  creatorId: string;
  delegatedUserId: string | undefined;
  resource: string;
  watched: WatchedResource;
  changeType: string;
  clientState: string | null;
  notificationUrl: string;
  lifecycleNotificationUrl: string | null;
  expirationDateTime: number;
  latestSupportedTlsVersion: string;
}

export class SubscriptionStore {
  private readonly byId = new Map<string, Subscription>();

  add(subscription: Omit<Subscription, 'id'>): Subscription {
    const created = { ...subscription, id: randomUUID() };
    this.byId.set(created.id, created);
    return created;
  }

  /** A subscription is visible only to the app (and tenant) that created it (subscription-list: "the app's own"). */
  find(id: string, appId: string, tenantId: string): Subscription | undefined {
    const found = this.byId.get(id.toLowerCase());
    return found && found.appId === appId && found.tenantId === tenantId ? found : undefined;
  }

  get(id: string): Subscription | undefined {
    return this.byId.get(id.toLowerCase());
  }

  listFor(appId: string, tenantId: string): Subscription[] {
    return [...this.byId.values()].filter((s) => s.appId === appId && s.tenantId === tenantId);
  }

  live(now: number): Subscription[] {
    return [...this.byId.values()].filter((s) => s.expirationDateTime > now);
  }

  remove(id: string): boolean {
    return this.byId.delete(id.toLowerCase());
  }

  clear(): void {
    this.byId.clear();
  }
}
