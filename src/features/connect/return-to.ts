// Where a flow may send the browser when it ends. Only absolute http(s) URLs on an allowed origin, or a path on the
// hub itself; everything else (other origins, `//evil`, `https:evil`, `javascript:`, user-info tricks, backslashes)
// is refused, so the connect flow can never be used as an open redirect.
import { ConnectError } from './connect-error.js';

// Control characters, whitespace and backslashes: browsers "repair" them in ways URL parsers disagree on.
const SUSPICIOUS = /[\u0000-\u0020\u007f\\]/;

/**
 * The returnTo to store, as a full URL, or a ConnectError `return_to_not_allowed`. `hubOrigin` is the hub as the
 * browser addressed it (relative paths resolve against it); `allowedOrigins` are the other acceptable origins.
 */
export function checkReturnTo(returnTo: string, hubOrigin: string, allowedOrigins: readonly string[]): string {
  if (returnTo.length > 2048 || SUSPICIOUS.test(returnTo)) throw new ConnectError('return_to_not_allowed');
  let url: URL;
  if (returnTo.startsWith('/')) {
    // A path on the hub, but not a protocol-relative `//host`.
    if (returnTo.startsWith('//')) throw new ConnectError('return_to_not_allowed');
    url = new URL(returnTo, hubOrigin);
  } else {
    try {
      url = new URL(returnTo);
    } catch {
      throw new ConnectError('return_to_not_allowed');
    }
    // `https:evil` parses as https://evil/: insist on the written form having an authority.
    if (!/^https?:\/\/[^/]/i.test(returnTo)) throw new ConnectError('return_to_not_allowed');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConnectError('return_to_not_allowed');
  if (url.username || url.password) throw new ConnectError('return_to_not_allowed');
  const allowed = new Set([hubOrigin, ...allowedOrigins].map((o) => new URL(o).origin));
  if (!allowed.has(url.origin)) throw new ConnectError('return_to_not_allowed');
  return url.toString();
}

/** Appends the outcome for a host product: `?m365_error=<code>` or `?m365_connected=1` (keeps existing params). */
export function withOutcome(returnTo: string, outcome: { error: string } | { connected: true } | { adminConsent: true }): string {
  const url = new URL(returnTo);
  if ('error' in outcome) url.searchParams.set('m365_error', outcome.error);
  else if ('connected' in outcome) url.searchParams.set('m365_connected', '1');
  else url.searchParams.set('m365_admin_consent', '1');
  return url.toString();
}
