// Admin consent requests as Entra ID keeps them: one appConsentRequest per app and tenant, holding every user's
// userConsentRequest (reason, requester, time) with its single approval stage
// (https://learn.microsoft.com/graph/api/resources/consentrequests-overview: "The approval process is currently a
// single-stage process"). A user has at most one request in progress per app; asking again while one is in progress
// changes nothing. Status follows the userConsentRequest page: InProgress until reviewed, then Completed; a request
// nobody decided within the policy's requestDurationInDays shows as Expired.
import { DirectoryError } from './directory-errors.js';
import { newGuid } from './deterministic-id.js';
import type { AppConsentRequestRecord, UserConsentRequestRecord } from './directory-types.js';

export type UserConsentStatus = 'InProgress' | 'Completed' | 'Expired';

export interface Reviewer {
  id: string;
  displayName: string;
  userPrincipalName: string;
  mail: string;
}

export interface NewConsentRequest {
  tenantId: string;
  appId: string;
  userId: string;
  reason: string;
  scopes: string[];
  consentType: 'Static' | 'Dynamic';
  now: number;
}

const dayMs = 86_400_000;

export class ConsentRequests {
  private records: AppConsentRequestRecord[] = [];

  constructor(private readonly changed: () => void) {}

  list(tenantId: string): AppConsentRequestRecord[] {
    return this.records.filter((r) => r.tenantId === tenantId);
  }

  find(tenantId: string, id: string): AppConsentRequestRecord | undefined {
    return this.records.find((r) => r.tenantId === tenantId && r.id === id.toLowerCase());
  }

  forApp(tenantId: string, appId: string): AppConsentRequestRecord | undefined {
    return this.records.find((r) => r.tenantId === tenantId && r.appId === appId.toLowerCase());
  }

  /** The user's request still waiting for a decision, if any. */
  inProgressFor(tenantId: string, appId: string, userId: string, now: number, durationDays: number): UserConsentRequestRecord | undefined {
    return this.forApp(tenantId, appId)?.userConsentRequests.find((u) => u.userId === userId && statusOf(u, now, durationDays) === 'InProgress');
  }

  submit(input: NewConsentRequest, durationDays: number): { app: AppConsentRequestRecord; user: UserConsentRequestRecord; created: boolean } {
    const reason = input.reason.trim();
    if (!reason) throw new DirectoryError(400, 'a justification (reason) is required to request approval');
    let app = this.forApp(input.tenantId, input.appId);
    const existing = app && this.inProgressFor(input.tenantId, input.appId, input.userId, input.now, durationDays);
    if (app && existing) return { app, user: existing, created: false };
    if (!app) {
      app = { id: newGuid(), tenantId: input.tenantId, appId: input.appId.toLowerCase(), consentType: input.consentType, userConsentRequests: [] };
      this.records.push(app);
    }
    const id = newGuid();
    const user: UserConsentRequestRecord = { id, userId: input.userId, reason, scopes: [...new Set(input.scopes)], createdDateTime: new Date(input.now).toISOString(), stageId: newGuid() };
    app.userConsentRequests.push(user);
    this.changed();
    return { app, user, created: true };
  }

  /**
   * Records a reviewer's decision on one user's request. Microsoft answers 409 when the stage was already decided
   * (https://learn.microsoft.com/graph/api/approvalstage-update "Response"); an expired request cannot be decided either.
   */
  decide(app: AppConsentRequestRecord, user: UserConsentRequestRecord, result: 'Approve' | 'Deny', justification: string, reviewer: Reviewer, now: number, durationDays: number): void {
    const status = statusOf(user, now, durationDays);
    if (status !== 'InProgress') throw new DirectoryError(409, `the consent request ${user.id} is ${status}; only a request in progress can be decided`);
    user.review = { result, justification, reviewedDateTime: new Date(now).toISOString(), reviewedBy: reviewer };
    // A decision answers every requestor of the app: "Once a request is approved, all requestors are notified…";
    // a denial's justification "is provided to all requestors"
    // (https://learn.microsoft.com/entra/identity/enterprise-apps/review-admin-consent-requests).
    for (const other of app.userConsentRequests) {
      if (other !== user && statusOf(other, now, durationDays) === 'InProgress') other.review = { ...user.review };
    }
    this.changed();
  }

  snapshot(): AppConsentRequestRecord[] {
    return structuredClone(this.records);
  }

  load(records: AppConsentRequestRecord[] | undefined): void {
    this.records = structuredClone(records ?? []);
  }
}

export function statusOf(user: UserConsentRequestRecord, now: number, durationDays: number): UserConsentStatus {
  if (user.review) return 'Completed';
  if (now > Date.parse(user.createdDateTime) + durationDays * dayMs) return 'Expired';
  return 'InProgress';
}

/** Scopes still waiting: those of every request in progress (empty once all are decided or expired). */
export function pendingScopesOf(app: AppConsentRequestRecord, now: number, durationDays: number): string[] {
  const scopes = new Set<string>();
  for (const user of app.userConsentRequests) if (statusOf(user, now, durationDays) === 'InProgress') for (const s of user.scopes) scopes.add(s);
  return [...scopes];
}
