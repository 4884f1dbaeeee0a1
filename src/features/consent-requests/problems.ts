// The problem codes of the consent requests route (see src/platform/errors/app-error.ts).
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const CONSENT_REQUEST_PROBLEMS = {
  microsoft_unavailable: {
    status: 503,
    title: 'Microsoft did not answer',
    detail: 'Microsoft Entra ID or Microsoft Graph did not answer normally after the retries allowed. Nothing to change on your side; try again in a minute.',
  },
} as const satisfies ProblemDefinitions;
