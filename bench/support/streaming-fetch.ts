// A fetch that trusts the emulator's CA and streams bodies both ways (the harness's test fetch buffers them, and
// Node 20's global fetch takes no CA), as production's fetch streams from Microsoft. Follows redirects when asked.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import type { FetchLike } from '../../src/microsoft/transport/index.js';

export function streamingFetch(ca: string): FetchLike {
  const agents = { 'https:': new https.Agent({ ca, keepAlive: true }), 'http:': new http.Agent({ keepAlive: true }) };
  const once = (url: URL, init: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const client = url.protocol === 'https:' ? https : http;
      const request = client.request(url, { method: init.method ?? 'GET', headers: Object.fromEntries(new Headers(init.headers)), agent: agents[url.protocol as 'https:'], ...(init.signal ? { signal: init.signal } : {}) }, (res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) if (typeof value === 'string') headers.set(name, value);
        const status = res.statusCode ?? 500;
        const empty = status === 204 || status === 304 || (status >= 300 && status < 400 && status !== 300);
        resolve(new Response(empty ? (res.resume(), null) : (Readable.toWeb(res) as ReadableStream<Uint8Array>), { status, headers }));
      });
      request.on('error', reject);
      const body = init.body;
      if (body instanceof ReadableStream) Readable.fromWeb(body as import('node:stream/web').ReadableStream).pipe(request);
      // Identity calls post forms (URLSearchParams): sent as their text, as fetch does.
      else request.end(body instanceof URLSearchParams ? body.toString() : (body as string | Buffer | undefined));
    });
  return async (input, init = {}) => {
    let url = new URL(String(input));
    for (let hops = 0; ; hops++) {
      const response = await once(url, init);
      const location = response.headers.get('location');
      if ((init.redirect ?? 'follow') !== 'follow' || response.status !== 302 || !location || hops > 5) return response;
      url = new URL(location, url);
    }
  };
}
