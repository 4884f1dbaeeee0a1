// Sets the example host product up as its operator would, through the hub's public API only: signs in as the demo
// admin, lets the host's origin into the workspace's returnOrigins (the picker and the connect flow answer to it)
// and creates the API key the host's backend uses. The key is kept in <data dir>/demo-example-host.json (mode 0600)
// and reused while the hub still accepts it.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface Integration {
  clientId: string;
  azureTenantId: string | null;
  redirectUri: string | null;
  services: unknown[];
  allowedSites: string[];
  dynamicsOrg: string | null;
  returnOrigins: string[];
}

export async function prepareExampleHost(options: { hubUrl: string; dataDir: string; workspaceId: string; admin: { email: string; password: string }; hostOrigin: string }): Promise<string> {
  const { hubUrl, workspaceId } = options;
  const signIn = await fetch(`${hubUrl}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(options.admin) });
  if (!signIn.ok) throw new Error(`the example host could not sign in to the hub as ${options.admin.email} (HTTP ${signIn.status})`);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const cookie = signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const call = async <T>(method: string, route: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${hubUrl}/api/v1/workspaces/${workspaceId}${route}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };

  const integration = await call<Integration>('GET', '/integrations/m365');
  if (!integration.returnOrigins.includes(options.hostOrigin)) {
    const { clientId, azureTenantId, redirectUri, services, allowedSites, dynamicsOrg, returnOrigins } = integration;
    await call('PUT', '/integrations/m365', { clientId, azureTenantId, redirectUri, services, allowedSites, dynamicsOrg, returnOrigins: [...returnOrigins, options.hostOrigin] });
  }

  const file = path.join(options.dataDir, 'demo-example-host.json');
  if (existsSync(file)) {
    const { key } = JSON.parse(readFileSync(file, 'utf8')) as { key: string };
    const probe = await fetch(`${hubUrl}/api/v1/workspaces/${workspaceId}`, { headers: { authorization: `Bearer ${key}` } });
    if (probe.ok) return key;
  }
  const { key } = await call<{ key: string }>('POST', '/api-keys', { name: 'Requirements (example host product)' });
  writeFileSync(file, `${JSON.stringify({ key })}\n`, { mode: 0o600 });
  return key;
}
