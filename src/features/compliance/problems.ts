// The problem codes the compliance routes answer with (see src/platform/errors/app-error.ts).
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const COMPLIANCE_PROBLEMS = {
  invalid_snapshot: {
    status: 422,
    title: 'Not a snapshot',
    detail: 'The body is not a snapshot in the hub\'s format: { "format": "m365hub.snapshot", "version": 1, "areas": { … } } (see docs/compliance.md).',
  },
  invalid_assessment_config: {
    status: 422,
    title: 'Invalid assessment configuration',
    detail: 'The assessment configuration has ScubaGear\'s shape: { "Aad": { "MS.AAD.3.1v1": { "CapExclusions": { "Users": [ids], "Groups": [ids] } } } }; fix the key named in errors[].',
  },
  baseline_of_another_tenant: {
    status: 422,
    title: 'Snapshot of another tenant',
    detail: 'A baseline is a snapshot of the same tenant: pick a snapshotId from GET …/compliance/tenants/{tenantId}/snapshots of this tenant.',
  },
} as const satisfies ProblemDefinitions;
