// The seeded emulator with Dana's file token in its own process, as production meets Microsoft over the network: a bench that measures the hub's
// memory or CPU then measures the hub alone, not the hub plus the server it downloads from. The child starts a
// seeded emulator (auto sign-in and consent), takes a delegated token for Dana with the file scopes, sends
// { url, ca, token } to the parent over IPC, and lives until the parent disconnects.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface EmulatorProcess {
  url: string;
  ca: string;
  /** Dana's (dana@contoso.onmicrosoft.com) delegated token with Files.ReadWrite.All. */
  token: string;
  pid: number;
  close(): Promise<void>;
}

interface Ready {
  url: string;
  ca: string;
  token: string;
}

const self = fileURLToPath(import.meta.url);

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child = fork(self, ['--child'], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Ready));
    child.once('exit', (code) => reject(new Error(`the emulator process exited (${code}) before it was ready`)));
  });
  return {
    ...ready,
    pid: child.pid!,
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

if (process.argv.includes('--child') && process.send) {
  const { startEmulator } = await import('../../emulator/harness.js');
  const { userToken } = await import('../../emulator/graph/test/graph-test-client.js');
  const emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
  const token = await userToken(emulator, 'dana@contoso.onmicrosoft.com', 'Files.ReadWrite.All');
  process.once('disconnect', () => void emulator.close().then(() => process.exit(0)));
  process.send({ url: emulator.url, ca: emulator.ca, token } satisfies Ready);
}
