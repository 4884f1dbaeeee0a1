// Configuration is read once at start-up from the environment (and an optional JSON file), validated into one
// typed object, and passed down. Nothing else in the hub reads process.env.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CLOUD_NAMES, NATIONAL_CLOUDS, type NationalCloud } from './national-clouds.js';

export interface EncryptionKey {
  /** Short id stored beside every sealed blob, so the right key opens it after a rotation. */
  id: string;
  /** 32 raw bytes for AES-256-GCM. */
  key: Buffer;
}

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  /** Unset: the embedded PGlite database in `<dataDir>/db`. */
  databaseUrl: string | undefined;
  /** Newest first: the first key seals, every key opens. Unset only in embedded mode (a key file is generated). */
  encryptionKeys: EncryptionKey[] | undefined;
  backendUrl: string | undefined;
  frontendUrl: string | undefined;
  m365RedirectUri: string | undefined;
  /** The Microsoft cloud (M365HUB_CLOUD): its hosts, portals and the Graph resource URI scopes are qualified with. */
  cloud: NationalCloud;
  /** The cloud's sign-in host unless M365HUB_LOGIN_URL overrides it (the emulator, a test double). */
  loginUrl: string;
  /** The cloud's Graph host unless M365HUB_GRAPH_URL overrides it. */
  graphUrl: string;
  /**
   * Where SharePoint REST calls for a tenant host go, with `{host}` standing for it (M365HUB_SHAREPOINT_URL, e.g. the
   * emulator's `https://127.0.0.1:8443/_sharepoint/{host}`); unset: `https://{host}` itself. Tokens still name the host.
   */
  sharePointUrl: string | undefined;
  /** The cloud's Management Activity API host unless M365HUB_MANAGEMENT_URL overrides it (tokens still name the cloud's). */
  managementUrl: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Webhook targets on private, loopback or link-local addresses are refused unless this is set (development). */
  allowPrivateWebhookTargets: boolean;
  /** Console sign-in sessions last this long without use. */
  sessionTtlSeconds: number;
  /** Trust X-Forwarded-* from a reverse proxy: true (any hop), false, or a comma-separated list of proxy addresses. */
  trustProxy: boolean | string;
  /** Delegated connections not refreshed for this many days are refreshed by the keep-alive job (Microsoft drops refresh tokens unused for 90). */
  keepAliveIdleDays: number;
  /** Graph pass-through calls per minute, per workspace and per API key (each hub process counts its own). */
  proxyRateLimit: { perWorkspace: number; perApiKey: number };
  /** Where copied attachments are kept (local disk): default `<dataDir>/documents`. */
  documentsDir: string;
  /** Files larger than this are refused for copying (links are not limited). */
  filesMaxCopyBytes: number;
  /** Where copied documents live: local disk (`documentsDir`), or an S3-compatible bucket shared by all processes. */
  documentStorage: { kind: 'local' } | { kind: 's3'; bucket: string; prefix: string; endpoint: string | undefined; region: string; forcePathStyle: boolean };
}

/** One line per setting: the README's settings table is checked against this list by a test. */
export const SETTINGS = [
  'M365HUB_CONFIG_FILE',
  'M365HUB_HOST',
  'M365HUB_PORT',
  'M365HUB_DATA_DIR',
  'DATABASE_URL',
  'M365HUB_ENCRYPTION_KEYS',
  'BACKEND_URL',
  'FRONTEND_URL',
  'M365_REDIRECT_URI',
  'M365HUB_CLOUD',
  'M365HUB_LOGIN_URL',
  'M365HUB_GRAPH_URL',
  'M365HUB_SHAREPOINT_URL',
  'M365HUB_MANAGEMENT_URL',
  'M365HUB_LOG_LEVEL',
  'M365HUB_ALLOW_PRIVATE_WEBHOOK_TARGETS',
  'M365HUB_SESSION_TTL_SECONDS',
  'M365HUB_TRUST_PROXY',
  'M365HUB_KEEPALIVE_IDLE_DAYS',
  'M365HUB_PROXY_RATE_LIMIT',
  'M365HUB_PROXY_KEY_RATE_LIMIT',
  'M365HUB_DOCUMENTS_DIR',
  'M365HUB_FILES_MAX_COPY_BYTES',
  'M365HUB_STORAGE',
  'M365HUB_S3_BUCKET',
  'M365HUB_S3_PREFIX',
  'M365HUB_S3_ENDPOINT',
  'M365HUB_S3_REGION',
  'M365HUB_S3_FORCE_PATH_STYLE',
] as const;

type SettingName = (typeof SETTINGS)[number];
type Source = Partial<Record<SettingName, string>>;

/** Every problem found in one pass, so the operator fixes them all at once. */
export class ConfigError extends Error {
  readonly code = 'invalid_configuration';
  constructor(readonly problems: { setting: string; expected: string }[]) {
    super(
      `Invalid configuration:\n${problems.map((p) => `  - ${p.setting}: ${p.expected}`).join('\n')}\n` +
        'Fix these settings (environment variables or the M365HUB_CONFIG_FILE JSON file) and start again.',
    );
    this.name = 'ConfigError';
  }
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;

/** `id:base64` pairs separated by commas, newest first; each key must decode to exactly 32 bytes. */
export function parseEncryptionKeys(value: string): EncryptionKey[] {
  const keys = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const colon = part.indexOf(':');
      const id = colon > 0 ? part.slice(0, colon) : '';
      const encoded = colon > 0 ? part.slice(colon + 1) : '';
      const key = Buffer.from(encoded, 'base64');
      if (!KEY_ID.test(id) || key.length !== 32 || key.toString('base64') !== encoded) {
        throw new Error('each key must be "<id>:<base64 of 32 random bytes>" (generate one with `m365hub keys generate`)');
      }
      return { id, key };
    });
  if (keys.length === 0) throw new Error('at least one key is required');
  if (new Set(keys.map((k) => k.id)).size !== keys.length) throw new Error('key ids must be unique');
  return keys;
}

const httpUrl = (what: string) =>
  z.string().refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, `${what} must be an absolute http(s) URL`);

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const schema = z
  .object({
    M365HUB_HOST: optional(z.string().min(1)).default('127.0.0.1'),
    M365HUB_PORT: optional(
      z.coerce.number({ error: 'must be a port number between 0 and 65535' }).int().min(0).max(65535),
    ).default(3000),
    M365HUB_DATA_DIR: optional(z.string().min(1)).default('./.m365hub'),
    DATABASE_URL: optional(
      z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection URL'),
    ),
    M365HUB_ENCRYPTION_KEYS: optional(
      z.string().transform((v, ctx) => {
        try {
          return parseEncryptionKeys(v);
        } catch (error) {
          ctx.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      }),
    ),
    BACKEND_URL: optional(httpUrl('BACKEND_URL')),
    FRONTEND_URL: optional(httpUrl('FRONTEND_URL')),
    M365_REDIRECT_URI: optional(httpUrl('M365_REDIRECT_URI')),
    M365HUB_CLOUD: optional(z.enum(CLOUD_NAMES, { error: `must be one of ${CLOUD_NAMES.join(', ')}` })).default('global'),
    M365HUB_LOGIN_URL: optional(httpUrl('M365HUB_LOGIN_URL')),
    M365HUB_GRAPH_URL: optional(httpUrl('M365HUB_GRAPH_URL')),
    M365HUB_SHAREPOINT_URL: optional(
      z.string().refine((v) => v.includes('{host}') && URL.canParse(v.replace('{host}', 'contoso.sharepoint.com')) && /^https?:$/.test(new URL(v.replace('{host}', 'contoso.sharepoint.com')).protocol), 'M365HUB_SHAREPOINT_URL must be an absolute http(s) URL with {host} where the tenant\'s SharePoint host goes, e.g. https://127.0.0.1:8443/_sharepoint/{host}'),
    ),
    M365HUB_MANAGEMENT_URL: optional(httpUrl('M365HUB_MANAGEMENT_URL')),
    M365HUB_LOG_LEVEL: optional(
      z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      }),
    ).default('info'),
    M365HUB_ALLOW_PRIVATE_WEBHOOK_TARGETS: optional(
      z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' }),
    ).default('false'),
    M365HUB_TRUST_PROXY: optional(
      z.string().regex(/^(true|false|[0-9a-fA-F.:/]+(\s*,\s*[0-9a-fA-F.:/]+)*)$/, {
        error: 'must be true, false, or a comma-separated list of proxy IP addresses / CIDR ranges',
      }),
    ).default('false'),
    M365HUB_SESSION_TTL_SECONDS: optional(
      z.coerce.number({ error: 'must be a number of seconds' }).int().min(60).max(90 * 24 * 3600),
    ).default(7 * 24 * 3600),
    M365HUB_KEEPALIVE_IDLE_DAYS: optional(
      // Below 90: Microsoft's inactivity limit for refresh tokens, which the job exists to beat.
      z.coerce.number({ error: 'must be a whole number of days between 1 and 80' }).int().min(1).max(80),
    ).default(30),
    M365HUB_PROXY_RATE_LIMIT: optional(z.coerce.number({ error: 'must be a whole number of calls per minute' }).int().min(1).max(1_000_000)).default(1200),
    M365HUB_PROXY_KEY_RATE_LIMIT: optional(z.coerce.number({ error: 'must be a whole number of calls per minute' }).int().min(1).max(1_000_000)).default(600),
    M365HUB_DOCUMENTS_DIR: optional(z.string().min(1)),
    M365HUB_FILES_MAX_COPY_BYTES: optional(
      z.coerce.number({ error: 'must be a number of bytes' }).int().min(0).max(Number.MAX_SAFE_INTEGER),
    ).default(10 * 1024 ** 3),
    M365HUB_STORAGE: optional(z.enum(['local', 's3'], { error: 'must be local or s3' })).default('local'),
    M365HUB_S3_BUCKET: optional(z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { error: 'must be an S3 bucket name (3–63 lower-case letters, digits, dots and hyphens)' })),
    M365HUB_S3_PREFIX: optional(z.string().regex(/^([a-zA-Z0-9_.-]+\/)*$/, { error: 'must be empty or folder names each ending in "/", e.g. m365hub/' })).default(''),
    M365HUB_S3_ENDPOINT: optional(z.url({ protocol: /^https?$/, error: 'must be an http(s) URL, e.g. https://s3.eu-west-1.amazonaws.com or http://127.0.0.1:9000' })),
    M365HUB_S3_REGION: optional(z.string().min(1)).default('us-east-1'),
    M365HUB_S3_FORCE_PATH_STYLE: optional(z.enum(['true', 'false', '1', '0'], { error: 'must be true or false' })).default('false'),
  })
  .superRefine((v, ctx) => {
    if (v.M365HUB_STORAGE === 's3' && !v.M365HUB_S3_BUCKET) {
      ctx.addIssue({ code: 'custom', path: ['M365HUB_S3_BUCKET'], message: 'is required when M365HUB_STORAGE=s3: name the bucket copied attachments go to' });
    }
    if (v.DATABASE_URL && !v.M365HUB_ENCRYPTION_KEYS) {
      ctx.addIssue({
        code: 'custom',
        path: ['M365HUB_ENCRYPTION_KEYS'],
        message:
          'is required when DATABASE_URL is set (several processes must share one key ring); generate a key with `m365hub keys generate`',
      });
    }
  });

function readConfigFile(file: string): Source {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError([
      { setting: 'M365HUB_CONFIG_FILE', expected: `a readable JSON file (${(error as Error).message})` },
    ]);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError([{ setting: 'M365HUB_CONFIG_FILE', expected: 'a JSON object of setting names to values' }]);
  }
  const unknown = Object.keys(parsed).filter((k) => !(SETTINGS as readonly string[]).includes(k));
  if (unknown.length > 0) {
    throw new ConfigError(unknown.map((k) => ({ setting: `${k} (in ${file})`, expected: 'not a known setting' })));
  }
  return Object.fromEntries(Object.entries(parsed).map(([k, v]) => [k, v === null ? undefined : String(v)])) as Source;
}

/**
 * Reads the settings from `env` (normally process.env). A JSON file named by M365HUB_CONFIG_FILE supplies
 * defaults; the environment wins over the file. Throws ConfigError listing every bad setting.
 */
export function loadConfig(env: Record<string, string | undefined>, cwd = process.cwd()): Config {
  const fromEnv: Source = {};
  for (const name of SETTINGS) if (env[name] !== undefined) fromEnv[name] = env[name];
  const file = fromEnv.M365HUB_CONFIG_FILE ? readConfigFile(path.resolve(cwd, fromEnv.M365HUB_CONFIG_FILE)) : {};
  const result = schema.safeParse({ ...file, ...fromEnv });
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => ({ setting: String(issue.path[0] ?? 'configuration'), expected: issue.message })),
    );
  }
  const v = result.data;
  const cloud = NATIONAL_CLOUDS[v.M365HUB_CLOUD];
  return {
    host: v.M365HUB_HOST,
    port: v.M365HUB_PORT,
    dataDir: path.resolve(cwd, v.M365HUB_DATA_DIR),
    databaseUrl: v.DATABASE_URL,
    encryptionKeys: v.M365HUB_ENCRYPTION_KEYS,
    backendUrl: v.BACKEND_URL?.replace(/\/+$/, ''),
    frontendUrl: v.FRONTEND_URL?.replace(/\/+$/, ''),
    m365RedirectUri: v.M365_REDIRECT_URI,
    cloud,
    loginUrl: (v.M365HUB_LOGIN_URL ?? cloud.loginUrl).replace(/\/+$/, ''),
    graphUrl: (v.M365HUB_GRAPH_URL ?? cloud.graphResource).replace(/\/+$/, ''),
    sharePointUrl: v.M365HUB_SHAREPOINT_URL?.replace(/\/+$/, ''),
    managementUrl: (v.M365HUB_MANAGEMENT_URL ?? cloud.managementUrl).replace(/\/+$/, ''),
    logLevel: v.M365HUB_LOG_LEVEL,
    allowPrivateWebhookTargets: v.M365HUB_ALLOW_PRIVATE_WEBHOOK_TARGETS === 'true' || v.M365HUB_ALLOW_PRIVATE_WEBHOOK_TARGETS === '1',
    sessionTtlSeconds: v.M365HUB_SESSION_TTL_SECONDS,
    trustProxy: v.M365HUB_TRUST_PROXY === 'true' ? true : v.M365HUB_TRUST_PROXY === 'false' ? false : v.M365HUB_TRUST_PROXY,
    keepAliveIdleDays: v.M365HUB_KEEPALIVE_IDLE_DAYS,
    proxyRateLimit: { perWorkspace: v.M365HUB_PROXY_RATE_LIMIT, perApiKey: v.M365HUB_PROXY_KEY_RATE_LIMIT },
    documentsDir: path.resolve(cwd, v.M365HUB_DOCUMENTS_DIR ?? path.join(v.M365HUB_DATA_DIR, 'documents')),
    filesMaxCopyBytes: v.M365HUB_FILES_MAX_COPY_BYTES,
    documentStorage:
      v.M365HUB_STORAGE === 's3'
        ? {
            kind: 's3',
            bucket: v.M365HUB_S3_BUCKET!,
            prefix: v.M365HUB_S3_PREFIX,
            endpoint: v.M365HUB_S3_ENDPOINT,
            region: v.M365HUB_S3_REGION,
            forcePathStyle: v.M365HUB_S3_FORCE_PATH_STYLE === 'true' || v.M365HUB_S3_FORCE_PATH_STYLE === '1',
          }
        : { kind: 'local' },
  };
}
