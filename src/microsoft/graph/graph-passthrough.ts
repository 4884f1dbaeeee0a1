// The pass-through to Microsoft Graph: one request as the caller made it, with the hub's bearer token, streamed both
// ways through the one outbound transport's exchange (a single attempt: a streamed body cannot be sent twice). The path is
// checked before anything leaves: the token must reach Graph's own origin and the path the caller named, never
// another host or a path a `..` or an encoded slash turns into something else.
import type { Readable } from 'node:stream';
import { readAtMost } from '../../platform/streams/read-at-most.js';
import { GraphError } from './graph-error.js';
import type { ExchangeResponse, MicrosoftTransport } from '../transport/index.js';

export type GraphVersion = 'v1.0' | 'beta';

/** Why a pass-through path was refused; the caller's fix is in the message. */
export class PassthroughPathError extends Error {
  readonly code = 'proxy_path_invalid';
}

const FORWARDED_REQUEST_HEADERS = ['accept', 'accept-language', 'content-type', 'content-length', 'content-range', 'prefer', 'consistencylevel', 'if-match', 'if-none-match', 'range', 'client-request-id', 'return-client-request-id', 'odata-version', 'x-http-method'];
// Hop-by-hop headers (RFC 9110 §7.6.1) and what must not cross from Microsoft to the caller. Content-Length and
// Content-Encoding pass: the exchange hands the body on exactly as they describe it.
const DROPPED_RESPONSE_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'upgrade', 'proxy-authenticate', 'proxy-authorization', 'te', 'trailer', 'set-cookie']);

const refuse = (message: string) => new PassthroughPathError(message);

/**
 * `rawPath` is the request path after `/graph/{version}` exactly as received (still percent-encoded), `rawQuery`
 * the query without `?`. Returns them unchanged when safe.
 */
export function checkPassthroughPath(rawPath: string, rawQuery: string): { path: string; query: string } {
  if (!rawPath.startsWith('/') || rawPath.length < 2) throw refuse('Name a Graph path after the version, e.g. …/proxy/graph/v1.0/me/drive/root/children.');
  if (/[\u0000-\u001f\u007f\\]/.test(rawPath) || /[\u0000-\u001f\u007f]/.test(rawQuery)) throw refuse('The path contains a control character or a backslash.');
  if (rawPath.includes('//')) throw refuse('The path contains an empty segment (//), which could name another host.');
  if (/%(2f|5c|00)/i.test(rawPath)) throw refuse('The path contains an encoded slash, backslash or NUL; name each segment plainly.');
  if (/:\/\//.test(rawPath) || /^\/[a-z][a-z0-9+.-]*:/i.test(rawPath)) throw refuse('The path is an absolute URL; name a Graph path such as /me/drive.');
  for (const segment of rawPath.split('/').slice(1)) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      throw refuse('The path has a malformed percent-encoding.');
    }
    if (decoded === '.' || decoded === '..') throw refuse('The path contains a . or .. segment; name the resource directly.');
  }
  return { path: rawPath, query: rawQuery };
}

export interface PassthroughRequest {
  method: string;
  version: GraphVersion;
  /** From checkPassthroughPath. */
  path: string;
  query: string;
  headers: Record<string, string | string[] | undefined>;
  /** The caller's body, streamed (GET/HEAD/DELETE: none). */
  body: Readable | undefined;
  accessToken: string;
}

export interface PassthroughOptions {
  /** Config.graphUrl. */
  graphUrl: string;
  transport: MicrosoftTransport;
  timeoutMs: number;
}

function forwardedHeaders(headers: PassthroughRequest['headers'], accessToken: string): Record<string, string> {
  const out: Record<string, string> = { authorization: `Bearer ${accessToken}` };
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = headers[name];
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/** The headers of Microsoft's answer the caller may see. */
export function passedResponseHeaders(response: ExchangeResponse): [string, string | string[]][] {
  const out: [string, string | string[]][] = [];
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined && !DROPPED_RESPONSE_HEADERS.has(name)) out.push([name, value]);
  }
  return out;
}

/** A small JSON answer's body (the pass-through's own look-ups); undefined when it is not JSON or over 1 MiB. */
export async function jsonOf(response: ExchangeResponse, limitBytes = 1024 * 1024): Promise<unknown> {
  const bytes = await readAtMost(response.body, limitBytes);
  if (!bytes) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

export async function passThrough(options: PassthroughOptions, request: PassthroughRequest): Promise<ExchangeResponse> {
  const base = options.graphUrl.replace(/\/+$/, '');
  return passThroughTo({ baseUrl: `${base}/${request.version}`, apiName: 'Microsoft Graph', transport: options.transport, timeoutMs: options.timeoutMs }, request);
}

export interface ApiPassthroughOptions {
  /** Origin and path prefix every call stays under: `https://graph.microsoft.com/v1.0`, `https://contoso.sharepoint.com`. */
  baseUrl: string;
  /** For errors and logs: "Microsoft Graph", "SharePoint REST" … */
  apiName: string;
  transport: MicrosoftTransport;
  timeoutMs: number;
}

/** One pass-through call to any Microsoft API the hub proxies; `request.path` from checkPassthroughPath. */
export async function passThroughTo(options: ApiPassthroughOptions, request: Omit<PassthroughRequest, 'version'>): Promise<ExchangeResponse> {
  const base = new URL(options.baseUrl.replace(/\/+$/, ''));
  const prefix = base.pathname.replace(/\/+$/, '');
  const url = new URL(`${base.origin}${prefix}${request.path}${request.query ? `?${request.query}` : ''}`);
  // Defence in depth: whatever the path said, the bearer token goes to the API's origin, under its prefix, only.
  if (url.origin !== base.origin || !url.pathname.startsWith(`${prefix}/`)) {
    throw refuse(`The path does not stay under ${options.apiName}.`);
  }
  const hasBody = request.body !== undefined && !['GET', 'HEAD', 'DELETE'].includes(request.method);
  // Never a redirect followed with the bearer token: the exchange hands Microsoft's 302s (e.g. /content) back.
  const outcome = await options.transport.stream(
    url,
    { method: request.method, headers: forwardedHeaders(request.headers, request.accessToken), ...(hasBody ? { body: request.body } : {}) },
    { service: 'graph-proxy', timeoutMs: options.timeoutMs },
  );
  if (outcome.kind === 'failed') {
    throw new GraphError({ code: outcome.failure, status: 0, message: outcome.failure === 'timeout' ? `${options.apiName} did not answer in time` : `${options.apiName} could not be reached`, clientRequestId: 'none' });
  }
  return outcome.response;
}
