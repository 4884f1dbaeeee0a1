// What the Graph tests share: tokens obtained through the emulator's real token endpoint, a Graph GET, and an
// assertion of Graph's error body (https://learn.microsoft.com/graph/errors).
import assert from 'node:assert/strict';
import type { EmulatorHandle } from '../../harness.js';

export const graphDefault = 'https://graph.microsoft.com/.default';
const redirectUri = 'http://localhost:3000/auth/m365/callback';

export interface GraphResult {
  status: number;
  headers: Headers;
  body: Record<string, any>;
}

type Fetch = EmulatorHandle['fetch'];

export async function graphGet(emulator: { url: string; fetch: Fetch }, path: string, token: string | undefined, headers: Record<string, string> = {}): Promise<GraphResult> {
  const response = await emulator.fetch(`${emulator.url}/v1.0${path}`, { headers: { ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
}

/** Follows an absolute @odata.nextLink. */
export async function graphGetUrl(emulator: { fetch: Fetch }, url: string, token: string): Promise<GraphResult> {
  const response = await emulator.fetch(url, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, any> };
}

/** An app-only token by client credentials (v2-oauth2-client-creds-grant-flow). */
export async function appToken(emulator: { url: string; fetch: Fetch }, tenant: string, appId: string, secret: string): Promise<string> {
  const response = await emulator.fetch(`${emulator.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: appId, client_secret: secret, scope: graphDefault }).toString(),
  });
  const body = (await response.json()) as Record<string, string>;
  assert.equal(response.status, 200, JSON.stringify(body));
  return body.access_token!;
}

/** A new app registration in `tenant` whose admin granted exactly `roles` (application permissions). */
export async function appWithRoles(emulator: EmulatorHandle, tenant: string, roles: string[]): Promise<{ appId: string; token: string }> {
  const app = await emulator.createApplication(tenant, { displayName: `graph test ${roles.join(' ') || 'no roles'}`, redirectUris: [redirectUri] });
  const secret = await emulator.addSecret(tenant, app.appId);
  if (roles.length > 0) await emulator.grant(tenant, { appId: app.appId, roles });
  return { appId: app.appId, token: await appToken(emulator, tenant, app.appId, secret.secretText) };
}

/**
 * A delegated token for `user` through the authorization code flow (v2-oauth2-auth-code-flow); the emulator must
 * run with autoSignIn and autoConsent. `appId`/`secret` default to the demo app.
 */
/** `password`: for an emulator started without autoSignIn. */
export async function userToken(emulator: EmulatorHandle, user: string, scopes: string, app?: { appId: string; secret: string; tenant?: string }, password?: string): Promise<string> {
  const appId = app?.appId ?? emulator.seed!.application.appId;
  const secret = app?.secret ?? emulator.seed!.application.clientSecret;
  const tenant = app?.tenant ?? user.split('@')[1]!;
  const params = new URLSearchParams({ client_id: appId, response_type: 'code', redirect_uri: redirectUri, scope: `openid ${scopes}`, login_hint: user, state: 's' });
  const flow = await emulator.signIn(`${emulator.url}/${tenant}/oauth2/v2.0/authorize?${params}`, password === undefined ? undefined : { username: user, password });
  assert.ok(flow.params.code, JSON.stringify(flow.params));
  const response = await emulator.fetch(`${emulator.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: appId, client_secret: secret, code: flow.params.code!, redirect_uri: redirectUri }).toString(),
  });
  const body = (await response.json()) as Record<string, string>;
  assert.equal(response.status, 200, JSON.stringify(body));
  return body.access_token!;
}

/** Graph's error body, field by field: { error: { code, message, innerError: { date, request-id, client-request-id } } }. */
export function assertGraphError(result: GraphResult, status: number, code: string, message?: string | RegExp): void {
  assert.equal(result.status, status, JSON.stringify(result.body));
  assert.deepEqual(Object.keys(result.body), ['error']);
  const error = result.body.error as Record<string, any>;
  assert.equal(error.code, code);
  if (typeof message === 'string') assert.equal(error.message, message);
  else if (message) assert.match(error.message, message);
  assert.match(error.innerError.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  assert.equal(error.innerError['request-id'], result.headers.get('request-id'));
  assert.equal(error.innerError['client-request-id'], result.headers.get('client-request-id'));
}
