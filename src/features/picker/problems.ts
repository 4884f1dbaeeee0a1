// The problem codes of picker sessions, each with what to do about it. Not yet in the hub's problem catalogue: the
// session route that would raise them over HTTP is not registered yet.
import type { ProblemDefinitions } from '../../platform/errors/app-error.js';

export const PICKER_PROBLEMS = {
  picker_origin_not_allowed: {
    status: 422,
    title: 'Picker origin not allowed',
    detail: "The picker returns the selection only to an origin the workspace allows. Add the host product's origin (scheme, host and port, no path) to the integration's returnOrigins, or open the picker from an allowed origin.",
  },
  picker_session_invalid: {
    status: 401,
    title: 'Picker session not valid',
    detail: 'The picker session is expired, altered or for another workspace. The host product must ask for a new one (POST …/files/picker-sessions) and open the URL it returns unchanged.',
  },
} as const satisfies ProblemDefinitions;

export type PickerProblemCode = keyof typeof PICKER_PROBLEMS;
