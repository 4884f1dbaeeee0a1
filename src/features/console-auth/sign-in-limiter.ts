// Slows password guessing: after too many failed sign-ins for one IP + email within a window, further attempts are
// refused until the window ends. In memory, per process: enough to stop a script, no shared state to operate.
import type { Clock } from '../../platform/time/clock.js';

export interface SignInLimiterOptions {
  clock: Clock;
  maxFailures?: number;
  windowSeconds?: number;
}

interface Entry {
  failures: number;
  windowEndsAt: number;
}

export class SignInLimiter {
  private readonly entries = new Map<string, Entry>();
  private readonly maxFailures: number;
  private readonly windowMs: number;

  constructor(private readonly options: SignInLimiterOptions) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = (options.windowSeconds ?? 15 * 60) * 1000;
  }

  /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
  retryAfterSeconds(ip: string, email: string): number {
    const entry = this.current(this.key(ip, email));
    if (!entry || entry.failures < this.maxFailures) return 0;
    return Math.max(1, Math.ceil((entry.windowEndsAt - this.options.clock.now().getTime()) / 1000));
  }

  recordFailure(ip: string, email: string): void {
    const key = this.key(ip, email);
    const entry = this.current(key) ?? { failures: 0, windowEndsAt: this.options.clock.now().getTime() + this.windowMs };
    entry.failures += 1;
    this.entries.set(key, entry);
    if (this.entries.size > 10_000) this.prune();
  }

  recordSuccess(ip: string, email: string): void {
    this.entries.delete(this.key(ip, email));
  }

  private key(ip: string, email: string): string {
    return `${ip}\u0000${email.trim().toLowerCase()}`;
  }

  private current(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.windowEndsAt <= this.options.clock.now().getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }

  private prune(): void {
    const now = this.options.clock.now().getTime();
    for (const [key, entry] of this.entries) if (entry.windowEndsAt <= now) this.entries.delete(key);
  }
}
