// `m365hub <command>`: parses the command line, runs one subcommand, and turns failures into exit codes
// (0 ok, 1 runtime failure, 2 bad usage or bad configuration) and one readable message, never a stack trace.
import { ConfigError } from '../platform/config/config.js';
import { StartupError } from '../platform/errors/startup-error.js';
import type { Command, CommandContext } from './command.js';
import { adminCommand } from './commands/admin-command.js';
import { assessCommand } from './commands/assess-command.js';
import { snapshotsCommand } from './commands/snapshots-command.js';
import { demoCommand } from '../demo/demo-command.js';
import { keysCommand } from './commands/keys-command.js';
import { migrateCommand } from './commands/migrate-command.js';
import { startCommand } from './commands/start-command.js';
import { EXIT_BAD_USAGE, EXIT_FAILURE, UsageError } from './usage-error.js';

const commands: Command[] = [startCommand, demoCommand, migrateCommand, keysCommand, adminCommand, assessCommand, snapshotsCommand];

function overview(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 'emulator'.length);
  return [
    'Usage: m365hub <command> [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    `  ${'emulator'.padEnd(width)}  Run the bundled Microsoft 365 emulator (m365hub emulator --help)`,
    '',
    'Run `m365hub <command> --help` for the options of a command. Settings are environment variables (see README).',
  ].join('\n');
}

export async function main(argv: string[], context: Partial<CommandContext> = {}): Promise<number> {
  const ctx: CommandContext = {
    argv: argv.slice(1),
    env: context.env ?? process.env,
    stdout: context.stdout ?? ((line) => process.stdout.write(`${line}\n`)),
    stderr: context.stderr ?? ((line) => process.stderr.write(`${line}\n`)),
  };
  const [name] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ctx.stdout(overview());
    return name === undefined ? EXIT_BAD_USAGE : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    ctx.stderr(`m365hub: unknown command "${name}"\n\n${overview()}`);
    return EXIT_BAD_USAGE;
  }
  if (ctx.argv.includes('--help') || ctx.argv.includes('-h')) {
    ctx.stdout(command.help);
    return 0;
  }
  try {
    return await command.run(ctx);
  } catch (error) {
    if (error instanceof ConfigError || error instanceof StartupError) {
      ctx.stderr(error.message);
      return EXIT_BAD_USAGE;
    }
    if (error instanceof UsageError) {
      ctx.stderr(`m365hub ${command.name}: ${error.message}\n\n${command.help}`);
      return EXIT_BAD_USAGE;
    }
    const code = (error as { code?: unknown }).code;
    ctx.stderr(`m365hub ${command.name} failed: ${(error as Error).message}${typeof code === 'string' ? ` (${code})` : ''}`);
    return EXIT_FAILURE;
  }
}
