import { startHub } from '../../app/hub.js';
import { loadConfig } from '../../platform/config/config.js';
import { createLogger } from '../../platform/logging/logger.js';
import { hubStarted } from '../../platform/runtime/v8-settings.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { listenForShutdown } from '../process-signals.js';

export const startCommand: Command = {
  name: 'start',
  summary: 'Run the hub (HTTP API, console, job worker)',
  help: [
    'Usage: m365hub start',
    '',
    'Runs the hub with the settings from the environment (M365HUB_HOST, M365HUB_PORT, DATABASE_URL, …; see README).',
    'Migrations run at start. SIGTERM or SIGINT stops it gracefully: no new requests, in-flight ones finish,',
    'job leases are released for other processes.',
  ].join('\n'),
  async run({ argv, env, stdout }) {
    parseOptions(argv, {});
    const config = loadConfig(env);
    const logger = createLogger({ level: config.logLevel });
    const shutdown = listenForShutdown();
    const hub = await startHub({ config, logger });
    hubStarted();
    stdout(`m365hub listening on ${hub.url}`);
    const signal = await shutdown;
    logger.info({ signal }, 'shutting down');
    await hub.close();
    return 0;
  },
};
