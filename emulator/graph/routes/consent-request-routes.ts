// Admin consent requests through Graph: read them (ConsentRequest.Read.All or .ReadWrite.All), decide one through its
// approval stage (ConsentRequest.ReadWrite.All), and read the workflow policy (Policy.Read.All).
//  - GET /identityGovernance/appConsent/appConsentRequests (api/appconsentapprovalroute-list-appconsentrequests):
//    $filter eq on appId / appDisplayName, and `userConsentRequests/any(u:u/status eq 'InProgress')` (Example 2).
//  - GET …/appConsentRequests/{id} (api/appconsentrequest-get), …/{id}/userConsentRequests
//    (api/appconsentrequest-list-userconsentrequests), …/userConsentRequests/{id} (api/userconsentrequest-get).
//  - PATCH …/userConsentRequests/{id}/approval/stages/{id} with reviewResult Approve|Deny and justification:
//    204, 409 when already decided (api/approvalstage-update "Response").
//  - GET /policies/adminConsentRequestPolicy (api/adminconsentrequestpolicy-get).
// Delegated callers must also hold an admin role ("Role and delegated permission authorization checks" in
// resources/consentrequests-overview; adminconsentrequestpolicy-get): Global Administrator here.
import { decideConsentRequest } from '../../state/consent-request-decision.js';
import { statusOf } from '../../state/consent-requests.js';
import { DirectoryError } from '../../state/directory-errors.js';
import { GraphError, graphErrors } from '../graph-errors.js';
import { collection, entity } from '../graph-response.js';
import type { GraphRoute, GraphRouteRequest } from '../graph-router.js';
import {
  adminConsentRequestPolicyResource,
  adminConsentRequestPolicyShape,
  appConsentRequestResource,
  appConsentRequestShape,
  userConsentRequestResource,
  userConsentRequestShape,
} from '../resources/consent-request-resources.js';

const base = '/identityGovernance/appConsent/appConsentRequests';

/** A delegated caller needs an admin role besides the permission; an app's permission is enough. */
function requireReviewerRole(req: GraphRouteRequest): void {
  if (req.caller.kind !== 'delegated') return;
  const user = req.ctx.directory.getUser(req.caller.userId ?? '');
  if (!user || !req.ctx.directory.isAdmin(user)) throw graphErrors.insufficientPrivileges();
}

function policyOf(req: GraphRouteRequest) {
  return req.ctx.directory.adminConsentPolicy(req.tenant.id);
}

function findAppRequest(req: GraphRouteRequest) {
  // Graph's filterByCurrentUser function would otherwise be taken for a request id.
  if (/^filterByCurrentUser\(/i.test(req.params.request!)) throw graphErrors.emulatorUnsupported('the function filterByCurrentUser');
  const record = req.ctx.directory.consentRequests.find(req.tenant.id, req.params.request!);
  if (!record) throw graphErrors.resourceNotFound(req.params.request!);
  return record;
}

function findUserRequest(req: GraphRouteRequest) {
  const record = findAppRequest(req);
  if (/^filterByCurrentUser\(/i.test(req.params.userRequest!)) throw graphErrors.emulatorUnsupported('the function filterByCurrentUser');
  const user = record.userConsentRequests.find((u) => u.id === req.params.userRequest!.toLowerCase());
  if (!user) throw graphErrors.resourceNotFound(req.params.userRequest!);
  return { record, user };
}

function appResource(req: GraphRouteRequest, record: ReturnType<typeof findAppRequest>) {
  const name = req.ctx.directory.getApplication(record.appId)?.displayName ?? record.appId;
  return appConsentRequestResource(record, name, req.serviceRoot, req.ctx.clock.now(), policyOf(req).requestDurationInDays);
}

function userResource(req: GraphRouteRequest, user: ReturnType<typeof findUserRequest>['user']) {
  const assignedToMe = req.caller.kind === 'delegated' && req.ctx.directory.isAdmin(req.ctx.directory.getUser(req.caller.userId ?? '')!);
  return userConsentRequestResource(user, req.ctx.directory.getUser(user.userId), req.ctx.clock.now(), policyOf(req).requestDurationInDays, assignedToMe);
}

const anyStatusClause = /userConsentRequests\/any\s*\(\s*(\w+)\s*:\s*\1\/status\s+eq\s+'([^']*)'\s*\)/i;

/** Takes Example 2's lambda out of $filter (the shared parser knows eq/startswith only) and applies it here. */
function splitAnyStatus(search: URLSearchParams): { status: string | undefined; search: URLSearchParams } {
  const raw = search.get('$filter');
  const found = raw ? anyStatusClause.exec(raw) : null;
  if (!raw || !found) return { status: undefined, search };
  const rest = raw
    .replace(found[0], '')
    .replace(/^\s*and\s+|\s+and\s*$/i, '')
    .replace(/\s+and\s+and\s+/i, ' and ')
    .trim();
  const copy = new URLSearchParams(search);
  if (rest) copy.set('$filter', rest);
  else copy.delete('$filter');
  return { status: found[2]!.toLowerCase(), search: copy };
}

const reviewResults = new Map([
  ['approve', 'Approve' as const],
  ['deny', 'Deny' as const],
]);

function decide(req: GraphRouteRequest): undefined {
  requireReviewerRole(req);
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (typeof body !== 'object' || Array.isArray(body)) throw graphErrors.badRequest('The request body must be a JSON object with reviewResult and justification.');
  const result = typeof body.reviewResult === 'string' ? reviewResults.get(body.reviewResult.toLowerCase()) : undefined;
  if (!result) throw graphErrors.badRequest("reviewResult is required and must be 'Approve' or 'Deny'.");
  if (body.justification !== undefined && body.justification !== null && typeof body.justification !== 'string') throw graphErrors.badRequest('justification must be a string.');
  const { directory } = req.ctx;
  const reviewer = req.caller.kind === 'delegated' ? directory.getUser(req.caller.userId ?? '') : undefined;
  const app = directory.getApplication(req.caller.appId);
  const reviewedBy = reviewer
    ? { id: reviewer.id, displayName: reviewer.displayName, userPrincipalName: reviewer.userPrincipalName, mail: reviewer.mail ?? '' }
    : { id: directory.servicePrincipal(req.tenant.id, req.caller.appId)?.id ?? req.caller.appId, displayName: app?.displayName ?? '', userPrincipalName: '', mail: '' };
  try {
    decideConsentRequest(directory, {
      tenantId: req.tenant.id,
      appConsentRequestId: req.params.request!,
      userConsentRequestId: req.params.userRequest!,
      stageId: req.params.stage!,
      result,
      justification: typeof body.justification === 'string' ? body.justification : '',
      reviewer: reviewedBy,
      now: req.ctx.clock.now(),
    });
  } catch (error) {
    if (error instanceof DirectoryError && error.status === 404) throw graphErrors.resourceNotFound(req.params.stage!);
    if (error instanceof DirectoryError && error.status === 409) throw new GraphError(409, 'notAllowed', 'The approval stage was already decided or the request has expired.');
    throw error;
  }
  return undefined;
}

export const consentRequestRoutes: GraphRoute[] = [
  {
    path: base,
    handler: (req) => {
      requireReviewerRole(req);
      const { status, search } = splitAnyStatus(req.search);
      const now = req.ctx.clock.now();
      const days = policyOf(req).requestDurationInDays;
      const records = req.ctx.directory.consentRequests
        .list(req.tenant.id)
        .filter((r) => status === undefined || r.userConsentRequests.some((u) => statusOf(u, now, days).toLowerCase() === status));
      return collection({ ...req, search }, { shape: appConsentRequestShape, items: records.map((r) => appResource(req, r)), context: 'identityGovernance/appConsent/appConsentRequests' });
    },
  },
  {
    path: `${base}/{request}`,
    handler: (req) => {
      requireReviewerRole(req);
      return entity(req, appConsentRequestShape, appResource(req, findAppRequest(req)), 'identityGovernance/appConsent/appConsentRequests');
    },
  },
  {
    path: `${base}/{request}/userConsentRequests`,
    handler: (req) => {
      requireReviewerRole(req);
      const record = findAppRequest(req);
      return collection(req, {
        shape: userConsentRequestShape,
        items: record.userConsentRequests.map((u) => userResource(req, u)),
        context: `identityGovernance/appConsent/appConsentRequests('${record.id}')/userConsentRequests`,
      });
    },
  },
  {
    path: `${base}/{request}/userConsentRequests/{userRequest}`,
    handler: (req) => {
      requireReviewerRole(req);
      const { record, user } = findUserRequest(req);
      return entity(req, userConsentRequestShape, userResource(req, user), `identityGovernance/appConsent/appConsentRequests('${record.id}')/userConsentRequests`);
    },
  },
  { method: 'PATCH', path: `${base}/{request}/userConsentRequests/{userRequest}/approval/stages/{stage}`, handler: decide },
  {
    path: '/policies/adminConsentRequestPolicy',
    handler: (req) => {
      requireReviewerRole(req);
      const admins = req.ctx.directory.usersOf(req.tenant.id).filter((u) => req.ctx.directory.isAdmin(u));
      return entity(req, adminConsentRequestPolicyShape, adminConsentRequestPolicyResource(policyOf(req), admins), 'policies/adminConsentRequestPolicy');
    },
  },
];
