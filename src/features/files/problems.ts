// The problem codes of the files feature: what a user browsing or attaching Microsoft 365 files meets, each with
// what to do about it. connection_needs_reconnect is the tokens feature's and passes through unchanged.
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const FILES_PROBLEMS = {
  m365_not_connected: {
    status: 409,
    title: 'Microsoft 365 not connected',
    detail: 'This user has not connected Microsoft 365 in this workspace. Connect it first: a console user in User Settings → Integrations; a host product\'s user through a connect link (POST …/users/{externalUserId}/connect-link).',
  },
  m365_permission_missing: {
    status: 403,
    title: 'Microsoft 365 permission missing',
    detail: 'Microsoft refused: the connection lacks a permission this needs. Add the permission named here to the integration, grant consent, and have the user reconnect.',
  },
  file_item_gone: {
    status: 404,
    title: 'Microsoft 365 item not found',
    detail: 'The file or folder no longer exists in Microsoft 365, or this user can no longer see it. Pick it again.',
  },
  file_too_large: {
    status: 413,
    title: 'File too large to copy',
    detail: 'The file is larger than this hub copies (M365HUB_FILES_MAX_COPY_BYTES). Link it instead of copying it.',
  },
  file_not_a_file: {
    status: 422,
    title: 'Not a file',
    detail: 'Only files can be attached; this item is a folder. Pick a file inside it.',
  },
  microsoft_throttled: {
    status: 503,
    title: 'Microsoft 365 is throttling',
    detail: 'Microsoft asked the hub to slow down and the retries allowed ran out. Try again after the time in Retry-After; copies retry on their own.',
  },
  site_not_allowed: {
    status: 403,
    title: 'Site not among the allowed sites',
    detail:
      "The integration lists allowed SharePoint sites (Sites.Selected), and application-mode browsing reaches only those. Browse one of the sites …/files/sources lists, or add this site's URL to allowedSites in the integration settings and grant it (Grant allowed sites).",
  },
  allowed_site_unreachable: {
    status: 403,
    title: 'Allowed site not reachable',
    detail: "Microsoft refused or does not know one of the integration's allowed sites. Grant it to the app (Integrations → Grant allowed sites), or correct its URL in allowedSites.",
  },
  attachment_not_copied: {
    status: 409,
    title: 'Attachment has no stored copy yet',
    detail: 'The copy has not finished (or failed). Follow its job, or add the file again.',
  },
} as const satisfies ProblemDefinitions;

/** Ours, plus the catalogue's shared `microsoft_unavailable` (declared once, by consent-requests; 503). */
export type FilesProblemCode = keyof typeof FILES_PROBLEMS | 'microsoft_unavailable';
