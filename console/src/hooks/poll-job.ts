// Long work in the hub is a job (202, then poll): this follows one until it finishes, reporting its progress, and
// stops quietly when the page that asked has gone away (no timer left behind).
import * as m365 from '../api/m365-client.js';
import type { Job } from '../api/types.js';

const POLL_MS = 700;
const FINISHED = new Set(['succeeded', 'failed', 'dead', 'cancelled']);

/** The finished job, or undefined when `isAlive` turned false while waiting. */
export async function pollJob(workspaceId: string, job: Job, options: { isAlive(): boolean; onProgress(job: Job): void }): Promise<Job | undefined> {
  let current = job;
  while (!FINISHED.has(current.status)) {
    await new Promise((resolve) => window.setTimeout(resolve, POLL_MS));
    if (!options.isAlive()) return undefined;
    current = await m365.getJob(workspaceId, current.id);
    if (options.isAlive()) options.onProgress(current);
  }
  return current;
}
