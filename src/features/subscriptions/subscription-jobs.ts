// The durable work of subscriptions: the renewal run (scheduled, instance-wide) and a lifecycle event's follow-up
// (queued by the notification endpoint, which must answer Graph at once).
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { JobHandler } from '../../platform/jobs/job-worker.js';
import type { LifecycleEvent, SubscriptionManager } from './subscription-manager.js';

export const RENEW_SUBSCRIPTIONS_JOB = 'subscriptions.renew';
export const SUBSCRIPTION_LIFECYCLE_JOB = 'subscriptions.lifecycle';

/** Every 15 minutes: the shortest lifetime (channel messages, 60 minutes) is renewed at half-life. */
const RENEWAL_INTERVAL_SECONDS = 900;

export function subscriptionJobs(manager: SubscriptionManager): Record<string, JobHandler> {
  return {
    [RENEW_SUBSCRIPTIONS_JOB]: async () => manager.renewDue(),
    [SUBSCRIPTION_LIFECYCLE_JOB]: async ({ job }) => {
      const { subscriptionId, event } = job.payload as { subscriptionId: string; event: LifecycleEvent };
      await manager.handleLifecycle(subscriptionId, event);
      return { subscriptionId, event };
    },
  };
}

export async function scheduleSubscriptionRenewal(queue: Pick<JobQueue, 'upsertSchedule'>): Promise<void> {
  await queue.upsertSchedule({ name: RENEW_SUBSCRIPTIONS_JOB, type: RENEW_SUBSCRIPTIONS_JOB, payload: {}, intervalSeconds: RENEWAL_INTERVAL_SECONDS });
}
