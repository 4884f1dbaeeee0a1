// Sets the scene for a browser test through the HTTP API (faster than clicking, and not what the test is about):
// signs in like the console does and sends its session cookie and CSRF token on each call.
import assert from 'node:assert/strict';

export interface ApiSession {
  call<T = unknown>(method: string, path: string, body?: unknown): Promise<T>;
}

export async function signInThroughApi(baseUrl: string, credentials: { email: string; password: string }): Promise<ApiSession> {
  const signIn = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  assert.equal(signIn.status, 200, `sign-in as ${credentials.email} answered ${signIn.status}`);
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const cookie = signIn.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');

  return {
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const headers: Record<string, string> = { Cookie: cookie, 'X-CSRF-Token': csrfToken };
      if (body !== undefined) headers['Content-Type'] = 'application/json';
      const response = await fetch(baseUrl + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      assert.ok(response.ok, `${method} ${path} answered ${response.status}: ${await response.clone().text()}`);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
  };
}
