// Sends one webhook request: a POST with a short timeout, no redirects followed (a 3xx is a failed delivery:
// following it would let a target bounce us to an internal address), the SSRF guard in the socket's DNS lookup,
// and only a small excerpt of the answer kept for the delivery log.
import http from 'node:http';
import https from 'node:https';
import { assertLiteralHostAllowed, guardedLookup, parseWebhookUrl, WebhookTargetError, type Resolver } from './webhook-target.js';

export interface SendResult {
  /** The receiver's HTTP status; undefined when no answer arrived. */
  statusCode?: number;
  ok: boolean;
  /** Why it failed, for the delivery log: never the body we sent. */
  error?: string;
  /** The first bytes of the answer, for the delivery log. */
  excerpt?: string;
}

export interface WebhookSenderOptions {
  allowPrivateTargets: boolean;
  timeoutMs?: number;
  /** Tests resolve names their own way. */
  resolve?: Resolver;
}

export type WebhookSender = (url: string, body: string, headers: Record<string, string>) => Promise<SendResult>;

export const DEFAULT_WEBHOOK_TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 512;

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
  const lookup = options.allowPrivateTargets ? undefined : guardedLookup(options.resolve);

  return async (rawUrl, body, headers) => {
    let url: URL;
    try {
      url = parseWebhookUrl(rawUrl);
      if (!options.allowPrivateTargets) assertLiteralHostAllowed(url);
    } catch (error) {
      return { ok: false, error: (error as WebhookTargetError).message };
    }
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise<SendResult>((resolve) => {
      const request = transport.request(
        url,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'm365hub-webhooks/1', 'content-length': Buffer.byteLength(body), ...headers },
          timeout: timeoutMs,
          ...(lookup ? { lookup } : {}),
          // A fresh connection per delivery: a pooled socket would skip the lookup, and with it the check.
          agent: false,
        },
        (response) => {
          const chunks: Buffer[] = [];
          let kept = 0;
          response.on('data', (chunk: Buffer) => {
            if (kept < EXCERPT_BYTES) {
              chunks.push(chunk.subarray(0, EXCERPT_BYTES - kept));
              kept += Math.min(chunk.length, EXCERPT_BYTES - kept);
            }
          });
          response.on('end', () => {
            const statusCode = response.statusCode ?? 0;
            const ok = statusCode >= 200 && statusCode < 300;
            const excerpt = Buffer.concat(chunks).toString('utf8');
            resolve({
              statusCode,
              ok,
              ...(excerpt ? { excerpt } : {}),
              ...(ok ? {} : { error: statusCode >= 300 && statusCode < 400 ? `the receiver answered ${statusCode} (redirects are not followed)` : `the receiver answered ${statusCode}` }),
            });
          });
          response.on('error', (error) => resolve({ statusCode: response.statusCode ?? 0, ok: false, error: `the answer broke off (${error.message})` }));
        },
      );
      request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      request.on('error', (error: NodeJS.ErrnoException) => {
        resolve({ ok: false, error: error.code === 'webhook_target_forbidden' ? error.message : `the request failed (${error.code ?? error.message})` });
      });
      request.end(body);
    });
  };
}
