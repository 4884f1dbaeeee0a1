// How Microsoft Graph's userConsentRequest reads as one status (graph/api/resources/userconsentrequest: status
// InProgress / Completed / Expired; resources/approvalstage: reviewResult NotReviewed / Approve / Deny), and what a
// refused read becomes. Microsoft's own shapes come from the emulator's route tests; these cover the rest.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { GraphClient } from '../../src/microsoft/graph/graph-client.js';
import { GraphError } from '../../src/microsoft/graph/graph-error.js';
import { readConsentRequests, reviewUrl } from '../../src/features/consent-requests/consent-request-reader.js';

const APP = '11111111-2222-3333-4444-555555555555';
const NOBODY = '00000000-0000-0000-0000-000000000000';

type Person = { id: string; displayName: string | null; userPrincipalName: string | null };

function user(id: string, status: string, reviewResult: string, createdDateTime: string, reviewedBy: Person = { id: NOBODY, displayName: null, userPrincipalName: null }) {
  return {
    id,
    reason: `reason ${id}`,
    status,
    createdDateTime,
    createdBy: { user: { id: `u-${id}`, displayName: `User ${id}`, userPrincipalName: `${id}@contoso.test` } },
    approval: { stages: [{ reviewResult, reviewedDateTime: reviewResult === 'NotReviewed' ? null : '2026-01-03T00:00:00Z', justification: null, reviewedBy }] },
  };
}

/** A Graph client whose collections are given per path; a GraphError for a path makes every read of it fail. */
function graphOf(collections: Record<string, unknown[] | GraphError>): GraphClient {
  const unused = async (): Promise<never> => {
    throw new Error('not used');
  };
  return {
    get: unused,
    post: unused,
    patch: unused,
    delete: unused,
    async *paginate<T>(path: string) {
      const found = collections[path];
      if (found instanceof GraphError) throw found;
      for (const item of found ?? []) yield item as T;
    },
  };
}

const base = '/identityGovernance/appConsent/appConsentRequests';

describe('reading admin consent requests', () => {
  it('folds status and review result into one word, newest first, and keeps only the app asked for', async () => {
    const graph = graphOf({
      [base]: [
        { id: 'acr-1', appId: APP, pendingScopes: [{ displayName: 'User.Read.All' }] },
        { id: 'acr-other', appId: 'another-app' },
      ],
      [`${base}/acr-1/userConsentRequests`]: [
        user('waiting', 'InProgress', 'NotReviewed', '2026-01-05T00:00:00Z'),
        user('expired', 'Expired', 'NotReviewed', '2026-01-01T00:00:00Z'),
        user('approved', 'Completed', 'Approve', '2026-01-04T00:00:00Z', { id: 'admin', displayName: 'Avery Admin', userPrincipalName: 'admin@contoso.test' }),
        user('denied', 'Completed', 'Deny', '2026-01-03T00:00:00Z', { id: 'admin', displayName: 'Avery Admin', userPrincipalName: 'admin@contoso.test' }),
        user('completed', 'Completed', 'NotReviewed', '2026-01-02T00:00:00Z'),
      ],
      [`${base}/acr-other/userConsentRequests`]: [user('not-ours', 'InProgress', 'NotReviewed', '2026-01-06T00:00:00Z')],
    });
    const read = await readConsentRequests(graph, APP);
    assert.equal(read.readable, true);
    assert.deepEqual(read.requests.map((r) => [r.id, r.status]), [
      ['waiting', 'InProgress'],
      ['approved', 'Approved'],
      ['denied', 'Denied'],
      ['completed', 'Completed'],
      ['expired', 'Expired'],
    ]);
    const waiting = read.requests[0]!;
    assert.equal(waiting.review, null, 'an unreviewed stage (reviewedBy all zeros) is no review');
    assert.deepEqual(waiting.scopes, ['User.Read.All']);
    assert.deepEqual(read.requests[1]!.review?.reviewedBy, { id: 'admin', displayName: 'Avery Admin', userPrincipalName: 'admin@contoso.test' });
  });

  it('a 403 from Graph (no ConsentRequest permission in the token) is readable: false with the permission to add', async () => {
    const denied = new GraphError({ code: 'Authorization_RequestDenied', status: 403, message: 'Insufficient privileges to complete the operation.', clientRequestId: 'c' });
    const read = await readConsentRequests(graphOf({ [base]: denied }), APP);
    assert.equal(read.readable, false);
    assert.deepEqual(read.requests, []);
    assert.match(read.message ?? '', /ConsentRequest\.Read\.All/);
  });

  it('other Graph failures are thrown for the route to answer 503', async () => {
    const down = new GraphError({ code: 'ServiceNotAvailable', status: 503, message: 'down', clientRequestId: 'c' });
    await assert.rejects(readConsentRequests(graphOf({ [base]: down }), APP), GraphError);
  });

  it('links the Entra admin center page in the right directory (review-admin-consent-requests)', () => {
    assert.equal(reviewUrl('https://entra.microsoft.com', 'contoso.onmicrosoft.com'), 'https://entra.microsoft.com/contoso.onmicrosoft.com/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AccessRequests');
    assert.equal(reviewUrl('https://entra.microsoft.com', null), 'https://entra.microsoft.com/#view/Microsoft_AAD_IAM/StartboardApplicationsMenuBlade/~/AccessRequests');
  });
});
