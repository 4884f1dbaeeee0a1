// The problem codes of the Graph pass-through (see src/platform/errors/app-error.ts).
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const PROXY_PROBLEMS = {
  proxy_path_invalid: {
    status: 400,
    title: 'Not a Microsoft Graph path the hub will call',
    detail: 'Name a plain Graph path after …/proxy/graph/v1.0 (or beta), e.g. /me/drive/root/children: no .. segments, encoded slashes, backslashes or absolute URLs.',
  },
  proxy_path_not_covered: {
    status: 403,
    title: 'No enabled service covers this Graph path',
    detail: "This Graph path belongs to none of the services the workspace enabled. Enable the service it belongs to in the Microsoft 365 integration, or ask the hub's operator to open the pass-through for this workspace.",
  },
  sharepoint_host_unknown: {
    status: 409,
    title: "The tenant's SharePoint host is not known",
    detail: "The hub finds a tenant's SharePoint host from Microsoft Graph's root site (GET /sites/root). Enable the SharePoint service and grant Sites.Read.All, then try again.",
  },
} as const satisfies ProblemDefinitions;
