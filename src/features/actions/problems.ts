// The problem codes of typed actions (see src/platform/errors/app-error.ts).
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const ACTION_PROBLEMS = {
  idempotency_key_reused: {
    status: 422,
    title: 'Idempotency-Key already used for another request',
    detail: 'This Idempotency-Key was used with a different request. Use a new key for a new action; reuse a key only to retry the same request.',
  },
  action_in_progress: {
    status: 409,
    title: 'The same action is still running',
    detail: 'A request with this Idempotency-Key is still being carried out. Retry after the time in Retry-After to get its outcome.',
  },
  action_refused: {
    status: 422,
    title: 'Microsoft 365 refused the action',
    detail: "Microsoft Graph refused the action; its reason is in this detail. Fix the request (recipients, mailbox, permissions), then send it with a new Idempotency-Key.",
  },
  action_outcome_unknown: {
    status: 502,
    title: 'Microsoft 365 did not say whether the action was done',
    detail: 'Microsoft Graph did not answer in time, so the action may or may not have been carried out. Check (e.g. Sent Items) before trying again with a new Idempotency-Key.',
  },
} as const satisfies ProblemDefinitions;
