// Server-side request forgery guard for webhook targets. A workspace admin chooses the URL, and the hub POSTs to
// it from inside the operator's network, so a URL naming (or resolving to) a private, loopback, link-local,
// unique-local, CGNAT, multicast, reserved or unspecified address — the cloud metadata service at 169.254.169.254
// among them — is refused, unless the operator allows private targets (development).
//
// Checked twice: when the URL is saved (a clear error for the admin) and at delivery, inside the socket's own DNS
// lookup (`lookup` of node:http), so the address we check is the address we connect to and a DNS answer that
// changes between the two (DNS rebinding) cannot slip through.
// Host tricks (decimal `2130706433`, hex `0x7f000001`, octal `0177.0.0.1`, IPv4-mapped IPv6 `[::ffff:127.0.0.1]`)
// are normalised by the WHATWG URL parser and ipaddr.js before the check.
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { promisify } from 'node:util';
import ipaddr from 'ipaddr.js';

export type WebhookTargetErrorCode = 'webhook_url_invalid' | 'webhook_target_forbidden' | 'webhook_target_unresolvable';

export class WebhookTargetError extends Error {
  constructor(
    readonly code: WebhookTargetErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'WebhookTargetError';
  }
}

const MAX_URL_LENGTH = 2048;

/** Only `unicast` is a public address in ipaddr.js's classification; every other range is refused. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // process() turns an IPv4-mapped IPv6 address into the IPv4 address it carries.
  return ipaddr.process(address).range() === 'unicast';
}

/** The URL parsed and checked for shape: http(s), a host, no credentials in it. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError('webhook_url_invalid', 'The webhook URL is not an absolute URL.');
  }
  if (raw.length > MAX_URL_LENGTH) throw new WebhookTargetError('webhook_url_invalid', `The webhook URL is longer than ${MAX_URL_LENGTH} characters.`);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new WebhookTargetError('webhook_url_invalid', 'The webhook URL must use https (or http).');
  if (url.username || url.password) throw new WebhookTargetError('webhook_url_invalid', 'The webhook URL must not contain a user name or password; authenticate deliveries by their signature.');
  if (!url.hostname) throw new WebhookTargetError('webhook_url_invalid', 'The webhook URL has no host.');
  return url;
}

const bareHost = (hostname: string) => (hostname.startsWith('[') ? hostname.slice(1, -1) : hostname);

function forbidden(address: string): WebhookTargetError {
  return new WebhookTargetError(
    'webhook_target_forbidden',
    `The webhook URL resolves to ${address}, a private, loopback, link-local or otherwise non-public address. Use a public URL (operators can allow private targets for development with M365HUB_ALLOW_PRIVATE_WEBHOOK_TARGETS=true).`,
  );
}

export type Resolver = (hostname: string) => Promise<LookupAddress[]>;
const systemResolver: Resolver = (hostname) => promisify(dnsLookup)(hostname, { all: true, verbatim: true });

/** Save-time check: shape, then every address the host resolves to must be public. */
export async function checkWebhookTarget(raw: string, options: { allowPrivate: boolean; resolve?: Resolver }): Promise<URL> {
  const url = parseWebhookUrl(raw);
  if (options.allowPrivate) return url;
  const host = bareHost(url.hostname);
  if (ipaddr.isValid(host)) {
    if (!isPublicAddress(host)) throw forbidden(host);
    return url;
  }
  let addresses: LookupAddress[];
  try {
    addresses = await (options.resolve ?? systemResolver)(host);
  } catch {
    throw new WebhookTargetError('webhook_target_unresolvable', `The webhook host ${host} could not be resolved. Check the URL.`);
  }
  if (addresses.length === 0) throw new WebhookTargetError('webhook_target_unresolvable', `The webhook host ${host} could not be resolved. Check the URL.`);
  const bad = addresses.find((a) => !isPublicAddress(a.address));
  if (bad) throw forbidden(bad.address);
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for node:http / node:https that refuses a host any of whose addresses is not public: the socket
 * connects only to an address this function returned, so there is no window between check and connect.
 */
export function guardedLookup(resolve: Resolver = systemResolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (addresses) => {
        const bad = addresses.find((a) => !isPublicAddress(a.address));
        if (bad || addresses.length === 0) {
          callback(Object.assign(bad ? forbidden(bad.address) : new Error(`${hostname} did not resolve`), { code: bad ? 'webhook_target_forbidden' : 'ENOTFOUND' }), '', 0);
          return;
        }
        const wanted = options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/** Delivery-time check of a literal IP host (node:net does not call `lookup` for those). */
export function assertLiteralHostAllowed(url: URL): void {
  const host = bareHost(url.hostname);
  if (ipaddr.isValid(host) && !isPublicAddress(host)) throw forbidden(host);
}
