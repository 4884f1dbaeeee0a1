// `m365hub emulator …`: starts the emulator and prints, each alone on its line, the two lines the hub's `demo`
// command parses: "emulator listening on https://HOST:PORT" and "emulator ca <path>". Exit codes: 0 clean stop,
// 1 runtime failure, 2 bad usage.
import { parseCliOptions, usage, UsageError } from './config/emulator-options.js';
import { startEmulatorServer } from './server/emulator-server.js';

export async function main(argv: string[]): Promise<number> {
  let options;
  try {
    options = parseCliOptions(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`m365hub emulator: ${error.message}\n\n${usage}\n`);
      return 2;
    }
    throw error;
  }
  if (options === 'help') {
    process.stdout.write(`${usage}\n`);
    return 0;
  }

  // Listen before saying "listening": a SIGTERM sent on that line must reach the graceful stop, not the default action.
  const shutdown = new Promise<void>((resolve) => {
    process.once('SIGTERM', () => resolve());
    process.once('SIGINT', () => resolve());
  });
  let running;
  try {
    running = await startEmulatorServer(options);
  } catch (error) {
    process.stderr.write(`m365hub emulator: could not start: ${(error as Error).message}\n`);
    return 1;
  }
  process.stdout.write(`emulator listening on ${running.url}\n`);
  process.stdout.write(`emulator ca ${running.caPath}\n`);
  if (running.ctx.seed) {
    const s = running.ctx.seed;
    process.stdout.write(`emulator seed tenant ${s.tenant.id} (${s.tenant.domain}) app ${s.application.appId}\n`);
  }

  await shutdown;
  try {
    await running.close();
    return 0;
  } catch (error) {
    process.stderr.write(`m365hub emulator: error while stopping: ${(error as Error).message}\n`);
    return 1;
  }
}
