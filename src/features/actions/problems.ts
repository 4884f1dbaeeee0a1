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
  action_target_not_found: {
    status: 404,
    title: 'No such item in Microsoft 365',
    detail: 'Microsoft Graph has no such message, event, team, channel or chat where the action looked. Check the id and the mailbox, calendar, team or chat acted in.',
  },
  action_mode_unsupported: {
    status: 422,
    title: 'Microsoft does not offer this action in this mode',
    detail: 'Microsoft Graph offers this action to a signed-in user only. Use delegated mode with X-M365Hub-Acting-User.',
  },
  mail_attachment_too_large: {
    status: 422,
    title: 'Attachment too large for a sent mail',
    detail: 'Microsoft Graph accepts attachments under 3 MB in a sent mail. Send a link to the file instead.',
  },
} as const satisfies ProblemDefinitions;
