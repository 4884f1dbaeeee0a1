// The Management Activity API's errors: `{ "error": { "code": "AFnnnnn", "message": … } }` with 400, codes and
// wording from the reference's "Errors" table
// (https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-reference#errors).
// Starting a subscription that is already enabled answers AF20024 "The subscription is already enabled. No property
// change." (what the service sends at run time; client libraries treat it as success).

export class ManageError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const af = (code: string, message: string, status = 400) => new ManageError(status, code, message);

export const manageErrors = {
  missingPermission: (granted: string) => af('AF10001', `The permission set (${granted}) sent in the request did not include the expected permission ActivityFeed.Read.`, 401),
  missingParameter: (name: string) => af('AF20001', `Missing parameter: ${name}.`),
  tenantMismatch: (url: string, token: string) => af('AF20010', `The tenant ID passed in the URL (${url}) does not match the tenant ID passed in the access token (${token}).`, 401),
  invalidContentType: () => af('AF20020', 'The specified content type is not valid.'),
  noSubscription: () => af('AF20022', 'No subscription found for the specified content type.'),
  alreadyEnabled: () => af('AF20024', 'The subscription is already enabled. No property change.'),
  invalidNextPage: (value: string) => af('AF20031', `Invalid nextPage Input: ${value}.`),
  contentNotFound: (id: string) => af('AF20050', `The specified content (${id}) doesn't exist.`, 404),
  contentExpired: (id: string) => af('AF20051', `Content requested with the key ${id} has already expired. Content that is older than 7 days cannot be retrieved.`),
  invalidTimeSyntax: () => af('AF20054', 'Invalid syntax for start time and end time.'),
  invalidTimeWindow: () => af('AF20055', 'Start time and end time must both be specified (or both omitted) and they must be less than or equal to 24 hours apart.'),
  startTooOld: () => af('AF20056', 'Start time cannot be more than 7 days in the past.'),
};
