// The problem codes of granting allowed sites (Sites.Selected): what stops an admin's grant, and what to do.
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const SITE_GRANT_PROBLEMS = {
  allowed_sites_missing: {
    status: 409,
    title: 'No allowed sites',
    detail: 'The integration lists no allowed SharePoint sites. Add their URLs (e.g. https://contoso.sharepoint.com/sites/finance) in the integration settings (allowedSites), then grant them.',
  },
  sites_full_control_required: {
    status: 409,
    title: 'Sites.FullControl.All needed to grant sites',
    detail:
      "Granting a site to the app (POST /sites/{site-id}/permissions) needs a SharePoint administrator's token holding the delegated permission Sites.FullControl.All. Add it to the app registration (API permissions → Microsoft Graph → Delegated), grant admin consent, connect your own Microsoft 365 account in this workspace (User settings → Your integrations), then grant again.",
  },
} as const satisfies ProblemDefinitions;
