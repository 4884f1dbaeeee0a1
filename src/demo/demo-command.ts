import { startAuditFeed } from './audit-feed-demo.js';
import path from 'node:path';
import { Writable } from 'node:stream';
import { startChildProgram, type ChildProgram } from './child-program.js';
import { seedDemo } from './demo-seed.js';
import { startExampleHost, type ExampleHost } from './example-host.js';
import { prepareExampleHost } from './example-host-setup.js';
import { ensureRedirectUri, fetchEmulatorSeed } from './emulator-seed-client.js';
import { keyRingFor } from '../app/hub.js';
import { openConfiguredStore } from '../app/open-configured-store.js';
import { loadConfig } from '../platform/config/config.js';
import { createLogger } from '../platform/logging/logger.js';
import type { Command } from '../cli/command.js';
import { parseOptions } from '../cli/parse-options.js';
import { listenForShutdown } from '../cli/process-signals.js';
import { UsageError } from '../cli/usage-error.js';

/** A log destination that keeps each line's message (and file, when it names one) as a sentence for the banner. */
function noteCollector(notes: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      try {
        const line = JSON.parse(String(chunk)) as { msg?: string; file?: string };
        if (line.msg) notes.push(line.file ? `${line.msg} (${line.file})` : line.msg);
      } catch {
        notes.push(String(chunk).trim());
      }
      done();
    },
  });
}

const EMULATOR_READY = /^emulator listening on (https:\/\/\S+)$/;
const EMULATOR_CA = /^emulator ca (\S.*)$/;
const HUB_READY = /^m365hub listening on (http\S+)$/;

export const demoCommand: Command = {
  name: 'demo',
  summary: 'Run the hub with the bundled Microsoft 365 emulator and a seeded demo workspace',
  help: [
    'Usage: m365hub demo [--emulator-port PORT] [--example-port PORT]',
    '',
    'Starts the Microsoft 365 emulator (https, its own CA in <data dir>/emulator) and the hub pointed at it,',
    'seeds a console administrator and a demo workspace, starts "Requirements", a small example host product that',
    'attaches files through the hosted picker with its own API key, and prints the URLs and the sign-in.',
    'Uses the embedded database unless DATABASE_URL is set. Every other setting is read as for `start`.',
    '',
    'Options:',
    '  --emulator-port PORT   port of the emulator (default 8443; 0 picks a free one)',
    '  --example-port PORT    port of the example host product (default 3100; 0 picks a free one)',
  ].join('\n'),
  async run({ argv, env, stdout }) {
    const { values } = parseOptions(argv, { 'emulator-port': { type: 'string', default: '8443' }, 'example-port': { type: 'string', default: '3100' } });
    const [emulatorPort, examplePort] = (['emulator-port', 'example-port'] as const).map((name) => {
      const port = Number(values[name]);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--${name} must be a port number`);
      return port;
    }) as [number, number];
    const config = loadConfig(env);
    const shutdown = listenForShutdown();
    const emulatorDir = path.join(config.dataDir, 'emulator');
    const children: ChildProgram[] = [];
    let exampleHost: ExampleHost | undefined;
    const stopAll = async () => {
      await exampleHost?.close();
      for (const child of children.reverse()) await child.stop();
    };
    try {
      const emulator = await startChildProgram({
        args: ['emulator', '--port', String(emulatorPort), '--data-dir', emulatorDir, '--seed', 'demo'],
        env: { ...process.env, ...env },
        readyWhen: EMULATOR_READY,
      });
      children.push(emulator);
      const emulatorUrl = emulator.lines.map((l) => EMULATOR_READY.exec(l)?.[1]).find(Boolean)!;
      const caPath = emulator.lines.map((l) => EMULATOR_CA.exec(l)?.[1]).find(Boolean) ?? path.join(emulatorDir, 'ca.pem');

      // Seed before the hub starts: the embedded database takes one process at a time.
      const emulatorSeed = await fetchEmulatorSeed(emulatorUrl, caPath);
      // What the start-up has to say (a key file created on first run) belongs in the banner as words, not as a raw
      // JSON log line above it.
      const notes: string[] = [];
      const keyRing = keyRingFor(config, createLogger({ level: 'warn', destination: noteCollector(notes) }));
      const store = await openConfiguredStore(config);
      const demo = await seedDemo(store, { dataDir: config.dataDir, keyRing, emulator: emulatorSeed }).finally(() => store.close());
      const backendUrl = config.backendUrl ?? `http://${config.host}:${config.port}`;
      // Port 0 is only known once the hub listens; the seed's own port (3000) is registered already.
      if (config.port !== 0 || config.backendUrl) await ensureRedirectUri(emulatorUrl, caPath, emulatorSeed, `${backendUrl}/auth/m365/callback`);

      const hub = await startChildProgram({
        args: ['start'],
        env: {
          ...process.env,
          ...env,
          M365HUB_LOGIN_URL: emulatorUrl,
          M365HUB_GRAPH_URL: emulatorUrl,
          M365HUB_SHAREPOINT_URL: `${emulatorUrl}/_sharepoint/{host}`,
          M365HUB_MANAGEMENT_URL: emulatorUrl,
          M365HUB_LOG_LEVEL: env.M365HUB_LOG_LEVEL ?? 'warn',
          BACKEND_URL: backendUrl,
          NODE_EXTRA_CA_CERTS: caPath,
        },
        readyWhen: HUB_READY,
        onLine: (line) => stdout(line),
      });
      children.push(hub);
      const hubUrl = hub.lines.map((l) => HUB_READY.exec(l)?.[1]).find(Boolean)!;
      // The host listens first (its origin, port 0 included, goes into returnOrigins), then gets its API key.
      let giveKey: (key: string) => void = () => {};
      const apiKey = new Promise<string>((resolve) => (giveKey = resolve));
      exampleHost = await startExampleHost({ hubUrl, workspaceId: demo.workspace.id, apiKey, userId: 'requirements-user-1', port: examplePort });
      const exampleKey = await prepareExampleHost({ hubUrl, dataDir: config.dataDir, workspaceId: demo.workspace.id, admin: demo.admin, hostOrigin: exampleHost.url });
      giveKey(exampleKey);
      const auditFeed = await startAuditFeed({ hubUrl, workspaceId: demo.workspace.id, apiKey: exampleKey, tenantId: emulatorSeed.tenant.id });
      stdout(
        [
          '',
          'm365hub demo is running',
          '',
          `  Console:   ${hubUrl}/`,
          `  Sign in:   ${demo.admin.email}`,
          `  Password:  ${demo.admin.password}`,
          `  Member:    ${demo.member.email} / ${demo.member.password}`,
          `  Workspace: ${demo.workspace.name} (${demo.workspace.id})`,
          '',
          `  Example host product "Requirements" (hosted picker): ${exampleHost.url}/`,
          `  Microsoft 365 emulator: ${emulatorUrl} (CA: ${caPath})`,
          `  Microsoft sign-in: ${emulatorSeed.users.filter((u) => u.tenantId === emulatorSeed.tenant.id).map((u) => u.userPrincipalName).join(', ')}`,
          `  Microsoft password: ${emulatorSeed.password} (administrators meet a conditional access policy asking for MFA: the verification code is 123456)`,
          ...auditFeed.lines,
          ...notes.map((note) => `  Note: ${note}`),
          '',
          'Press Ctrl+C to stop.',
        ].join('\n'),
      );
      await shutdown;
      await stopAll();
      return 0;
    } catch (error) {
      await stopAll();
      throw error;
    }
  },
};
