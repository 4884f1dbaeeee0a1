// Test Connection's dependencies wired to an emulator: its login and Graph URLs, its trusting fetch, no sleeps.
import type { EmulatorHandle } from '../../../emulator/harness.js';
import type { IntegrationStore } from '../../../src/features/integrations/integration-store.js';
import type { TestConnectionDeps } from '../../../src/features/health/test-connection.js';
import { createEntraClient } from '../../../src/microsoft/identity/index.js';
import type { Logger } from '../../../src/platform/logging/logger.js';
import type { Clock } from '../../../src/platform/time/clock.js';

export function emulatorTestConnectionDeps(emulator: EmulatorHandle, integrations: IntegrationStore, clock: Clock, logger: Logger): TestConnectionDeps {
  return {
    integrations,
    entra: createEntraClient({ loginUrl: emulator.url, fetch: emulator.fetch, clock, logger, sleep: async () => {} }),
    graphUrl: emulator.url,
    fetch: emulator.fetch,
    sleep: async () => {},
    clock,
    logger,
  };
}
