import { openConfiguredStore } from '../../app/open-configured-store.js';
import { loadConfig } from '../../platform/config/config.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';

export const migrateCommand: Command = {
  name: 'migrate',
  summary: 'Apply pending database migrations and exit',
  help: [
    'Usage: m365hub migrate',
    '',
    'Applies every pending migration to the configured database (DATABASE_URL, or the embedded one in',
    'M365HUB_DATA_DIR). `start` does the same on its own; this command lets a deployment migrate first.',
    'Safe to run while other processes start (PostgreSQL advisory lock).',
  ].join('\n'),
  async run({ argv, env, stdout }) {
    parseOptions(argv, {});
    const store = await openConfiguredStore(loadConfig(env));
    await store.close();
    stdout('database is up to date');
    return 0;
  },
};
