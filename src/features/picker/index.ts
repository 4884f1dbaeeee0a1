// The picker feature's public surface: signed picker sessions for the hosted file picker, its routes (the session
// route for host backends, the page, its API and the opener script), and their problem codes.
export { openPickerSession, PickerOriginNotAllowed, PICKER_PAGE_PATH, type PickerSessionRequest } from './picker-sessions.js';
export { PickerSessionError, PICKER_SESSION_TTL_MS, pickerSigningKeys, verifyPickerSession, type PickerMode, type PickerSessionClaims } from './picker-session-token.js';
export { PICKER_PROBLEMS, type PickerProblemCode } from './problems.js';
export { registerPickerRoutes, type PickerRouteDeps } from './picker-routes.js';
export { registerPickerApiRoutes, PICKER_SESSION_HEADER, type PickerApiDeps } from './picker-api-routes.js';
