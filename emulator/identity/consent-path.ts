/** Where the consent, approval and admin consent pages post their answer. */
export const consentPath = (tenantSegment: string) => `/${encodeURIComponent(tenantSegment)}/consent`;
