// Microsoft 365 runs as separate, network-isolated clouds; an app registered in one cannot sign in or call APIs in
// another, so every host the hub talks to changes together. Sources, one per column:
//  - sign-in and portal: https://learn.microsoft.com/graph/deployments ("App registration and token service root
//    endpoints"): login.microsoftonline.com | login.microsoftonline.us (both US Government clouds) | login.chinacloudapi.cn
//  - Graph: same page ("Microsoft Graph and Graph Explorer service root endpoints"): graph.microsoft.com |
//    graph.microsoft.us (L4, GCC High) | dod-graph.microsoft.us (L5, DoD) | microsoftgraph.chinacloudapi.cn
//  - Office 365 Management Activity API: https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-reference
//    ("Activity API operations": manage.office.com, manage.office365.us for GCC High, manage.protection.apps.mil for
//    DoD); Microsoft's own sample script for the API names manage.office365.cn for 21Vianet.
//  - SharePoint Online host suffixes: sharepoint.com | sharepoint.us | sharepoint-mil.us | sharepoint.cn
//    (https://learn.microsoft.com/microsoft-365/enterprise/microsoft-365-u-s-government-gcc-high-endpoints and the
//    21Vianet endpoint list).
//  - Entra admin centers: entra.microsoft.com | entra.microsoft.us (GCC High and DoD) | entra.microsoftonline.cn (the
//    admin center host names Microsoft lists for allow-listing its traffic).
// A permission scope that names Graph must use the cloud's own Graph host (https://learn.microsoft.com/graph/sdks/national-clouds,
// "Permission scopes"), so `graphResource` is kept apart from `graphUrl`, which the emulator may replace.

export const CLOUD_NAMES = ['global', 'usgov', 'usgov-dod', 'china'] as const;
export type CloudName = (typeof CLOUD_NAMES)[number];

export interface NationalCloud {
  name: CloudName;
  /** What an operator reads: "Microsoft 365 operated by 21Vianet" … */
  displayName: string;
  loginUrl: string;
  /** Graph's root, and the resource URI every Graph scope is qualified with (`{graphResource}/.default`). */
  graphResource: string;
  managementUrl: string;
  /** SharePoint Online sites live at `{tenant}.{sharePointSuffix}`. */
  sharePointSuffix: string;
  /** Where app registrations and admin consent requests are handled in this cloud. */
  azurePortalUrl: string;
  entraAdminCenterUrl: string;
}

export const NATIONAL_CLOUDS: Readonly<Record<CloudName, NationalCloud>> = {
  global: {
    name: 'global',
    displayName: 'Microsoft 365 (global)',
    loginUrl: 'https://login.microsoftonline.com',
    graphResource: 'https://graph.microsoft.com',
    managementUrl: 'https://manage.office.com',
    sharePointSuffix: 'sharepoint.com',
    azurePortalUrl: 'https://portal.azure.com',
    entraAdminCenterUrl: 'https://entra.microsoft.com',
  },
  usgov: {
    name: 'usgov',
    displayName: 'Microsoft 365 US Government (GCC High, L4)',
    loginUrl: 'https://login.microsoftonline.us',
    graphResource: 'https://graph.microsoft.us',
    managementUrl: 'https://manage.office365.us',
    sharePointSuffix: 'sharepoint.us',
    azurePortalUrl: 'https://portal.azure.us',
    entraAdminCenterUrl: 'https://entra.microsoft.us',
  },
  'usgov-dod': {
    name: 'usgov-dod',
    displayName: 'Microsoft 365 US Government DoD (L5)',
    loginUrl: 'https://login.microsoftonline.us',
    graphResource: 'https://dod-graph.microsoft.us',
    managementUrl: 'https://manage.protection.apps.mil',
    sharePointSuffix: 'sharepoint-mil.us',
    azurePortalUrl: 'https://portal.azure.us',
    entraAdminCenterUrl: 'https://entra.microsoft.us',
  },
  china: {
    name: 'china',
    displayName: 'Microsoft 365 operated by 21Vianet',
    loginUrl: 'https://login.chinacloudapi.cn',
    graphResource: 'https://microsoftgraph.chinacloudapi.cn',
    managementUrl: 'https://manage.office365.cn',
    sharePointSuffix: 'sharepoint.cn',
    azurePortalUrl: 'https://portal.azure.cn',
    entraAdminCenterUrl: 'https://entra.microsoftonline.cn',
  },
};
