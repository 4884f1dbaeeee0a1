// What the pass-through benchmarks share: the seeded emulator in its own process (production meets Microsoft over
// the network), the hub in its own process as operators run it (./hub-process.ts: the built code, production's
// transport, PostgreSQL), a workspace whose app may read users and read/write files in Contoso, and a node:http
// keep-alive client to the hub in the benchmark's process. Each program's CPU and memory are its own.
import { fork } from 'node:child_process';
import { Agent, request, type IncomingMessage } from 'node:http';
import { fileURLToPath } from 'node:url';
import { consoleSignIn, CONTOSO, createWorkspace, DEMO_APP } from '../../test/connect/support/connect-kit.js';
import { startHubProcess, type HubProcess } from './hub-process.js';

export interface ProxyBenchEmulator {
  url: string;
  ca: string;
  /** An app-only token of another app with User.Read.All and Files.ReadWrite.All in Contoso, for direct calls. */
  directToken: string;
  /** A Contoso user whose OneDrive the upload benchmarks write to. */
  userId: string;
  pid: number;
}

export interface ProxyBenchKit {
  hub: HubProcess;
  emulator: ProxyBenchEmulator;
  workspaceId: string;
  /** Headers that make a pass-through call as the workspace's app. */
  asApp: Record<string, string>;
  /** A request to the hub over keep-alive HTTP; the answer's head and body stream are the caller's to consume. */
  hubRequest(method: string, path: string, headers?: Record<string, string>, body?: AsyncIterable<Uint8Array>): Promise<IncomingMessage>;
  close(): Promise<void>;
}

const self = fileURLToPath(import.meta.url);

async function startEmulatorChild(): Promise<{ emulator: ProxyBenchEmulator; close(): Promise<void> }> {
  // M365HUB_BENCH_EMULATOR_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) profiles the emulator's side, as in emulator-process.ts.
  const nodeOptions = (process.env.M365HUB_BENCH_EMULATOR_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = fork(self, ['--child'], { execArgv: [...nodeOptions, '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Omit<ProxyBenchEmulator, 'pid'>>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Omit<ProxyBenchEmulator, 'pid'>));
    child.once('exit', (code) => reject(new Error(`the emulator process exited (${code}) before it was ready`)));
  });
  return {
    emulator: { ...ready, pid: child.pid! },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

export async function startProxyBenchKit(): Promise<ProxyBenchKit> {
  const child = await startEmulatorChild();
  const { emulator } = child;
  let hub: HubProcess | undefined;
  try {
    hub = await startHubProcess({ emulatorUrl: emulator.url, emulatorCa: emulator.ca, env: { M365HUB_PROXY_RATE_LIMIT: '1000000', M365HUB_PROXY_KEY_RATE_LIMIT: '1000000' } });
    const admin = await consoleSignIn(hub.url, hub.admin.email, hub.admin.password);
    const ws = await createWorkspace(hub.url, admin, 'Proxy bench', {
      azureTenantId: CONTOSO,
      services: [
        { service: 'onedrive', modes: ['application'] },
        { service: 'directory', modes: ['application'] },
      ],
    });
    const agent = new Agent({ keepAlive: true });
    const base = hub.url;
    const hubRequest: ProxyBenchKit['hubRequest'] = (method, path, headers = {}, body) =>
      new Promise((resolve, reject) => {
        const req = request(`${base}${path}`, { method, agent, headers }, resolve);
        req.on('error', reject);
        if (!body) return void req.end();
        void (async () => {
          try {
            for await (const chunk of body) if (!req.write(chunk)) await new Promise((drained) => req.once('drain', drained));
            req.end();
          } catch (error) {
            req.destroy(error as Error);
          }
        })();
      });
    const started = hub;
    return {
      hub: started,
      emulator,
      workspaceId: ws.id,
      asApp: { authorization: `Bearer ${ws.apiKey}`, 'x-m365hub-mode': 'application' },
      hubRequest,
      close: async () => {
        agent.destroy();
        await started.close();
        await child.close();
      },
    };
  } catch (error) {
    await hub?.close();
    await child.close();
    throw error;
  }
}

if (process.argv.includes('--child') && process.send) {
  const { startEmulator } = await import('../../emulator/harness.js');
  const { appWithRoles } = await import('../../emulator/graph/test/graph-test-client.js');
  const emulator = await startEmulator();
  const roles = ['User.Read.All', 'Files.ReadWrite.All'];
  await emulator.grant(CONTOSO, { appId: DEMO_APP, roles });
  const direct = await appWithRoles(emulator, CONTOSO, roles);
  const users = (await (await emulator.fetch(`${emulator.url}/v1.0/users?$top=1`, { headers: { authorization: `Bearer ${direct.token}` } })).json()) as { value: Array<{ id: string }> };
  process.once('disconnect', () => void emulator.close().then(() => process.exit(0)));
  process.send({ url: emulator.url, ca: emulator.ca, directToken: direct.token, userId: users.value[0]!.id } satisfies Omit<ProxyBenchEmulator, 'pid'>);
}
