// The `scope` parameter of the v2.0 endpoints (https://learn.microsoft.com/entra/identity-platform/scopes-oidc):
// space-separated OIDC scopes (openid, profile, email, offline_access), resource-qualified permissions
// (`https://graph.microsoft.com/Mail.Read`, or with Graph's app id as the resource), bare names (which mean
// Microsoft Graph) and `{resource}/.default` (the statically configured or granted permissions). Besides Graph, the
// emulator hosts SharePoint REST and the Management Activity API (./hosted-resources.ts), asked for with `/.default`.
import { getPermission } from '../permissions/graph-permissions.js';
import type { DirectoryStore } from '../state/directory-store.js';
import { aadsts, type AadstsError } from './aadsts-errors.js';
import { graphAppId, graphResourceUri, isOidcScope } from './graph-resource.js';
import { hostedResource } from './hosted-resources.js';

export interface ScopeRequest {
  /** OIDC scopes asked for, lower case. */
  oidc: string[];
  /** Graph permission names, as Microsoft spells them. */
  graph: string[];
  /** Whether `{graph}/.default` was asked for. */
  graphDefault: boolean;
  /** How the resource was named, which becomes the v1.0 token's `aud` (a URI or Graph's app id). */
  audience: string;
  /** Every scope token as sent, for echoing in errors. */
  raw: string[];
}

type Parsed = { ok: true; value: ScopeRequest } | { ok: false; error: AadstsError };

function splitResource(token: string): { resource: string; permission: string } | undefined {
  const slash = token.lastIndexOf('/');
  if (slash <= 0) return undefined;
  return { resource: token.slice(0, slash).replace(/\/+$/, ''), permission: token.slice(slash + 1) };
}

function isGraphResource(resource: string): 'uri' | 'guid' | false {
  const r = resource.toLowerCase();
  if (r === graphResourceUri || r === 'https://graph.microsoft.com/v1.0' || r === 'https://graph.microsoft.us') return 'uri';
  if (r === graphAppId) return 'guid';
  return false;
}

/**
 * Parses and validates scopes for a delegated (user) flow. Unknown Graph permissions and resources the emulator
 * does not host are AADSTS70011; the app's own API (`api://{appId}/…`) is a real feature it does not emulate.
 */
export function parseScopes(scope: string, directory: DirectoryStore): Parsed {
  const raw = scope.split(/\s+/).filter(Boolean);
  const value: ScopeRequest = { oidc: [], graph: [], graphDefault: false, audience: graphResourceUri, raw };
  let audienceSet = false;
  for (const token of raw) {
    if (isOidcScope(token)) {
      value.oidc.push(token.toLowerCase());
      continue;
    }
    const split = splitResource(token);
    let permission = token;
    if (split) {
      const graph = isGraphResource(split.resource);
      const hosted = graph ? undefined : hostedResource(split.resource, directory);
      if (hosted) {
        // Another resource's own permissions are not in Graph's table: `.default` (its granted ones) only.
        if (split.permission !== '.default') return { ok: false, error: aadsts.invalidScope(token) };
        if (!audienceSet) {
          value.audience = hosted.audience;
          audienceSet = true;
        }
        value.graphDefault = true;
        continue;
      }
      if (!graph) {
        const appIdMatch = /^(?:api:\/\/)?([0-9a-f-]{36})$/i.exec(split.resource);
        if (appIdMatch && directory.getApplication(appIdMatch[1]!)) {
          return { ok: false, error: aadsts.unsupported(`Requesting tokens for a registered application's own API ('${split.resource}')`) };
        }
        return { ok: false, error: aadsts.invalidScope(token) };
      }
      if (!audienceSet) {
        value.audience = graph === 'guid' ? graphAppId : graphResourceUri;
        audienceSet = true;
      }
      permission = split.permission;
    }
    if (permission === '.default') {
      value.graphDefault = true;
      continue;
    }
    const fact = getPermission(permission, 'delegated');
    if (!fact) return { ok: false, error: aadsts.invalidScope(token) };
    if (!value.graph.includes(fact.name)) value.graph.push(fact.name);
  }
  return { ok: true, value };
}

/** Client credentials accept exactly one `{resource}/.default` (AADSTS1002012 otherwise). */
export function parseClientCredentialsScope(scope: string, directory: DirectoryStore): { ok: true; audience: string } | { ok: false; error: AadstsError } {
  const raw = scope.split(/\s+/).filter(Boolean);
  const defaults = raw.filter((t) => t.endsWith('/.default'));
  if (defaults.length === 0 || defaults.length !== raw.length) return { ok: false, error: aadsts.scopeNotDefault(scope) };
  if (defaults.length > 1) return { ok: false, error: aadsts.multipleResources() };
  const resource = splitResource(defaults[0]!)!.resource;
  const graph = isGraphResource(resource);
  const hosted = graph ? undefined : hostedResource(resource, directory);
  if (hosted) return { ok: true, audience: hosted.audience };
  if (!graph) return { ok: false, error: aadsts.invalidScope(defaults[0]!) };
  return { ok: true, audience: graph === 'guid' ? graphAppId : graphResourceUri };
}
