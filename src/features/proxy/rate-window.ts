// Calls per minute per key (a workspace, an API key), in this process: a fixed one-minute window is enough to stop a
// runaway loop, and its Retry-After is exact (the window's end).
import type { Clock } from '../../platform/time/clock.js';

export class RateWindow {
  readonly #counts = new Map<string, { windowStart: number; count: number }>();

  constructor(
    private readonly clock: Clock,
    private readonly perMinute: number,
  ) {}

  /** Seconds to wait when over the limit, else 0 (and the call is counted). */
  take(key: string): number {
    const now = this.clock.now().getTime();
    const windowStart = now - (now % 60_000);
    const entry = this.#counts.get(key);
    if (!entry || entry.windowStart !== windowStart) {
      this.#counts.set(key, { windowStart, count: 1 });
      if (this.#counts.size > 10_000) this.#forgetOld(windowStart);
      return 0;
    }
    if (entry.count >= this.perMinute) return Math.ceil((windowStart + 60_000 - now) / 1000);
    entry.count++;
    return 0;
  }

  #forgetOld(current: number): void {
    for (const [key, entry] of this.#counts) if (entry.windowStart !== current) this.#counts.delete(key);
  }
}
