// Every route of the connect feature, in registration order.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import { registerAdminConsentRoutes } from './admin-consent-routes.js';
import type { M365RouteDeps } from './connect-http.js';
import { registerConnectionRoutes } from './connection-routes.js';
import { registerM365AuthRoutes } from './m365-auth-routes.js';

export type { M365Services } from './connect-http.js';

export function registerConnectRoutes(server: FastifyInstance, deps: M365RouteDeps & { db: Kysely<Database> }): void {
  registerAdminConsentRoutes(server, deps);
  registerConnectionRoutes(server, deps);
  registerM365AuthRoutes(server, deps);
}
