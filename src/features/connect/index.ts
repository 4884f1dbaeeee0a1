// The connect feature's public surface: the per-user "Connect Microsoft 365" flow and admin consent, their routes,
// and the connect error type.
export { ConnectFlow, type ConnectFlowDeps, type FlowOutcome } from './connect-flow.js';
export { ConnectError, type ConnectErrorCode } from './connect-error.js';
export { deleteExpiredAuthStates } from './auth-states.js';
export { deleteExpiredConnectLinks } from './connect-links.js';
export { registerConnectRoutes, type M365Services } from './connect-routes.js';
export { CONNECT_PROBLEMS } from './problems.js';
export { CONNECT_SEALED_COLUMNS } from './sealed-columns.js';
export { CONNECT_EVENT_TYPES } from './events.js';
export { CONNECT_FLOWS_FOLLOW_INTEGRATION } from './integration-listener.js';
export type * from './tables.js';
