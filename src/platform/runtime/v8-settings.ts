// V8 settings the hub process applies to itself at launch (bin/m365hub.js), before any WebAssembly is compiled.
// An operator's own choice wins: a flag named in NODE_OPTIONS or on node's command line is left as given.
import v8 from 'node:v8';

/**
 * On PostgreSQL the hub's only WebAssembly is undici's HTTP parser (fetch, for Microsoft's token and JSON answers).
 * Once it was hot V8 recompiled its one giant parsing function with the optimising compiler, whose working memory
 * lifted the hub's RSS by about 30 MB for a tenth of a second during a pass-through upload (proxy-stream bench,
 * 2026-12-06). The baseline compiler's code parses those small answers well enough. The embedded database
 * (PGlite: PostgreSQL compiled to WebAssembly) needs optimised code, so without DATABASE_URL nothing changes.
 */
export function hubV8Flags(env: NodeJS.ProcessEnv, execArgv: readonly string[]): string[] {
  const chosen = [...execArgv, ...(env.NODE_OPTIONS ?? '').split(/\s+/)].map((arg) => arg.replace(/_/g, '-'));
  const operatorChose = (name: string) => chosen.some((arg) => arg.includes(name));
  const flags: string[] = [];
  if (env.DATABASE_URL && !operatorChose('liftoff') && !operatorChose('wasm-tier-up')) flags.push('--liftoff-only');
  return flags;
}

export function applyHubV8Settings(env: NodeJS.ProcessEnv = process.env, execArgv: readonly string[] = process.execArgv): void {
  for (const flag of hubV8Flags(env, execArgv)) v8.setFlagsFromString(flag);
}
