// A subcommand: its help text and what it does with its own arguments.
export interface CommandContext {
  argv: string[];
  env: Record<string, string | undefined>;
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  run(context: CommandContext): Promise<number>;
}
