// The problem codes console-auth answers with (see src/platform/errors/app-error.ts).
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const CONSOLE_AUTH_PROBLEMS = {
  invalid_credentials: {
    status: 401,
    title: 'Invalid credentials',
    detail: 'The email or password is not correct. Check both and try again.',
  },
  weak_password: {
    status: 400,
    title: 'Password too weak',
    detail: 'Passwords need at least 12 characters. Choose a longer one.',
  },
} as const satisfies ProblemDefinitions;
