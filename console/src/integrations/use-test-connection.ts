// Runs Test Connection as the hub does it: a job started with POST …/test, polled until it finishes. Polling stops
// when the page goes away, so a closed page leaves no timer behind.
import { useCallback, useEffect, useRef, useState } from 'react';
import * as m365 from '../api/m365-client.js';
import type { ConnectionReport } from '../api/m365-types.js';
import { ApiProblem, asProblem } from '../api/problem.js';
import type { Job } from '../api/types.js';
import { pollJob } from '../hooks/poll-job.js';

export type TestRun =
  | { state: 'idle' }
  | { state: 'running'; credential: 'active' | 'pending'; progress: string | null }
  | { state: 'done'; credential: 'active' | 'pending'; report: ConnectionReport }
  | { state: 'failed'; credential: 'active' | 'pending'; problem: ApiProblem };

/**
 * `begin` starts the job (default: the integration's Test Connection); a tenant connection passes its own
 * POST …/tenants/{tenantId}/test.
 */
export function useTestConnection(workspaceId: string, onFinished?: (run: TestRun) => void, begin?: (credential: 'active' | 'pending') => Promise<Job>) {
  const [run, setRun] = useState<TestRun>({ state: 'idle' });
  const alive = useRef(true);
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const starter = useRef(begin);
  starter.current = begin;

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const start = useCallback(
    async (credential: 'active' | 'pending' = 'active') => {
      setRun({ state: 'running', credential, progress: null });
      let outcome: TestRun;
      try {
        const job = await pollJob(workspaceId, await (starter.current ?? ((c) => m365.startTestConnection(workspaceId, c)))(credential), {
          isAlive: () => alive.current,
          onProgress: (current) => setRun({ state: 'running', credential, progress: current.progress.message }),
        });
        if (!job) return;
        outcome = m365.isReport(job.result)
          ? { state: 'done', credential, report: job.result }
          : {
              state: 'failed',
              credential,
              problem: new ApiProblem({
                title: 'Test Connection could not run',
                status: 0,
                detail: job.problem?.message ?? `The test job ended ${job.status}. Try again; if it keeps happening, check the hub's logs.`,
                code: job.problem?.code ?? 'job_failed',
              }),
            };
      } catch (error) {
        outcome = { state: 'failed', credential, problem: asProblem(error) };
      }
      if (!alive.current) return;
      setRun(outcome);
      finished.current?.(outcome);
    },
    [workspaceId],
  );

  const reset = useCallback(() => setRun({ state: 'idle' }), []);
  return { run, start, reset };
}
