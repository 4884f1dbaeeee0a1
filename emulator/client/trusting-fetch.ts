// Clients in the same process as a test cannot use NODE_EXTRA_CA_CERTS (Node reads it once, at start), and
// Node 20's global fetch cannot be given a CA without the undici package. This is a WHATWG-style fetch over
// node:https that trusts the emulator's CA, for openid-client's [customFetch], jose's createRemoteJWKSet
// [customFetch], plain test requests, and (through msalNetworkClient) msal-node's system.networkClient.
import https from 'node:https';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

async function bodyBytes(body: RequestInit['body']): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (body instanceof URLSearchParams) return Buffer.from(body.toString());
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return Buffer.from(await new Response(body as BodyInit).arrayBuffer());
}

export function createTrustingFetch(caPem: string): { fetch: FetchLike; agent: https.Agent } {
  const agent = new https.Agent({ ca: caPem, keepAlive: true });

  const fetchOnce = async (url: URL, init: RequestInit, body: Buffer | undefined): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (body && !headers.has('content-type') && typeof init.body === 'string') headers.set('content-type', 'text/plain;charset=UTF-8');
    if (init.body instanceof URLSearchParams && !headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
    if (body) headers.set('content-length', String(body.length));
    return new Promise<Response>((resolve, reject) => {
      const req = https.request(url, { method: init.method ?? 'GET', headers: Object.fromEntries(headers), agent, signal: init.signal ?? undefined }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const status = res.statusCode ?? 500;
          const responseHeaders = new Headers();
          for (const [k, v] of Object.entries(res.headers)) {
            if (Array.isArray(v)) for (const item of v) responseHeaders.append(k, item);
            else if (v !== undefined) responseHeaders.set(k, v);
          }
          const nullBody = status === 204 || status === 304 || (init.method ?? 'GET') === 'HEAD';
          const response = new Response(nullBody ? null : Buffer.concat(chunks), { status, headers: responseHeaders });
          Object.defineProperty(response, 'url', { value: url.toString() });
          resolve(response);
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  };

  const fetch: FetchLike = async (input, init = {}) => {
    let url = new URL(typeof input === 'string' || input instanceof URL ? input : input.url);
    const merged: RequestInit = input instanceof Request ? { method: input.method, headers: input.headers, body: init.body ?? (input.body ? await input.text() : undefined), ...init } : init;
    const body = await bodyBytes(merged.body);
    for (let hops = 0; ; hops++) {
      const response = await fetchOnce(url, merged, body);
      const location = response.headers.get('location');
      const follow = (merged.redirect ?? 'follow') === 'follow' && [301, 302, 303, 307, 308].includes(response.status) && location && hops < 10;
      if (!follow) return response;
      url = new URL(location, url);
      if (url.protocol !== 'https:') return response;
    }
  };
  return { fetch, agent };
}

/** msal-node's INetworkModule over the trusting fetch: { headers, body (parsed JSON), status }. */
export function msalNetworkClient(fetch: FetchLike) {
  const send = async (url: string, method: string, options?: { headers?: Record<string, string>; body?: string }) => {
    const response = await fetch(url, { method, headers: options?.headers ?? {}, ...(method === 'POST' ? { body: options?.body ?? '' } : {}) });
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      headers[key] = value;
    });
    return { headers, body: (await response.json()) as unknown, status: response.status };
  };
  return {
    sendGetRequestAsync: <T>(url: string, options?: { headers?: Record<string, string> }) => send(url, 'GET', options) as Promise<{ headers: Record<string, string>; body: T; status: number }>,
    sendPostRequestAsync: <T>(url: string, options?: { headers?: Record<string, string>; body?: string }) => send(url, 'POST', options) as Promise<{ headers: Record<string, string>; body: T; status: number }>,
  };
}
