// Graph's calls to a subscriber: the validation request when a subscription is created or its notificationUrl
// changes, change notifications, and lifecycle notifications. Shapes and rules:
//  - validation: POST {notificationUrl}?validationToken=… answered within 10 s with 200 and exactly the token as
//    text/plain (https://learn.microsoft.com/graph/change-notifications-delivery-webhooks, "Notification endpoint
//    validation"); failures answer 400 InvalidRequest with the texts subscribers report
//    (microsoftgraph/nodejs-webhooks-sample#158, #350; microsoftgraph/java-spring-webhooks-sample#82).
//  - notifications: POST { value: [changeNotification] } (resources/changenotificationcollection).
//  - lifecycle: POST { value: [{ subscriptionId, subscriptionExpirationDateTime, tenantId, clientState, lifecycleEvent }] }
//    to lifecycleNotificationUrl (change-notifications-lifecycle-events).
import { GraphError } from '../graph-errors.js';

const VALIDATION_TIMEOUT_MS = 10_000;
const DELIVERY_TIMEOUT_MS = 10_000;

export interface Delivery {
  url: string;
  kind: 'validation' | 'notification' | 'lifecycle';
  status: number | 'failed';
  at: string;
  body?: unknown;
}

const invalid = (message: string) => new GraphError(400, 'InvalidRequest', message);

export class NotificationSender {
  /** What was sent, newest last (bounded): the control API shows it so tests can see what a subscriber got. */
  readonly deliveries: Delivery[] = [];

  constructor(private readonly fetchImpl: typeof fetch = fetch) {}

  async validate(notificationUrl: string): Promise<void> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${crypto.randomUUID()}`;
    const url = new URL(notificationUrl);
    url.searchParams.set('validationToken', token);
    let response: Response;
    try {
      response = await this.fetchImpl(url, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, signal: AbortSignal.timeout(VALIDATION_TIMEOUT_MS), redirect: 'manual' });
    } catch (error) {
      this.record({ url: notificationUrl, kind: 'validation', status: 'failed' });
      if ((error as Error).name === 'TimeoutError') throw invalid('Subscription validation request timed out.');
      throw invalid('Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.');
    }
    const text = await response.text().catch(() => '');
    this.record({ url: notificationUrl, kind: 'validation', status: response.status });
    if (response.status !== 200) throw invalid('Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request.');
    if (text !== token) throw invalid('Subscription validation request failed. Response must exactly match validationToken query parameter.');
  }

  /** Fire and forget, as Graph's delivery is from the subscriber's point of view; the outcome goes to the log. */
  send(url: string, kind: 'notification' | 'lifecycle', items: unknown[]): Promise<void> {
    const body = { value: items };
    return this.fetchImpl(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS), redirect: 'manual' })
      .then(async (response) => {
        await response.arrayBuffer().catch(() => undefined);
        this.record({ url, kind, status: response.status, body });
      })
      .catch(() => this.record({ url, kind, status: 'failed', body }));
  }

  clear(): void {
    this.deliveries.length = 0;
  }

  private record(delivery: Omit<Delivery, 'at'>): void {
    this.deliveries.push({ ...delivery, at: new Date().toISOString() });
    if (this.deliveries.length > 500) this.deliveries.shift();
  }
}
