// Starts another m365hub program (the emulator, or a hub) as a child process and waits for the line that says
// it is ready. Used by `demo`, which supervises both.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { launcherPath } from '../app/package-paths.js';

export interface ChildProgram {
  process: ChildProcess;
  /** Every stdout line seen before ready, for the caller to pick values from. */
  lines: string[];
  stop(): Promise<void>;
}

export async function startChildProgram(options: {
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The program is ready once a stdout line matches. */
  readyWhen: RegExp;
  /** Lines after ready are passed here (the child's own logs). */
  onLine?: (line: string) => void;
}): Promise<ChildProgram> {
  const child = spawn(process.execPath, [launcherPath, ...options.args], {
    env: options.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines: string[] = [];
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    let isReady = false;
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (isReady) return options.onLine?.(line);
      lines.push(line);
      if (options.readyWhen.test(line)) {
        isReady = true;
        resolve();
      }
    });
    void exited.then((code) => {
      if (!isReady) reject(new Error(`${options.args[0]} exited with code ${code} before it was ready`));
    });
  });
  await ready;
  return {
    process: child,
    lines,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
