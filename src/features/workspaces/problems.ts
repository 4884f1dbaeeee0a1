// The problem codes the workspaces feature answers with (see src/platform/errors/app-error.ts).
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const WORKSPACE_PROBLEMS = {
  last_admin: {
    status: 409,
    title: 'Last admin',
    detail: 'A workspace needs at least one admin. Make another member admin first.',
  },
} as const satisfies ProblemDefinitions;
