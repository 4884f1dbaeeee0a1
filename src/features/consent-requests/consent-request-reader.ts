// The admin consent requests users made for the workspace's app, read from Microsoft Graph with the workspace's
// application token (Microsoft's admin consent workflow: a user meets "Approval required", writes a justification
// and presses "Request approval"; an administrator approves or denies it in the Entra admin center).
//   - GET /identityGovernance/appConsent/appConsentRequests?$filter=appId eq '{appId}' lists the app's request
//     (one per app, shared by every requester), with its userConsentRequests unexpanded;
//   - GET …/appConsentRequests/{id}/userConsentRequests gives who asked, when, why, the status and the approval
//     stage's reviewResult. Both need ConsentRequest.Read.All (or .ReadWrite.All) as an application permission.
// https://learn.microsoft.com/graph/api/appconsentapprovalroute-list-appconsentrequests,
// https://learn.microsoft.com/graph/api/appconsentrequest-list-userconsentrequests,
// https://learn.microsoft.com/graph/api/resources/userconsentrequest, …/resources/approvalstage
import type { ConsentRequest, ConsentRequestList, ConsentRequestStatus } from '../../contract/integration-schemas.js';
import type { GraphClient } from '../../microsoft/graph/graph-client.js';
import { GraphError } from '../../microsoft/graph/graph-error.js';

/** The least permission that reads the requests (ConsentRequest.ReadWrite.All also does, and decides them). */
export const REQUIRED_PERMISSION = 'ConsentRequest.Read.All';

/**
 * Where an administrator approves or denies: Entra admin center → Enterprise applications → Activity → Admin consent
 * requests (https://learn.microsoft.com/entra/identity/enterprise-apps/review-admin-consent-requests). With the
 * tenant in the path the admin center opens that directory, not whichever one the admin used last.
 */
export function reviewUrl(entraAdminCenterUrl: string, tenant: string | null): string {
  const directory = tenant ? `${encodeURIComponent(tenant)}/` : '';
  return `${entraAdminCenterUrl}/${directory}#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AccessRequests`;
}

export const NOT_READABLE_MESSAGE =
  `The app may not read admin consent requests. Add the Microsoft Graph application permission ${REQUIRED_PERMISSION} to the app registration ` +
  "(API permissions → Add a permission → Microsoft Graph → Application permissions), grant admin consent, then reload: the app's token " +
  'carries a newly granted permission once it is renewed (within an hour).';

interface GraphPerson {
  id?: string | null;
  displayName?: string | null;
  userPrincipalName?: string | null;
}

interface GraphAppConsentRequest {
  id: string;
  appId: string;
  pendingScopes?: { displayName?: string | null }[] | null;
}

interface GraphUserConsentRequest {
  id: string;
  reason?: string | null;
  status?: string | null;
  createdDateTime: string;
  createdBy?: { user?: GraphPerson | null } | null;
  approval?: {
    stages?: { reviewResult?: string | null; reviewedDateTime?: string | null; justification?: string | null; reviewedBy?: GraphPerson | null }[] | null;
  } | null;
}

/** Graph's status (InProgress, Completed, Expired) and the stage's reviewResult (Approve, Deny) in one word. */
export function statusOf(request: GraphUserConsentRequest): ConsentRequestStatus {
  const result = request.approval?.stages?.[0]?.reviewResult;
  if (result === 'Approve') return 'Approved';
  if (result === 'Deny') return 'Denied';
  if (request.status === 'InProgress' || request.status === 'Expired' || request.status === 'Completed') return request.status;
  return 'InProgress';
}

/** An unreviewed stage names no reviewer: Graph fills reviewedBy with the all-zero id until someone decides. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

function person(p: GraphPerson | null | undefined) {
  return { id: p?.id ?? null, displayName: p?.displayName ?? null, userPrincipalName: p?.userPrincipalName ?? null };
}

function toRequest(app: GraphAppConsentRequest, user: GraphUserConsentRequest): ConsentRequest {
  const stage = user.approval?.stages?.[0];
  const reviewed = stage && (stage.reviewResult === 'Approve' || stage.reviewResult === 'Deny');
  return {
    id: user.id,
    appConsentRequestId: app.id,
    requestedBy: person(user.createdBy?.user),
    requestedAt: new Date(user.createdDateTime).toISOString(),
    justification: user.reason ?? '',
    status: statusOf(user),
    scopes: (app.pendingScopes ?? []).map((s) => s.displayName).filter((s): s is string => typeof s === 'string' && s.length > 0),
    review: reviewed
      ? {
          reviewedBy: stage.reviewedBy?.id === NOBODY ? person(null) : person(stage.reviewedBy),
          reviewedAt: stage.reviewedDateTime ? new Date(stage.reviewedDateTime).toISOString() : null,
          justification: stage.justification ?? null,
        }
      : null,
  };
}

export type ConsentRequestRead = Omit<ConsentRequestList, 'requiredPermission' | 'appId' | 'tenant' | 'reviewUrl'>;

/**
 * The app's requests, newest first, through a Graph client acting as the workspace's application; `readable: false`
 * when Graph refuses the read (403 Authorization_RequestDenied: the token carries neither ConsentRequest
 * permission). Other Graph failures are thrown as GraphError, and the token's own failures as they come.
 */
export async function readConsentRequests(graph: GraphClient, appId: string): Promise<ConsentRequestRead> {
  const notReadable: ConsentRequestRead = { readable: false, message: NOT_READABLE_MESSAGE, requests: [] };
  const base = '/identityGovernance/appConsent/appConsentRequests';
  const requests: ConsentRequest[] = [];
  try {
    // The appId is a GUID the hub stored; quotes are doubled as OData string literals require all the same.
    for await (const app of graph.paginate<GraphAppConsentRequest>(base, { query: { $filter: `appId eq '${appId.replace(/'/g, "''")}'` }, maxPages: 10 })) {
      if (app.appId !== appId) continue;
      for await (const user of graph.paginate<GraphUserConsentRequest>(`${base}/${encodeURIComponent(app.id)}/userConsentRequests`, { maxPages: 20 })) {
        requests.push(toRequest(app, user));
      }
    }
  } catch (error) {
    if (error instanceof GraphError && (error.status === 401 || error.status === 403)) return notReadable;
    throw error;
  }
  requests.sort((a, b) => b.requestedAt.localeCompare(a.requestedAt));
  return { readable: true, message: null, requests };
}
