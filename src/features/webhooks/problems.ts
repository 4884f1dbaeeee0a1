// The problem codes the webhook routes answer with (see src/platform/errors/app-error.ts).
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const WEBHOOK_PROBLEMS = {
  webhook_target_refused: {
    status: 422,
    title: 'Webhook target refused',
    detail:
      'The webhook URL resolves to a private, loopback, link-local or otherwise non-public address, or does not resolve. Use a public URL (operators can allow private targets for development with M365HUB_ALLOW_PRIVATE_WEBHOOK_TARGETS=true).',
  },
} as const satisfies ProblemDefinitions;
