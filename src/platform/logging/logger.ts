// Structured logs (pino). Secrets never reach a log line: Authorization and Cookie headers, and any field whose
// name looks like a secret, at any depth, are replaced before serialisation.
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Field names whose values are always redacted, matched case-insensitively against the whole name. */
const SECRET_FIELD =
  /^(.*secret.*|.*password.*|.*passwd.*|.*token.*|code|code_verifier|client_assertion|authorization|cookie|set-cookie|x-api-key|api_?key|key|keys|sealed|assertion|private_?key.*|credential.*)$/i;

export const REDACTED = '[redacted]';

/** Deep copy with every secret-named field replaced; cycles and depth are bounded. */
export function redactSecrets(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (depth > 12 || seen.has(value)) return '[…]';
  seen.add(value);
  if (value instanceof Error) {
    return {
      type: value.name,
      message: value.message,
      stack: value.stack,
      ...(redactSecrets({ ...value }, depth + 1, seen) as object),
    };
  }
  if (Array.isArray(value)) return value.map((item) => redactSecrets(item, depth + 1, seen));
  if (value instanceof Date || Buffer.isBuffer(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_FIELD.test(key) && item !== null && item !== undefined && typeof item !== 'boolean'
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
            ? { type: error.name, message: error.message, stack: error.stack, ...(redactSecrets({ ...error }) as object) }
            : redactSecrets(error),
      },
    },
    options.destination,
  );
}
