// State of users / groups delta queries (https://learn.microsoft.com/graph/delta-query-overview): a delta token
// remembers a position in the tenant's change journal (ChangeJournal), so the next round answers what was added,
// changed or removed since at a cost proportional to the changes, not to the size of the directory. Tokens are
// opaque random strings; a round's later pages are served from the list computed for its first page. Tokens live in
// memory only (a restart means a full resync, as an expired token does).
import { randomBytes } from 'node:crypto';
import { ChangeJournal, type DeltaResource } from './change-journal.js';

export type { DeltaResource };

interface TokenState {
  tenantId: string;
  resource: DeltaResource;
  issuedAt: number;
  /** The journal position the client has seen everything up to. */
  position: number;
  /** Set by the control API: the next use answers 410 and the client must resync. */
  invalidated: boolean;
}

interface RoundState {
  tenantId: string;
  resource: DeltaResource;
  items: Record<string, unknown>[];
  /** The journal position when the round began: its delta token starts there. */
  position: number;
}

/** Graph keeps directory delta tokens for seven days (devblogs.microsoft.com/microsoft365dev, "Duration of change tracking tokens"). */
export const deltaTokenLifetimeMs = 7 * 86_400_000;
// A round of a 100,000-user tenant holds its page list: keep a bounded few, oldest out first.
const maxTokens = 32;

export class DeltaTokens {
  private tokens = new Map<string, TokenState>();
  private rounds = new Map<string, RoundState>();
  readonly journal = new ChangeJournal();

  private static newKey(): string {
    return randomBytes(24).toString('base64url');
  }

  issue(tenantId: string, resource: DeltaResource, position: number, now: number): string {
    const key = DeltaTokens.newKey();
    this.tokens.set(key, { tenantId, resource, issuedAt: now, position, invalidated: false });
    // Oldest first out: a token pushed out answers like an expired one.
    while (this.tokens.size > maxTokens) this.tokens.delete(this.tokens.keys().next().value!);
    return key;
  }

  token(key: string, tenantId: string, resource: DeltaResource): TokenState | undefined {
    const state = this.tokens.get(key);
    return state && state.tenantId === tenantId && state.resource === resource ? state : undefined;
  }

  startRound(round: RoundState): string {
    const key = DeltaTokens.newKey();
    this.rounds.set(key, round);
    while (this.rounds.size > maxTokens) this.rounds.delete(this.rounds.keys().next().value!);
    return key;
  }

  round(key: string, tenantId: string, resource: DeltaResource): RoundState | undefined {
    const state = this.rounds.get(key);
    return state && state.tenantId === tenantId && state.resource === resource ? state : undefined;
  }

  endRound(key: string): void {
    this.rounds.delete(key);
  }

  /** The control API's "age the tokens": every token of the tenant now demands a full resync. Returns how many. */
  invalidate(tenantId: string): number {
    let n = 0;
    for (const state of this.tokens.values()) {
      if (state.tenantId === tenantId && !state.invalidated) {
        state.invalidated = true;
        n++;
      }
    }
    return n;
  }

  clear(): void {
    this.tokens.clear();
    this.rounds.clear();
    this.journal.clear();
  }
}
