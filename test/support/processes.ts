// Spawns the built `m365hub` command (bin/m365hub.js → dist/) the way an operator runs it, and reads its output.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const launcher = path.join(repoRoot, 'bin/m365hub.js');

export interface RunningProgram {
  child: ChildProcess;
  output(): string;
  /** Resolves with the first stdout/stderr line matching, or rejects when the program exits first. */
  waitForLine(pattern: RegExp): Promise<RegExpExecArray>;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** `nodeArgs` go to Node before the launcher (e.g. `--cpu-prof`, which NODE_OPTIONS does not take). */
export function spawnM365hub(args: string[], env: Record<string, string>, stdin?: string, nodeArgs: string[] = []): RunningProgram {
  const child = spawn(process.execPath, [...nodeArgs, launcher, ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: [stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
  });
  if (stdin !== undefined) child.stdin!.end(stdin);
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (m: RegExpExecArray) => void }[] = [];
  const onLine = (line: string) => {
    lines.push(line);
    for (const waiter of [...waiters]) {
      const match = waiter.pattern.exec(line);
      if (match) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(match);
      }
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    output: () => lines.join('\n'),
    exit,
    waitForLine(pattern) {
      const seen = lines.map((l) => pattern.exec(l)).find(Boolean);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        waiters.push({ pattern, resolve });
        void exit.then(({ code, signal }) =>
          reject(new Error(`m365hub ${args.join(' ')} exited (${code ?? signal}) before printing ${pattern}:\n${lines.join('\n')}`)),
        );
      });
    },
  };
}

/** Runs a command to completion. */
export async function runM365hub(args: string[], env: Record<string, string> = {}, stdin?: string) {
  const program = spawnM365hub(args, env, stdin);
  const { code } = await program.exit;
  return { code, output: program.output() };
}
