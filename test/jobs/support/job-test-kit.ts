// Small helpers shared by the job tests.
import { createLogger } from '../../../src/platform/logging/logger.js';

export const silentLogger = createLogger({ level: 'silent' });

export interface Deferred<T = void> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

export { waitFor } from '../../support/wait-for.js';
