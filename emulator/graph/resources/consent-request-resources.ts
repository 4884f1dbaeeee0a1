// Admin consent requests and the workflow policy as Microsoft Graph v1.0 returns them.
//  - appConsentRequest: https://learn.microsoft.com/graph/api/resources/appconsentrequest; the "List
//    appConsentRequests" sample (api/appconsentapprovalroute-list-appconsentrequests) carries `consentType` and an
//    unexpanded, empty `userConsentRequests` with its own context URL: read the user requests through
//    /appConsentRequests/{id}/userConsentRequests, as on Graph.
//  - userConsentRequest with its approval and stages, as in the "List userConsentRequests" sample
//    (api/appconsentrequest-list-userconsentrequests): createdBy.user, approval.stages[] with reviewResult,
//    justification, reviewedBy, reviewedDateTime; approvalId = id.
//  - approvalStage: https://learn.microsoft.com/graph/api/resources/approvalstage (reviewedBy 00000000-… until
//    someone reviewed).
//  - adminConsentRequestPolicy: https://learn.microsoft.com/graph/api/adminconsentrequestpolicy-get.
import { pendingScopesOf, statusOf } from '../../state/consent-requests.js';
import type { AdminConsentRequestPolicy, AppConsentRequestRecord, UserConsentRequestRecord, User } from '../../state/directory-types.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';

const noReviewer = { id: '00000000-0000-0000-0000-000000000000', displayName: '', userPrincipalName: '', mail: '' };

export const appConsentRequestShape: ResourceShape = {
  type: 'microsoft.graph.appConsentRequest',
  properties: ['id', 'appId', 'appDisplayName', 'consentType', 'pendingScopes', 'userConsentRequests@odata.context', 'userConsentRequests'],
  defaults: ['id', 'appId', 'appDisplayName', 'consentType', 'pendingScopes', 'userConsentRequests@odata.context', 'userConsentRequests'],
  filterable: ['appId', 'appDisplayName', 'id'],
};

export function appConsentRequestResource(record: AppConsentRequestRecord, appDisplayName: string, serviceRoot: string, now: number, durationDays: number): GraphObject {
  return {
    id: record.id,
    appId: record.appId,
    appDisplayName,
    consentType: record.consentType,
    pendingScopes: pendingScopesOf(record, now, durationDays).map((displayName) => ({ displayName })),
    'userConsentRequests@odata.context': `${serviceRoot}/$metadata#identityGovernance/appConsent/appConsentRequests('${record.id}')/userConsentRequests`,
    userConsentRequests: [],
  };
}

export const userConsentRequestShape: ResourceShape = {
  type: 'microsoft.graph.userConsentRequest',
  properties: ['id', 'reason', 'status', 'createdDateTime', 'createdBy', 'approval', 'approvalId', 'completedDateTime', 'customData'],
  defaults: ['id', 'reason', 'status', 'createdDateTime', 'createdBy', 'approval', 'approvalId', 'completedDateTime', 'customData'],
  filterable: ['status', 'reason', 'createdDateTime', 'id'],
};

export function userConsentRequestResource(record: UserConsentRequestRecord, requester: User | undefined, now: number, durationDays: number, assignedToMe: boolean): GraphObject {
  const status = statusOf(record, now, durationDays);
  const review = record.review;
  return {
    id: record.id,
    reason: record.reason,
    status,
    createdDateTime: record.createdDateTime,
    createdBy: {
      user: requester
        ? { id: requester.id, displayName: requester.displayName, userPrincipalName: requester.userPrincipalName, mail: requester.mail ?? null }
        : { id: record.userId, displayName: null, userPrincipalName: null, mail: null },
    },
    approval: {
      id: record.id,
      stages: [
        {
          id: record.stageId,
          displayName: null,
          reviewedDateTime: review?.reviewedDateTime ?? null,
          reviewResult: review?.result ?? 'NotReviewed',
          status: review ? 'Completed' : status,
          assignedToMe,
          justification: review?.justification ?? null,
          reviewedBy: review?.reviewedBy ?? noReviewer,
        },
      ],
    },
    approvalId: record.id,
    completedDateTime: review?.reviewedDateTime ?? null,
    customData: null,
  };
}

export const adminConsentRequestPolicyShape: ResourceShape = {
  type: 'microsoft.graph.adminConsentRequestPolicy',
  properties: ['isEnabled', 'notifyReviewers', 'remindersEnabled', 'requestDurationInDays', 'version', 'reviewers'],
  defaults: ['isEnabled', 'notifyReviewers', 'remindersEnabled', 'requestDurationInDays', 'version', 'reviewers'],
};

/** The tenant's Global Administrators review requests (the emulator has no other reviewer roles). */
export function adminConsentRequestPolicyResource(policy: AdminConsentRequestPolicy, reviewers: User[]): GraphObject {
  return {
    isEnabled: policy.isEnabled,
    notifyReviewers: false,
    remindersEnabled: false,
    requestDurationInDays: policy.isEnabled ? policy.requestDurationInDays : 0,
    version: policy.version,
    reviewers: policy.isEnabled ? reviewers.map((u) => ({ query: `/users/${u.id}`, queryType: 'MicrosoftGraph', queryRoot: null })) : [],
  };
}
