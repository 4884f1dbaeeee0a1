// Microsoft Graph permission facts for the emulator, derived from Microsoft's own published data
// (microsoftgraph/microsoft-graph-devx-content; the files and commits are in `permissionSource`).
// The table lives in graph-permissions.json next to this file; README.md says how it was derived.
//
// Used for consent pages (titles and descriptions), admin-only decisions (adminConsentRequired)
// and, in the Graph half, enforcement (permissionsForRequest).
import data from './graph-permissions.json' with { type: 'json' };

/** The Microsoft Graph resource (service principal) application id. */
export const GRAPH_RESOURCE_APP_ID = '00000003-0000-0000-c000-000000000000';

export type PermissionKind = 'delegated' | 'application';

export interface PermissionFact {
  /** The permission (scope or app role) value, spelled as Microsoft spells it, e.g. `User.Read`. */
  name: string;
  kind: PermissionKind;
  /** The permission's id on the Microsoft Graph service principal (oauth2PermissionScopes / appRoles). */
  id: string;
  /** Whether only an administrator can consent (delegated) — application permissions as the source states. */
  adminConsentRequired: boolean;
  /**
   * The admin consent title: for delegated permissions what an administrator sees
   * (adminConsentDisplayName), for application permissions the only title the source has.
   */
  consentDisplayName: string;
  consentDescription: string;
  /** Delegated permissions only: the title and description a user sees on the consent page. */
  userConsentDisplayName?: string;
  userConsentDescription?: string;
}

export interface RequestPermissions {
  /** Delegated (work or school account) permissions the source lists for this request. */
  delegated: string[];
  /** Application permissions the source lists (resource-specific consent permissions excluded). */
  application: string[];
  /** The permission the source marks least privileged, per kind, when it marks one. */
  leastPrivileged: { delegated?: string; application?: string };
}

/** The source of the table: repository, files and the commit each was read at, date read. */
export interface PermissionSource {
  repository: string;
  files: Record<string, string>;
  dateRead: string;
  derivation: string;
  coverage: unknown;
  missing: Array<{ name: string; kind: string; reason: string }>;
}

interface StoredPermission extends PermissionFact {
  from?: Record<string, string>;
}

interface StoredPath {
  method: string;
  /** The source's own spelling: lower case, every placeholder written `{id}`. */
  path: string;
  delegated: string[];
  application: string[];
  leastPrivileged: { delegated?: string; application?: string };
  leastMarkedBy?: { delegated: string[]; application: string[] };
  rscApplication?: string[];
  note?: string;
}

interface StoredTable {
  source: PermissionSource;
  permissions: StoredPermission[];
  paths: StoredPath[];
}

const table = data as unknown as StoredTable;

export const permissionSource: PermissionSource = table.source;

function toFact(p: StoredPermission): PermissionFact {
  const fact: PermissionFact = {
    name: p.name,
    kind: p.kind,
    id: p.id,
    adminConsentRequired: p.adminConsentRequired,
    consentDisplayName: p.consentDisplayName,
    consentDescription: p.consentDescription,
  };
  if (p.userConsentDisplayName !== undefined) fact.userConsentDisplayName = p.userConsentDisplayName;
  if (p.userConsentDescription !== undefined) fact.userConsentDescription = p.userConsentDescription;
  return fact;
}

const facts: readonly PermissionFact[] = table.permissions.map(toFact);
const byName = new Map<string, PermissionFact>();
const byId = new Map<string, PermissionFact>();
for (const f of facts) {
  byName.set(`${f.kind}:${f.name.toLowerCase()}`, f);
  byId.set(f.id.toLowerCase(), f);
}

function copy(f: PermissionFact | undefined): PermissionFact | undefined {
  return f ? { ...f } : undefined;
}

/** The fact for a permission name (matched case-insensitively, as Entra ID matches scope values) and kind. */
export function getPermission(name: string, kind: PermissionKind): PermissionFact | undefined {
  return copy(byName.get(`${kind}:${name.trim().toLowerCase()}`));
}

/** The fact for a permission id (a delegated scope id or an application role id). */
export function getPermissionById(id: string): PermissionFact | undefined {
  return copy(byId.get(id.trim().toLowerCase()));
}

/** Every permission in the table, or every permission of one kind. */
export function allPermissions(kind?: PermissionKind): PermissionFact[] {
  return facts.filter((f) => kind === undefined || f.kind === kind).map((f) => ({ ...f }));
}

interface CompiledPath {
  method: string;
  segments: string[];
  placeholders: number;
  entry: StoredPath;
}

const compiled: CompiledPath[] = table.paths.map((entry) => {
  const segments = entry.path.split('/').filter((s) => s !== '');
  return {
    method: entry.method.toUpperCase(),
    segments,
    placeholders: segments.filter((s) => s === '{id}').length,
    entry,
  };
});

/** Reduce a request target to the path segments Graph routes on: no origin, no /v1.0, no query or fragment. */
function requestSegments(target: string): string[] | undefined {
  let path = target.trim();
  const scheme = /^[a-z][a-z0-9+.-]*:\/\/[^/]*/i.exec(path);
  if (scheme) path = path.slice(scheme[0].length);
  const cut = path.search(/[?#]/);
  if (cut >= 0) path = path.slice(0, cut);
  if (!path.startsWith('/')) path = `/${path}`;
  let segments = path.split('/').filter((s) => s !== '');
  if (segments[0]?.toLowerCase() === 'v1.0') segments = segments.slice(1);
  if (segments.length === 0) return undefined;
  try {
    return segments.map((s) => decodeURIComponent(s));
  } catch {
    return undefined;
  }
}

/**
 * The permissions the source lists for a Graph v1.0 request: the method and a concrete path such as
 * `/drives/b!abc/items/01XYZ/content` (with or without `/v1.0`, query string ignored). Literal segments
 * match case-insensitively; `{id}` matches any one segment. Where several templates match, the one with
 * the fewest placeholders wins. `undefined` when the request is not in the table.
 */
export function permissionsForRequest(method: string, path: string): RequestPermissions | undefined {
  const segments = requestSegments(path);
  if (!segments) return undefined;
  const m = method.trim().toUpperCase();
  let best: CompiledPath | undefined;
  for (const c of compiled) {
    if (c.method !== m || c.segments.length !== segments.length) continue;
    const ok = c.segments.every((t, i) => t === '{id}' || t === segments[i]!.toLowerCase());
    if (!ok) continue;
    if (!best || c.placeholders < best.placeholders) best = c;
  }
  if (!best) return undefined;
  const e = best.entry;
  const leastPrivileged: RequestPermissions['leastPrivileged'] = {};
  if (e.leastPrivileged.delegated) leastPrivileged.delegated = e.leastPrivileged.delegated;
  if (e.leastPrivileged.application) leastPrivileged.application = e.leastPrivileged.application;
  return { delegated: [...e.delegated], application: [...e.application], leastPrivileged };
}
