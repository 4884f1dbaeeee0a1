// What goes wrong reaching a user's files, as one of our problem codes: Microsoft's refusals (GraphError) and the
// token service's (TokenError) are translated here once, for the routes and the jobs alike. Messages carry
// Microsoft's codes and ids, never a token or a URL with one.
import { AppError } from '../../platform/errors/app-error.js';
import { GraphError } from '../../microsoft/graph/graph-error.js';
import { TokenError } from '../tokens/index.js';
import type { FilesProblemCode } from './problems.js';

export class FilesError extends AppError {
  declare readonly code: FilesProblemCode;
  readonly retryAfterSeconds: number | undefined;
  /** A job may try again later (throttling, Microsoft trouble). */
  readonly retryable: boolean;
  constructor(code: FilesProblemCode, detail: string, options: { retryAfterSeconds?: number | undefined; retryable?: boolean } = {}) {
    super(code, detail, { problemDetail: detail });
    this.name = 'FilesError';
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.retryable = options.retryable ?? false;
  }
}

/** What the operation needed, to name in a permission problem (least privilege first, as Microsoft's pages list them). */
export type NeededPermission = 'Files.Read' | 'Files.Read.All' | 'Sites.Read.All' | 'Channel.ReadBasic.All' | 'Team.ReadBasic.All';

const THROTTLE_STATUSES = new Set([429, 503, 504]);

/**
 * A FilesError for a failure reaching Microsoft, or the error itself when it is not Microsoft's (a bug stays a 500).
 * `connectHint` says how this user connects (the connect link route for a host product's user).
 */
export function filesErrorOf(error: unknown, context: { needs: NeededPermission; connectHint: string; application?: boolean }): unknown {
  if (error instanceof FilesError) return error;
  if (error instanceof TokenError) {
    if (error.code === 'connection_not_found') return new FilesError('m365_not_connected', `This user has not connected Microsoft 365 in this workspace. ${context.connectHint}`);
    return error; // needs reconnect, integration not configured, token service unavailable: the tokens feature's problems
  }
  if (!(error instanceof GraphError)) return error;
  const ids = error.requestId ? ` (Microsoft request-id ${error.requestId})` : '';
  if (error.status === 404 || error.code === 'itemNotFound') return new FilesError('file_item_gone', `Microsoft 365 has no such item, or this user can no longer see it (${error.code})${ids}. Pick it again.`);
  if (error.status === 403 || error.code === 'accessDenied' || error.code === 'Authorization_RequestDenied') {
    if (context.application) {
      return new FilesError('m365_permission_missing', `Microsoft refused (${error.code})${ids}: the app needs ${context.needs} (application), or with Sites.Selected a grant of this site. Add the permission to the integration and grant admin consent, or grant the site (Grant allowed sites).`);
    }
    return new FilesError('m365_permission_missing', `Microsoft refused (${error.code})${ids}: the connection needs ${context.needs} (delegated). Add it to the integration, grant consent, and have the user reconnect.`);
  }
  if (THROTTLE_STATUSES.has(error.status)) {
    const wait = error.retryAfterSeconds !== undefined ? ` Microsoft asked to wait ${Math.ceil(error.retryAfterSeconds)} s.` : '';
    return new FilesError('microsoft_throttled', `Microsoft 365 is throttling this workspace's calls.${wait} Try again later.`, { retryAfterSeconds: error.retryAfterSeconds, retryable: true });
  }
  return new FilesError('microsoft_unavailable', `Microsoft Graph failed (${error.code}, HTTP ${error.status})${ids}. Try again in a moment.`, { retryable: error.transient });
}
