// The problem codes of picker sessions and of the hosted picker page's calls, each with what to do about it.
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
    detail: 'The picker session is expired, altered or for another workspace. The host product must ask for a new one (POST …/picker/sessions) and open the URL it returns unchanged.',
  },
  picker_mode_not_allowed: {
    status: 403,
    title: 'Picker mode not allowed',
    detail: 'This picker session allows only the mode the host product chose (link or copy). Use that one, or ask the host product for a session with mode "both".',
  },
} as const satisfies ProblemDefinitions;

export type PickerProblemCode = keyof typeof PICKER_PROBLEMS;
