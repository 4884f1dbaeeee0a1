// The areas a compliance snapshot holds, in the order a sync reads them, with the words the API's progress messages
// and the console use for each. One list, so a new area is named the same way on both sides.
export const COMPLIANCE_AREA_LABELS = {
  directory: 'Users, groups, domains and licences',
  authenticationMethods: 'Authentication methods',
  roles: 'Directory roles',
  conditionalAccess: 'Conditional access',
  authorization: 'Authorization and consent policies',
  sharePoint: 'SharePoint settings',
  secureScore: 'Secure Score',
} as const;

export type ComplianceAreaName = keyof typeof COMPLIANCE_AREA_LABELS;

/** The label of an area, or the area's own name for one this build does not know (a newer snapshot). */
export const complianceAreaLabel = (area: string): string => (COMPLIANCE_AREA_LABELS as Record<string, string>)[area] ?? area;
