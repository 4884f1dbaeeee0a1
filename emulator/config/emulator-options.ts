// The emulator's options, from the command line (`m365hub emulator …`) or from startEmulator().
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface EmulatorOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Where the CA, the server certificate, the signing keys and the refresh-token key persist. */
  dataDir: string;
  seed: 'demo' | undefined;
  /** Extra generated users in the demo seed (user001…). */
  users: number;
  autoSignIn: boolean;
  autoConsent: boolean;
  /** Fixes the origin of every issued URL (behind a proxy or a container name). */
  publicUrl: string | undefined;
  /** Additional host names the server certificate must cover. */
  hostnames: string[];
  /** A state file (GET /_emulator/state output) to load at start instead of seeding. */
  statePath: string | undefined;
  /** Structured request logging to stderr. */
  log: boolean;
  /** Files in a "Bulk" folder added to every emulated drive (0: none). */
  filesPerFolder: number;
}

export const defaultDataDir = () => path.join(os.homedir(), '.m365hub', 'emulator');

export function withDefaults(partial: Partial<EmulatorOptions>): EmulatorOptions {
  return {
    host: partial.host ?? '127.0.0.1',
    port: partial.port ?? 8443,
    dataDir: partial.dataDir ?? defaultDataDir(),
    seed: partial.seed,
    users: partial.users ?? 0,
    autoSignIn: partial.autoSignIn ?? false,
    autoConsent: partial.autoConsent ?? false,
    publicUrl: partial.publicUrl,
    hostnames: partial.hostnames ?? [],
    statePath: partial.statePath,
    log: partial.log ?? false,
    filesPerFolder: partial.filesPerFolder ?? 0,
  };
}

export const usage = `Usage: m365hub emulator [options]

Runs the Microsoft 365 emulator (Microsoft identity platform v2.0 endpoints) over HTTPS.

Options:
  --host HOST          interface to listen on (default 127.0.0.1)
  --port PORT          port, 0 picks a free one (default 8443)
  --data-dir DIR       CA, server certificate and signing keys (default ~/.m365hub/emulator)
  --seed demo          seed the deterministic demo organisation (Contoso, Fabrikam, demo app)
  --users N            add N generated users to the demo seed
  --state FILE         load an exported state (GET /_emulator/state) instead of seeding
  --auto-sign-in       sign in the login_hint user without showing the sign-in page
  --auto-consent       grant user-consentable permissions without showing the consent page
  --public-url URL     the origin clients reach the emulator at (proxy, container name)
  --hostname NAME      an extra host name for the server certificate (repeatable)
  --log                log requests to stderr
  --files-per-folder N add a "Bulk" folder of N generated files to every drive
  --help               show this help

When ready it prints "emulator listening on https://HOST:PORT" and "emulator ca <path>".
Clients trust the CA with NODE_EXTRA_CA_CERTS=<data-dir>/ca.pem.`;

export class UsageError extends Error {}

export function parseCliOptions(argv: string[]): EmulatorOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        host: { type: 'string' },
        port: { type: 'string' },
        'data-dir': { type: 'string' },
        seed: { type: 'string' },
        users: { type: 'string' },
        state: { type: 'string' },
        'auto-sign-in': { type: 'boolean' },
        'auto-consent': { type: 'boolean' },
        'public-url': { type: 'string' },
        hostname: { type: 'string', multiple: true },
        log: { type: 'boolean' },
        'files-per-folder': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const port = v.port === undefined ? 8443 : Number(v.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer 0-65535, got '${v.port}'`);
  const users = v.users === undefined ? 0 : Number(v.users);
  if (!Number.isInteger(users) || users < 0 || users > 100_000) throw new UsageError(`--users must be an integer 0-100000, got '${v.users}'`);
  const filesPerFolder = v['files-per-folder'] === undefined ? 0 : Number(v['files-per-folder']);
  if (!Number.isInteger(filesPerFolder) || filesPerFolder < 0 || filesPerFolder > 1_000_000) {
    throw new UsageError(`--files-per-folder must be an integer 0-1000000, got '${v['files-per-folder']}'`);
  }
  if (v.seed !== undefined && v.seed !== 'demo') throw new UsageError(`--seed supports only 'demo', got '${v.seed}'`);
  if (v.seed && v.state) throw new UsageError('--seed and --state cannot be combined');
  if (v['public-url']) {
    try {
      if (new URL(v['public-url']).protocol !== 'https:') throw new Error();
    } catch {
      throw new UsageError(`--public-url must be an https URL, got '${v['public-url']}'`);
    }
  }
  return withDefaults({
    host: v.host ?? '127.0.0.1',
    port,
    dataDir: path.resolve(v['data-dir'] ?? defaultDataDir()),
    seed: v.seed as 'demo' | undefined,
    users,
    statePath: v.state,
    autoSignIn: v['auto-sign-in'] ?? false,
    autoConsent: v['auto-consent'] ?? false,
    publicUrl: v['public-url'],
    hostnames: v.hostname ?? [],
    log: v.log ?? false,
    filesPerFolder,
  });
}
