// Everything the route modules share, assembled once by the server.
import type { CalendarStore } from '../graph/calendar/calendar-store.js';
import type { TeamsMessageStore } from '../graph/teams-messages/teams-message-store.js';
import type { RequestLog } from '../control/request-log.js';
import type { FaultInjector } from '../control/fault-injector.js';
import type { EmulatorOptions } from '../config/emulator-options.js';
import type { OriginResolver } from '../identity/endpoint-urls.js';
import type { JwtSigner } from '../identity/jwt-signer.js';
import type { RefreshTokenSealer } from '../identity/refresh-token-sealer.js';
import type { TokenMinter } from '../identity/token-minter.js';
import type { SigningKeySet } from '../pki/signing-keys.js';
import type { AuthorizationCodes } from '../state/authorization-codes.js';
import type { DeviceCodes } from '../state/device-codes.js';
import type { SeedSummary } from '../state/demo-seed.js';
import type { DirectoryStore } from '../state/directory-store.js';
import type { PersistenceRegistry } from '../state/persistable.js';
import type { EmulatorClock } from '../state/emulator-clock.js';
import type { RoleMembers } from '../state/role-members.js';
import type { SecurityConfigStore } from '../state/security-config.js';
import type { DeltaTokens } from '../state/delta-tokens.js';
import type { PendingRequests, SignInSessions } from '../state/sign-in-sessions.js';
import type { PendingInteraction } from '../identity/interaction-state.js';
import type { GraphSubscriptions } from '../graph/subscriptions/graph-subscriptions.js';
import type { MailboxStore } from '../graph/mail/mailbox-store.js';

export interface EmulatorContext {
  options: EmulatorOptions;
  directory: DirectoryStore;
  /** Licences, policies, methods, PIM and logs of each tenant (state/security-config.ts). */
  security: SecurityConfigStore;
  /** Who holds which directory role, indexed from the directory. */
  roles: RoleMembers;
  /** Users / groups delta query state tokens. */
  deltaTokens: DeltaTokens;
  clock: EmulatorClock;
  keys: SigningKeySet;
  signer: JwtSigner;
  minter: TokenMinter;
  sealer: RefreshTokenSealer;
  codes: AuthorizationCodes;
  /** Device authorization grants waiting for, or given, the user's sign-in on the device login page. */
  deviceCodes: DeviceCodes;
  sessions: SignInSessions;
  pending: PendingRequests<PendingInteraction>;
  origin: OriginResolver;
  requestLog: RequestLog;
  faults: FaultInjector;
  /** Graph change notifications: subscriptions and what was sent to subscribers. */
  subscriptions: GraphSubscriptions;
  /** Mail sent through Graph: each user's Inbox, Sent Items and Drafts. */
  mailboxes: MailboxStore;
  calendars: CalendarStore;
  teamsMessages: TeamsMessageStore;
  /** The seed summary when the directory was seeded (`--seed demo`). */
  seed: SeedSummary | undefined;
  /** The organisation file in the data dir: state modules register here to survive a restart. */
  persistence: PersistenceRegistry;
  /** Back to the state at start: directory, sessions, codes, faults, log and clock. */
  reset(): void;
}
