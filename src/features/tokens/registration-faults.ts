// Application-token requests against a broken app registration (a wrong or expired secret, an app deleted or not
// consented in the tenant: invalid_client, unauthorized_client, AADSTS700016 …) are remembered per workspace,
// tenant and credential, and answered from memory for a bounded, growing time (30 s, doubling, at most 15 min)
// instead of asking Microsoft on every request. Only permanent refusals count: a timeout or a 5xx is retried by the
// transport and never remembered. A new credential is a new key (its first request goes to Microsoft at once), and
// `forgetWorkspace` (a credential or settings change) clears the workspace. Memory is per process: each process
// asks Microsoft at most once per window.
import { LRUCache } from 'lru-cache';
import { IdentityError } from '../../microsoft/identity/index.js';
import type { Clock } from '../../platform/time/clock.js';

export const FIRST_BACKOFF_MS = 30_000;
export const MAX_BACKOFF_MS = 15 * 60_000;

interface Remembered {
  error: IdentityError;
  failures: number;
  untilMs: number;
}

type Target = { tenantId: string; credentialId: string };

const SEP = '\u0000';
const keyOf = (workspaceId: string, target: Target) => `${workspaceId}${SEP}${target.tenantId}${SEP}${target.credentialId}`;

export class RegistrationFaults {
  readonly #entries = new LRUCache<string, Remembered>({ max: 10_000 });

  constructor(private readonly clock: Clock) {}

  /** Throws the remembered refusal while its window lasts. */
  throwIfRemembered(workspaceId: string, target: Target): void {
    const entry = this.#entries.get(keyOf(workspaceId, target));
    if (!entry) return;
    const leftMs = entry.untilMs - this.clock.now().getTime();
    if (leftMs <= 0) return;
    throw withRetryAfter(entry.error, Math.ceil(leftMs / 1000));
  }

  /** Runs the request; a permanent refusal is remembered (longer each time), a success forgets earlier ones. */
  async watch<T>(workspaceId: string, target: Target, request: () => Promise<T>): Promise<T> {
    const key = keyOf(workspaceId, target);
    try {
      const result = await request();
      this.#entries.delete(key);
      return result;
    } catch (error) {
      if (error instanceof IdentityError && error.permanent) {
        const failures = (this.#entries.get(key)?.failures ?? 0) + 1;
        const waitMs = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS * 2 ** (failures - 1));
        this.#entries.set(key, { error, failures, untilMs: this.clock.now().getTime() + waitMs });
      }
      throw error;
    }
  }

  forgetWorkspace(workspaceId: string): void {
    for (const key of [...this.#entries.keys()]) if (key.startsWith(`${workspaceId}${SEP}`)) this.#entries.delete(key);
  }
}

/** The same refusal, saying when Microsoft will be asked again. */
function withRetryAfter(error: IdentityError, retryAfterSeconds: number): IdentityError {
  return new IdentityError({ ...error.toJSON(), retryAfterSeconds } as ConstructorParameters<typeof IdentityError>[0]);
}
