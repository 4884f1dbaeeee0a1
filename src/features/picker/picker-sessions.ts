// Opening a picker session for a host product's backend: the opener's origin is checked against what the workspace
// allows, the claims are signed, and the answer is the picker page's URL with the token in its path (the page route
// is marked secretInPath, so the token never reaches the request log) and when it expires.
import { allowedPickerOrigin, signPickerSession, type PickerMode } from './picker-session-token.js';

export const PICKER_PAGE_PATH = '/picker';

export interface PickerSessionRequest {
  workspaceId: string;
  externalUserId: string;
  entityType: string;
  entityId: string;
  origin: string;
  mode: PickerMode;
}

export class PickerOriginNotAllowed extends Error {
  readonly code = 'picker_origin_not_allowed';
  constructor() {
    super("The picker's origin is not one the workspace allows; add it to the integration's returnOrigins.");
    this.name = 'PickerOriginNotAllowed';
  }
}

export function openPickerSession(
  request: PickerSessionRequest,
  context: { keys: readonly Buffer[]; allowedOrigins: readonly string[]; hubOrigin: string; now: Date },
): { url: string; expiresAt: string } {
  const origin = allowedPickerOrigin(request.origin, context.allowedOrigins);
  if (!origin) throw new PickerOriginNotAllowed();
  const { token, expiresAt } = signPickerSession({ ...request, origin }, context.keys, context.now);
  return { url: `${new URL(context.hubOrigin).origin}${PICKER_PAGE_PATH}/${token}`, expiresAt: expiresAt.toISOString() };
}
