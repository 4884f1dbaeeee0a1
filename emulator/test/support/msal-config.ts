// msal-node settings that point an unmodified client at the emulator: its authority, the emulator's host as a known
// authority (no instance discovery against Microsoft), and a network client that trusts the emulator's CA.
import type { Configuration } from '@azure/msal-node';
import type { EmulatorHandle } from '../../harness.js';

export function msalConfig(emulator: EmulatorHandle, auth: Partial<Configuration['auth']>): Configuration {
  return {
    auth: { clientId: emulator.seed!.application.appId, authority: emulator.authority(), knownAuthorities: [new URL(emulator.url).host], ...auth },
    system: { networkClient: emulator.msalNetworkClient },
  };
}
