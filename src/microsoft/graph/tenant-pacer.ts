// Per-tenant pacing: Microsoft throttles per app and tenant (https://learn.microsoft.com/graph/throttling), so a 429
// with Retry-After for one tenant pauses calls to that tenant only; other tenants keep their pace. Calls made while a
// tenant is paused are answered at once with the remaining wait instead of adding to Microsoft's count.
import type { Clock } from '../../platform/time/clock.js';

export class TenantPacer {
  readonly #pausedUntil = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  /** Seconds left to wait before calling this tenant again; 0 when it may be called now. */
  waitSeconds(tenantKey: string): number {
    const until = this.#pausedUntil.get(tenantKey);
    if (until === undefined) return 0;
    const left = until - this.clock.now().getTime();
    if (left <= 0) {
      this.#pausedUntil.delete(tenantKey);
      return 0;
    }
    return Math.ceil(left / 1000);
  }

  /** Microsoft asked this tenant's caller to wait. */
  throttled(tenantKey: string, retryAfterSeconds: number): void {
    const until = this.clock.now().getTime() + Math.max(1, retryAfterSeconds) * 1000;
    if ((this.#pausedUntil.get(tenantKey) ?? 0) < until) this.#pausedUntil.set(tenantKey, until);
  }
}

/** The pacing key of a workspace's calls: its app in one tenant (default tenant when unnamed), or its delegated users. */
export function tenantPacingKey(workspaceId: string, who: { kind: 'application'; tenantId?: string | undefined } | { kind: 'user' }): string {
  return `${workspaceId}:${who.kind === 'application' ? `app:${who.tenantId ?? ''}` : 'user'}`;
}
