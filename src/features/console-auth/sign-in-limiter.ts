// Slows password guessing: after too many failed sign-ins for one IP + email within a window, further attempts are
// refused until the window ends. The count lives in the database (sign_in_failures), so every hub process on one
// PostgreSQL shares it; on the embedded database there is one process anyway.
//
// Why our own small code rather than a kept limiter: @fastify/rate-limit counts requests, not failed attempts, and
// has no PostgreSQL store; rate-limiter-flexible has one but reads the wall clock, so its windows could only be tested
// by sleeping. This is one upsert and one read on a table of our own, with the hub's injected clock.
import { sql, type Kysely } from 'kysely';
import { sha256 } from '../../platform/crypto/sha256.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';

export interface SignInLimiterOptions {
  db: Kysely<Database>;
  clock: Clock;
  maxFailures?: number;
  windowSeconds?: number;
}

export class SignInLimiter {
  private readonly maxFailures: number;
  private readonly windowMs: number;

  constructor(private readonly options: SignInLimiterOptions) {
    this.maxFailures = options.maxFailures ?? 5;
    this.windowMs = (options.windowSeconds ?? 15 * 60) * 1000;
  }

  /** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
  async retryAfterSeconds(ip: string, email: string): Promise<number> {
    const now = this.options.clock.now();
    const row = await this.options.db
      .selectFrom('sign_in_failures')
      .select(['failures', 'window_ends_at'])
      .where('key_hash', '=', keyOf(ip, email))
      .where('window_ends_at', '>', now)
      .executeTakeFirst();
    if (!row || row.failures < this.maxFailures) return 0;
    return Math.max(1, Math.ceil((row.window_ends_at.getTime() - now.getTime()) / 1000));
  }

  /** Counts a failure; a window that has ended starts again at one. Atomic across processes (one upsert). */
  async recordFailure(ip: string, email: string): Promise<void> {
    const now = this.options.clock.now();
    const windowEndsAt = new Date(now.getTime() + this.windowMs);
    await this.options.db
      .insertInto('sign_in_failures')
      .values({ key_hash: keyOf(ip, email), failures: 1, window_ends_at: windowEndsAt })
      .onConflict((oc) =>
        oc.column('key_hash').doUpdateSet({
          failures: sql<number>`case when sign_in_failures.window_ends_at <= ${now} then 1 else sign_in_failures.failures + 1 end`,
          window_ends_at: sql<Date>`case when sign_in_failures.window_ends_at <= ${now} then ${windowEndsAt} else sign_in_failures.window_ends_at end`,
        }),
      )
      .execute();
  }

  async recordSuccess(ip: string, email: string): Promise<void> {
    await this.options.db.deleteFrom('sign_in_failures').where('key_hash', '=', keyOf(ip, email)).execute();
  }
}

/** Housekeeping: windows that have ended count for nothing. */
export async function deleteEndedSignInWindows(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db.deleteFrom('sign_in_failures').where('window_ends_at', '<=', now).executeTakeFirst();
  return Number(result.numDeletedRows);
}

function keyOf(ip: string, email: string): string {
  return sha256(`${ip}\u0000${email.trim().toLowerCase()}`, 'hex');
}
