// The Graph v1.0 half of the emulator: every route it serves, mounted on the emulator's own origin under /v1.0.
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import { registerJsonBatch } from './batch/json-batch.js';
import { registerThrottling } from './throttling/throttle-budgets.js';
import { registerGraphRouter, type GraphRoute } from './graph-router.js';
import { complianceRoutes } from './routes/compliance-routes.js';
import { consentRequestRoutes } from './routes/consent-request-routes.js';
import { directoryRoutes } from './routes/directory-routes.js';
import { fileRoutes } from './files/files-routes.js';
import { registerFiles } from './files/files-registration.js';
import { filesRoutes } from './routes/files-routes.js';
import { outlookRoutes } from './routes/outlook-routes.js';
import { teamsRoutes } from './routes/teams-routes.js';
import { subscriptionRoutes } from './subscriptions/subscription-routes.js';
import { mailRoutes } from './mail/mail-routes.js';
import { calendarRoutes } from './calendar/calendar-routes.js';
import { teamsMessageRoutes } from './teams-messages/teams-message-routes.js';
import { deltaRoutes } from './routes/delta-routes.js';
import { membershipRoutes } from './routes/membership-routes.js';
import { policyRoutes } from './routes/policy-routes.js';
import { rolesRoutes } from './routes/roles-routes.js';

export const graphRoutes: GraphRoute[] = [
  ...directoryRoutes,
  ...filesRoutes,
  ...fileRoutes,
  ...teamsRoutes,
  ...outlookRoutes,
  ...complianceRoutes,
  ...consentRequestRoutes,
  ...rolesRoutes,
  ...policyRoutes,
  ...membershipRoutes,
  ...deltaRoutes,
  ...subscriptionRoutes,
  ...mailRoutes,
  ...calendarRoutes,
  ...teamsMessageRoutes,
];

export function registerGraphRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerThrottling(app, ctx);
  registerGraphRouter(app, ctx, graphRoutes);
  registerFiles(app, ctx);
  registerJsonBatch(app, ctx);
}

export { registerGraphHeaders, isGraphPath, graphTrace, setGraphHeaders } from './graph-router.js';
export { graphFaultBody } from './graph-errors.js';
