// The problem codes of tenant connections (see src/platform/errors/app-error.ts).
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const TENANT_PROBLEMS = {
  tenant_paused: {
    status: 409,
    title: 'Tenant connection paused',
    detail: "This customer tenant's connection is paused, so the hub makes no application calls in it. Resume it (PATCH …/tenants/{tenantId} with {\"paused\": false}) first.",
  },
  tenant_removed: {
    status: 409,
    title: 'Tenant connection removed',
    detail: 'The workspace removed this customer tenant, so the hub makes no application calls in it. Its administrator grants admin consent again to add it back.',
  },
} as const satisfies ProblemDefinitions;
