// The console-auth feature's public surface: console users, their sessions (the cookie and CSRF check the HTTP
// authentication hook is given), the sign-in limiter and the auth routes.
export { createConsoleUser, findConsoleUser, findConsoleUserByEmail, normaliseEmail, type ConsoleUser } from './console-users.js';
export { csrfTokenMatches, deleteExpiredSessions, resumeSession, SESSION_COOKIE, type ActiveSession, type SessionOptions } from './sessions.js';
export { setSessionCookie } from './session-cookie.js';
export { deleteEndedSignInWindows, SignInLimiter } from './sign-in-limiter.js';
export { registerAuthRoutes } from './auth-routes.js';
export { CONSOLE_AUTH_PROBLEMS } from './problems.js';
export type * from './tables.js';
