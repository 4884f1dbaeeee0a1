// The typed client a host backend uses: openapi-fetch over the types openapi-typescript generated from the hub's
// own OpenAPI document (./generated/hub-api.ts), so every path, parameter, body and answer is checked by the
// compiler and cannot drift from what the hub serves (test/client/client-types.test.ts regenerates them in CI).
import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { paths } from './generated/hub-api.js';

export type HubPaths = paths;
export type HubClient = Client<paths>;

export interface HubClientOptions {
  /** The hub's origin, e.g. https://m365hub.example.com (no /api/v1: paths carry it). */
  baseUrl: string;
  /** A workspace API key (m365k_…), from the console's API keys page. */
  apiKey: string;
  /** Acts for this user of the host product (X-M365Hub-Acting-User) on every call; see `forUser`. */
  actingUser?: string;
  fetch?: typeof globalThis.fetch;
}

const ACTING_USER_HEADER = 'x-m365hub-acting-user';

function authentication(apiKey: string, actingUser: string | undefined): Middleware {
  return {
    onRequest({ request }) {
      request.headers.set('authorization', `Bearer ${apiKey}`);
      if (actingUser !== undefined && !request.headers.has(ACTING_USER_HEADER)) request.headers.set(ACTING_USER_HEADER, actingUser);
      return request;
    },
  };
}

export function createHubClient(options: HubClientOptions): HubClient & { forUser(externalUserId: string): HubClient } {
  if (!/^https?:\/\//.test(options.baseUrl)) throw new TypeError('baseUrl must be the hub\'s http(s) origin, e.g. https://m365hub.example.com');
  const build = (actingUser: string | undefined): HubClient => {
    const client = createClient<paths>({ baseUrl: options.baseUrl.replace(/\/+$/, ''), ...(options.fetch ? { fetch: options.fetch } : {}) });
    client.use(authentication(options.apiKey, actingUser));
    return client;
  };
  return Object.assign(build(options.actingUser), { forUser: (externalUserId: string) => build(externalUserId) });
}
