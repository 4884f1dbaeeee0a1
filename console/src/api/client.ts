// The one place the console talks to the hub: every request goes through `request`, which sends the session
// cookie and the CSRF token, turns problem+json answers into ApiProblem, and reports a lost session (401).
import { ApiProblem } from './problem.js';
import type {
  ApiKey,
  AuditEntry,
  CreatedApiKey,
  Member,
  NewMember,
  Page,
  ProblemDetails,
  Session,
  UpdateWorkspaceBody,
  Workspace,
  WorkspaceRole,
} from './types.js';

const base = '/api/v1';
const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;
const unauthorizedListeners = new Set<() => void>();

/** Called whenever the hub answers 401 outside sign-in: the session expired or was revoked. */
export function onUnauthorized(listener: () => void): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /** Sign-in and session probes answer 401 as a normal outcome, not as a lost session. */
  unauthorizedIsExpected?: boolean;
}

/** For the feature modules' own calls (m365-client.ts): the same cookie, CSRF and problem handling. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (unsafeMethods.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(base + path + queryString(options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new ApiProblem({
      title: 'Cannot reach m365hub',
      status: 0,
      detail: 'The server did not answer. Check that it is running and your network connection, then try again.',
      code: 'network_error',
    });
  }

  if (response.status === 401 && !options.unauthorizedIsExpected) {
    csrfToken = null;
    for (const listener of unauthorizedListeners) listener();
  }
  if (!response.ok) throw new ApiProblem(await readProblem(response));
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

function queryString(query: RequestOptions['query']): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The server's problem details when it sent them; otherwise a readable stand-in (never the raw body). */
async function readProblem(response: Response): Promise<ProblemDetails> {
  const fallback: ProblemDetails = {
    title: response.statusText || 'Request failed',
    status: response.status,
    detail: `The server answered ${response.status}. Try again; if it keeps happening, check the hub's logs.`,
  };
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return fallback;
  try {
    const body = (await response.json()) as Partial<ProblemDetails>;
    if (typeof body.title !== 'string') return fallback;
    return {
      title: body.title,
      status: typeof body.status === 'number' ? body.status : response.status,
      detail: typeof body.detail === 'string' ? body.detail : undefined,
      code: typeof body.code === 'string' ? body.code : undefined,
      requestId: typeof body.requestId === 'string' ? body.requestId : undefined,
      errors: Array.isArray(body.errors) ? body.errors.filter(isFieldError) : undefined,
    };
  } catch {
    return fallback;
  }
}

function isFieldError(value: unknown): value is { pointer: string; detail: string } {
  const candidate = value as { pointer?: unknown; detail?: unknown } | null;
  return typeof candidate?.pointer === 'string' && typeof candidate.detail === 'string';
}

const segment = encodeURIComponent;

/** Follows nextCursor to the end: for the short lists (workspaces, members, keys) the console shows whole. */
async function listAll<T>(path: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page: Page<T> = await request('GET', path, { query: { limit: 100, cursor } });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

// Auth

export async function signIn(email: string, password: string): Promise<Session> {
  const session = await request<Session>('POST', '/auth/sign-in', {
    body: { email, password },
    unauthorizedIsExpected: true,
  });
  csrfToken = session.csrfToken;
  return session;
}

export async function signOut(): Promise<void> {
  try {
    await request<void>('POST', '/auth/sign-out', { unauthorizedIsExpected: true });
  } finally {
    csrfToken = null;
  }
}

/** The current session, or null when the browser has none. */
export async function currentSession(): Promise<Session | null> {
  try {
    const session = await request<Session>('GET', '/auth/session', { unauthorizedIsExpected: true });
    csrfToken = session.csrfToken;
    return session;
  } catch (error) {
    if (error instanceof ApiProblem && error.status === 401) return null;
    throw error;
  }
}

// Workspaces

export const listWorkspaces = (): Promise<Workspace[]> => listAll<Workspace>('/workspaces');

export const createWorkspace = (name: string): Promise<Workspace> => request('POST', '/workspaces', { body: { name } });

export const updateWorkspace = (workspaceId: string, change: UpdateWorkspaceBody): Promise<Workspace> =>
  request('PATCH', `/workspaces/${segment(workspaceId)}`, { body: change });

export const deleteWorkspace = (workspaceId: string): Promise<void> =>
  request('DELETE', `/workspaces/${segment(workspaceId)}`);

// Members

export const listMembers = (workspaceId: string): Promise<Member[]> =>
  listAll<Member>(`/workspaces/${segment(workspaceId)}/members`);

export const addMember = (workspaceId: string, member: NewMember): Promise<Member> =>
  request('POST', `/workspaces/${segment(workspaceId)}/members`, { body: member });

export const changeMemberRole = (workspaceId: string, userId: string, role: WorkspaceRole): Promise<Member> =>
  request('PATCH', `/workspaces/${segment(workspaceId)}/members/${segment(userId)}`, { body: { role } });

export const removeMember = (workspaceId: string, userId: string): Promise<void> =>
  request('DELETE', `/workspaces/${segment(workspaceId)}/members/${segment(userId)}`);

// API keys

export const listApiKeys = (workspaceId: string): Promise<ApiKey[]> =>
  listAll<ApiKey>(`/workspaces/${segment(workspaceId)}/api-keys`);

export const createApiKey = (workspaceId: string, name: string): Promise<CreatedApiKey> =>
  request('POST', `/workspaces/${segment(workspaceId)}/api-keys`, { body: { name } });

export const revokeApiKey = (workspaceId: string, apiKeyId: string): Promise<void> =>
  request('DELETE', `/workspaces/${segment(workspaceId)}/api-keys/${segment(apiKeyId)}`);

// Audit log

export const listAuditLog = (workspaceId: string, page: { limit: number; cursor?: string }): Promise<Page<AuditEntry>> =>
  request('GET', `/workspaces/${segment(workspaceId)}/audit-log`, { query: page });
