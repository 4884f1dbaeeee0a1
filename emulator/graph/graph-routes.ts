// The Graph v1.0 half of the emulator: every route it serves, mounted on the emulator's own origin under /v1.0.
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../server/emulator-context.js';
import { registerGraphRouter, type GraphRoute } from './graph-router.js';
import { complianceRoutes } from './routes/compliance-routes.js';
import { consentRequestRoutes } from './routes/consent-request-routes.js';
import { directoryRoutes } from './routes/directory-routes.js';
import { fileRoutes } from './files/files-routes.js';
import { registerFiles } from './files/files-registration.js';
import { filesRoutes } from './routes/files-routes.js';
import { outlookRoutes } from './routes/outlook-routes.js';
import { teamsRoutes } from './routes/teams-routes.js';

export const graphRoutes: GraphRoute[] = [...directoryRoutes, ...filesRoutes, ...fileRoutes, ...teamsRoutes, ...outlookRoutes, ...complianceRoutes, ...consentRequestRoutes];

export function registerGraphRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  registerGraphRouter(app, ctx, graphRoutes);
  registerFiles(app, ctx);
}

export { registerGraphHeaders, isGraphPath, graphTrace } from './graph-router.js';
export { graphFaultBody } from './graph-errors.js';
