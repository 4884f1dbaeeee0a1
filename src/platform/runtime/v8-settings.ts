// V8 settings the hub process applies to itself at launch (bin/m365hub.js), before any WebAssembly is compiled.
// An operator's own choice wins: a flag named in NODE_OPTIONS or on node's command line is left as given.
import v8 from 'node:v8';

export interface HubV8Flags {
  /** Set at launch. */
  atLaunch: string[];
  /** Set once `m365hub start` is listening (hubStarted). */
  onceStarted: string[];
}

/**
 * - On PostgreSQL the hub's only WebAssembly is undici's HTTP parser (fetch, for Microsoft's token and JSON answers).
 *   Once it was hot V8 recompiled its one giant parsing function with the optimising compiler, whose working memory
 *   lifted the hub's RSS by about 30 MB for a tenth of a second during a pass-through upload (proxy-stream bench,
 *   2026-12-06). The baseline compiler's code parses those small answers well enough. The embedded database
 *   (PGlite: PostgreSQL compiled to WebAssembly) needs optimised code, so without DATABASE_URL nothing changes.
 * - `start`: loading the hub's modules made V8 grow the young generation to its largest (2 × 16 MB), which it then
 *   kept while idle. Held at its first size (2 × 1 MB) while the hub loads and let grow again once it listens, the
 *   idle hub is about 30 MB smaller and a busy one grows it as before (the proxy bench's CPU per call unchanged).
 *   V8 reads the growth factor each time it would grow (only --max-semi-space-size is fixed at start).
 */
export function hubV8Flags(env: NodeJS.ProcessEnv, execArgv: readonly string[], command: string | undefined): HubV8Flags {
  const chosen = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].map((arg) => arg.replace(/_/g, '-'));
  const operatorChose = (name: string) => chosen.some((arg) => arg.includes(name));
  const flags: HubV8Flags = { atLaunch: [], onceStarted: [] };
  if (env.DATABASE_URL && !operatorChose('liftoff') && !operatorChose('wasm-tier-up')) flags.atLaunch.push('--liftoff-only');
  if (command === 'start' && !operatorChose('semi-space')) {
    flags.atLaunch.push('--semi-space-growth-factor=1');
    flags.onceStarted.push('--semi-space-growth-factor=2');
  }
  return flags;
}

let pending: string[] = [];

export function applyHubV8Settings(command: string | undefined, env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): void {
  const flags = hubV8Flags(env, execArgv, command);
  for (const flag of flags.atLaunch) v8.setFlagsFromString(flag);
  pending = flags.onceStarted;
}

/** The hub listens: what waited for that (none unless the launcher applied the settings). */
export function hubStarted(): void {
  for (const flag of pending) v8.setFlagsFromString(flag);
  pending = [];
}
