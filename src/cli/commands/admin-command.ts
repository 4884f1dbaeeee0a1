import { openConfiguredStore } from '../../app/open-configured-store.js';
import { createConsoleUser } from '../../features/console-auth/index.js';
import { loadConfig } from '../../platform/config/config.js';
import { randomToken } from '../../platform/store/ids.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { readStdin } from '../read-stdin.js';
import { UsageError } from '../usage-error.js';

export const adminCommand: Command = {
  name: 'admin',
  summary: 'Create the first console administrator',
  help: [
    'Usage: m365hub admin create --email EMAIL [--name NAME] [--password-stdin]',
    '',
    'Creates an instance administrator who can sign in to the console and create workspaces.',
    'The password is read from standard input with --password-stdin (at least 12 characters);',
    'without it a strong password is generated and printed once.',
  ].join('\n'),
  async run({ argv, env, stdout }) {
    const { positionals, values } = parseOptions(
      argv,
      { email: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean' } },
      true,
    );
    if (positionals.length !== 1 || positionals[0] !== 'create') throw new UsageError('say "admin create"');
    if (!values.email) throw new UsageError('--email is required');
    const generated = !values['password-stdin'];
    const password = generated ? randomToken(18) : (await readStdin()).replace(/\r?\n$/, '');
    const store = await openConfiguredStore(loadConfig(env));
    try {
      const user = await createConsoleUser(store.db, {
        email: values.email,
        password,
        displayName: values.name,
        instanceAdmin: true,
      });
      stdout(`created instance administrator ${user.email} (${user.id})`);
      if (generated) stdout(`password: ${password}\n(shown once: store it in your password manager)`);
      return 0;
    } finally {
      await store.close();
    }
  },
};
