// One emulator for a test file: started before its tests, closed after them, handed to the file through `use`.
import { after, before } from 'node:test';
import { startEmulator, type EmulatorHandle, type StartEmulatorOptions } from '../../harness.js';

export function emulatorPerFile(use: (emulator: EmulatorHandle) => void, options: StartEmulatorOptions = {}): void {
  let started: EmulatorHandle | undefined;
  before(async () => {
    started = await startEmulator(options);
    use(started);
  });
  after(async () => {
    await started?.close();
  });
}
