// "Refresh data": syncs one tenant now (a job: the areas read so far, then what each area Microsoft refused needs),
// and the tenant's automatic sync schedule. Each sync adds a snapshot to the tenant's hash chain.
import { useEffect, useRef, useState } from 'react';
import { complianceAreaLabel } from '../../../src/contract/compliance-areas.js';
import { ApiProblem, asProblem } from '../api/problem.js';
import { Card } from '../components/card.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { Timestamp } from '../components/timestamp.js';
import { useLoader } from '../hooks/use-loader.js';
import { pollJob } from '../hooks/poll-job.js';
import * as api from './compliance-client.js';

interface SyncResult {
  sequence: number;
  areas: string[];
  faults: Record<string, { status: string; permission?: string; message: string }>;
  objects: number;
}

type Run = { state: 'idle' } | { state: 'running'; progress: string | null } | { state: 'done'; result: SyncResult } | { state: 'failed'; problem: ApiProblem };

const SCHEDULES: Array<{ hours: number | null; label: string }> = [
  { hours: null, label: 'Off (only when you refresh)' },
  { hours: 6, label: 'Every 6 hours' },
  { hours: 12, label: 'Every 12 hours' },
  { hours: 24, label: 'Daily' },
  { hours: 168, label: 'Weekly' },
];

/** `onSynced` / `onScheduleChanged`: the tenant list shows the last sync and the schedule, so it reloads. */
export function SyncCard({ workspaceId, tenantId, onSynced, onScheduleChanged }: { workspaceId: string; tenantId: string; onSynced(): void; onScheduleChanged(): void }) {
  const [run, setRun] = useState<Run>({ state: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const running = run.state === 'running';

  async function refresh() {
    if (running) return;
    setRun({ state: 'running', progress: null });
    try {
      const job = await pollJob(workspaceId, await api.startSync(workspaceId, tenantId), {
        isAlive: () => alive.current,
        onProgress: (current) => setRun({ state: 'running', progress: current.progress.message }),
      });
      if (!job) return;
      if (job.status === 'succeeded') {
        setRun({ state: 'done', result: job.result as SyncResult });
        onSynced();
      } else {
        const detail = job.problem?.message ?? `The sync ended ${job.status}. Try again; if it keeps happening, check the hub's logs.`;
        setRun({ state: 'failed', problem: new ApiProblem({ title: 'The sync could not finish', status: 0, code: job.problem?.code ?? 'job_failed', detail }) });
      }
    } catch (error) {
      if (alive.current) setRun({ state: 'failed', problem: asProblem(error) });
    }
  }

  return (
    <Card
      title="Data from Microsoft 365"
      description="Reads the tenant's users, groups, roles, conditional access, policies, SharePoint settings and Secure Score with the workspace's app (application permissions). Each sync adds a snapshot to the tenant's hash chain."
    >
      <div className="sync-actions">
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus while the sync runs. */}
        <button type="button" className="button button--primary" onClick={refresh} aria-disabled={running}>
          {running ? 'Refreshing…' : 'Refresh data'}
        </button>
        <ScheduleSelect workspaceId={workspaceId} tenantId={tenantId} onChanged={onScheduleChanged} />
      </div>
      <p className="visually-hidden" role="status">
        {run.state === 'done' ? `Sync finished: snapshot ${run.result.sequence}.` : run.state === 'failed' ? `Sync failed: ${run.problem.title}.` : ''}
      </p>
      {run.state === 'running' && <LoadingState label={run.progress ?? 'Starting the sync…'} />}
      {run.state === 'failed' && <ProblemBanner problem={run.problem} onRetry={refresh} />}
      {run.state === 'done' && <SyncOutcome result={run.result} />}
    </Card>
  );
}

function SyncOutcome({ result }: { result: SyncResult }) {
  const faults = Object.entries(result.faults);
  return (
    <div className="sync-outcome" data-testid="sync-outcome">
      <p>
        Snapshot {result.sequence} taken: {result.areas.length} of {result.areas.length + faults.length} areas read, {result.objects} objects.
      </p>
      {faults.length > 0 && (
        <div className="banner banner--warning">
          <div className="banner__body">
            <p className="banner__title">Not read this time</p>
            <ul>
              {faults.map(([area, fault]) => (
                <li key={area} data-area={area}>
                  <strong>{complianceAreaLabel(area)}:</strong>{' '}
                  {fault.status === 'permission_error' && fault.permission ? (
                    <>
                      grant the application permission <code>{fault.permission}</code> to the app and admin consent in Microsoft Entra, then refresh again.
                    </>
                  ) : (
                    fault.message
                  )}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
    </div>
  );
}

function ScheduleSelect({ workspaceId, tenantId, onChanged }: { workspaceId: string; tenantId: string; onChanged(): void }) {
  const schedule = useLoader(() => api.getSyncSchedule(workspaceId, tenantId), [workspaceId, tenantId]);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const current = schedule.data?.intervalHours ?? null;

  async function change(value: string) {
    setSaving(true);
    setProblem(null);
    try {
      await api.setSyncSchedule(workspaceId, tenantId, value === '' ? null : Number(value));
      schedule.reload();
      onChanged();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <div className="field sync-schedule">
      <label htmlFor="sync-schedule">Automatic sync</label>
      <select id="sync-schedule" className="select--compact" value={current === null ? '' : String(current)} disabled={!schedule.data || saving} onChange={(e) => change(e.target.value)}>
        {SCHEDULES.map((s) => (
          <option key={s.label} value={s.hours === null ? '' : String(s.hours)}>
            {s.label}
          </option>
        ))}
        {current !== null && !SCHEDULES.some((s) => s.hours === current) && <option value={String(current)}>Every {current} hours</option>}
      </select>
      {schedule.data?.nextRunAt && (
        <span className="cell-sub">
          Next: <Timestamp iso={schedule.data.nextRunAt} />
        </span>
      )}
      {problem && <ProblemBanner problem={problem} />}
    </div>
  );
}
