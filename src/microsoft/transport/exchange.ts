// One HTTP exchange with a streamed body each way, without WHATWG objects: what the pass-through needs to move a
// caller's request to Microsoft and Microsoft's answer back. fetch builds a Request, Headers, a Response and web
// streams for every call, then the pass-through turned them back into Node streams; on a small Graph GET that cost
// about three times a plain node:https request in the hub's CPU (bench/proxy.bench.ts), and on a large upload web
// streams moved each chunk through promises. `nodeExchange` is production's; `exchangeOverFetch` serves an injected
// fetch (tests that reach the emulator or inject faults through their fetch) with the same contract.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { rootCertificates } from 'node:tls';
import { collectAsItFlows } from '../../platform/streams/collect-as-it-flows.js';
import type { FetchLike } from './fetch-like.js';

export interface ExchangeRequest {
  method: string;
  headers: Record<string, string>;
  /** Streamed to Microsoft as it arrives (GET, HEAD, DELETE: none). */
  body?: Readable | undefined;
  /** For the whole exchange, the answer's body included; then it fails with ExchangeTimeoutError. */
  timeoutMs: number;
}

/** The exchange, or the answer's body, did not complete within its timeout. */
export class ExchangeTimeoutError extends Error {
  override readonly name = 'ExchangeTimeoutError';
}

export interface ExchangeResponse {
  status: number;
  /** As received, names in lower case; the body is exactly what they describe (encoding and length). */
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
}

/** Sends one request, never following a redirect; rejects when no answer came (network error, abort). */
export type Exchange = (url: URL, request: ExchangeRequest) => Promise<ExchangeResponse>;

export interface NodeExchangeOptions {
  /** A CA trusted besides Node's own (tests against the emulator); operators use NODE_EXTRA_CA_CERTS. */
  extraCa?: string;
}

/**
 * Over node:http(s) with keep-alive connections per origin (Microsoft's hosts keep connections open). The timeout is
 * one timer that destroys the request (and with it the answer's stream), cleared when the answer's body closes: an
 * AbortSignal per call cost listeners on every socket event.
 */
export function nodeExchange(options: NodeExchangeOptions = {}): Exchange {
  const agents = {
    'https:': new https.Agent({ keepAlive: true, ...(options.extraCa ? { ca: [...rootCertificates, options.extraCa] } : {}) }),
    'http:': new http.Agent({ keepAlive: true }),
  };
  return (url, request) =>
    new Promise<ExchangeResponse>((resolve, reject) => {
      const client = url.protocol === 'https:' ? https : http;
      let answer: http.IncomingMessage | undefined;
      const outgoing = client.request(url, { method: request.method, headers: request.headers, agent: agents[url.protocol as 'https:' | 'http:'] }, (incoming) => {
        answer = incoming;
        incoming.once('close', () => clearTimeout(timer));
        resolve({ status: incoming.statusCode ?? 502, headers: incoming.headers, body: incoming });
      });
      const timer = setTimeout(() => {
        const timedOut = new ExchangeTimeoutError(`no complete answer within ${request.timeoutMs} ms`);
        // The answer's reader learns why its body ended, not just that the socket went away.
        answer?.destroy(timedOut);
        outgoing.destroy(timedOut);
      }, request.timeoutMs);
      timer.unref();
      // After the answer, a failure of the request side (Microsoft closed the connection on an upload it refused
      // early, e.g. 413) belongs to the answer's stream, not to this promise; the timer stays until that stream
      // closes, so an answer left hanging by the failure still ends at the timeout.
      outgoing.on('error', (error) => {
        if (answer) return;
        clearTimeout(timer);
        reject(error);
      });
      const body = request.body;
      if (!body) return void outgoing.end();
      body.on('error', (error) => outgoing.destroy(error));
      body.pipe(outgoing);
      // Each chunk the caller sent is a Buffer outside V8's heap: free them every few MiB, not after tens of MB.
      collectAsItFlows(body);
    });
}

/** The same contract over a fetch: the body fetch decoded loses its encoding and length headers. */
export function exchangeOverFetch(fetch: FetchLike): Exchange {
  return async (url, request) => {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(new ExchangeTimeoutError(`no complete answer within ${request.timeoutMs} ms`)), request.timeoutMs);
    timer.unref();
    const response = await fetch(url, {
      method: request.method,
      headers: request.headers,
      redirect: 'manual',
      signal: deadline.signal,
      ...(request.body ? { body: Readable.toWeb(request.body) as ReadableStream<Uint8Array>, duplex: 'half' } : {}),
    } as RequestInit).catch((error: unknown) => {
      clearTimeout(timer);
      throw error;
    });
    const headers: ExchangeResponse['headers'] = {};
    response.headers.forEach((value, name) => {
      if (name !== 'content-encoding' && name !== 'content-length') headers[name] = value;
    });
    const body = response.body ? Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>) : Readable.from([]);
    body.once('close', () => clearTimeout(timer));
    return { status: response.status, headers, body };
  };
}
