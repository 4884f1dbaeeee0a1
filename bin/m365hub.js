#!/usr/bin/env node
// Launcher: the hub and the Microsoft 365 emulator are separate programs that share one command name.
// `m365hub emulator …` starts the emulator; every other subcommand belongs to the hub.
const [command] = process.argv.slice(2);
if (command === 'emulator') {
  const { main } = await import('../dist/emulator/cli.js');
  process.exitCode = await main(process.argv.slice(3));
} else {
  // First, before any WebAssembly is compiled; NODE_OPTIONS or node's own flags override (README, Memory).
  const { applyHubV8Settings } = await import('../dist/src/platform/runtime/v8-settings.js');
  applyHubV8Settings(command);
  const { main } = await import('../dist/src/cli/main.js');
  process.exitCode = await main(process.argv.slice(2));
}
