// Structured logs (pino). Secrets never reach a log line: Authorization and Cookie headers, and any field whose
// name looks like a secret, at any depth, are replaced before serialisation. A field named `code` is usually an
// error code (`consent_required`, `AADSTS50011` …) and is kept; an OAuth authorization code is redacted where it
// occurs: as the `code` of an object that also carries OAuth protocol fields (a callback's query, a token request),
// and as the `code=` parameter (or another secret parameter) inside any URL or form string.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Field names whose values are always redacted, matched case-insensitively against the whole name. */
const SECRET_FIELD =
  /^(.*secret.*|.*password.*|.*passwd.*|.*token.*|.*auth(orization)?_?code.*|code_verifier|client_assertion|authorization|cookie|set-cookie|x-api-key|api_?key|key|keys|sealed|assertion|private_?key.*|credential.*)$/i;

/** Fields that, next to a `code`, make it an OAuth authorization code (RFC 6749 §4.1.2 and §4.1.3). */
const OAUTH_COMPANIONS = ['state', 'session_state', 'redirect_uri', 'grant_type', 'code_verifier', 'client_id', 'client_info'];

/** `name=value` parameters of a URL or form body whose values are secrets. */
const SECRET_PARAMETER = /([?&#;]|^)(code|access_token|id_token|refresh_token|client_secret|client_assertion|code_verifier|password)=([^&#\s"']*)/gi;

function redactParameters(text: string): string {
  return text.includes('=') ? text.replace(SECRET_PARAMETER, (_m, lead: string, name: string) => `${lead}${name}=${REDACTED}`) : text;
}

function isAuthorizationCodeCarrier(record: Record<string, unknown>): boolean {
  return typeof record.code === 'string' && OAUTH_COMPANIONS.some((name) => name in record);
}

export const REDACTED = '[redacted]';

/** Deep copy with every secret-named field replaced; cycles and depth are bounded. */
export function redactSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactParameters(value);
  if (value === null || typeof value !== 'object') return value;
  if (depth > 12 || seen.has(value)) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    return {
      type: value.name,
      message: redactParameters(value.message),
      stack: value.stack === undefined ? undefined : redactParameters(value.stack),
      ...(redactSecrets({ ...value }, depth + 1, seen) as object),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen));
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  const record = value as Record<string, unknown>;
  const codeIsSecret = isAuthorizationCodeCarrier(record);
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(record)) {
    const secret = SECRET_FIELD.test(key) || (key === 'code' && codeIsSecret);
    out[key] = secret && item !== null && item !== undefined && typeof item !== 'boolean'
      ? REDACTED
      : redactSecrets(item, depth + 1, seen);
  }
  return out;
}

export interface LoggerOptions {
  level: string;
  /** Where lines go; stdout by default. Tests pass a stream to capture them. */
  destination?: DestinationStream;
}

export function createLogger(options: LoggerOptions): Logger {
  return pino(
    {
      level: options.level,
      base: { service: 'm365hub' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Every object logged passes through the deep redaction, whatever its shape.
      formatters: { log: (object) => redactSecrets(object) as Record<string, unknown> },
      serializers: {
        err: (error: Error) =>
          error instanceof Error
            ? redactSecrets(error)
            : redactSecrets(error),
      },
    },
    options.destination,
  );
}
