// Test Connection: runs the hub's check (credentials, permissions, one live call per service) and shows each step.
// It shows the stored report of the active credential (what the hourly check last found), marked outdated when
// the credential, services, tenant or consent changed since; a pending credential's test is shown apart, in
// Update credentials, never here.
import type { HealthView } from '../api/m365-types.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { Timestamp } from '../components/timestamp.js';
import { TestReport } from './test-report.js';
import { healthLabel } from './health-badge.js';
import { useTestConnection } from './use-test-connection.js';

interface Props {
  workspaceId: string;
  adminConsentHref: string;
  stored: HealthView | null;
  hasPending: boolean;
  onTested(): void;
}

export function TestConnectionCard({ workspaceId, adminConsentHref, stored, hasPending, onTested }: Props) {
  const { run, start } = useTestConnection(workspaceId, (finished) => {
    if (finished.state === 'done') onTested();
  });
  const active = run.state !== 'idle' && run.credential === 'active' ? run : null;
  // The newest word wins: a run finished here until the page has re-read the stored report, then the stored one
  // (a background re-test after a change replaces an older run's result, never the other way round).
  const ran = active?.state === 'done' ? active.report : null;
  const storedReport = stored?.report ?? null;
  const report = active?.state === 'running' ? null : ran && (!storedReport || ran.checkedAt > storedReport.checkedAt) ? ran : storedReport;
  const outdated = report && report === storedReport ? (stored?.outdated ?? null) : null;
  const running = active?.state === 'running';

  return (
    <section className="card" aria-labelledby="test-connection-title">
      <div className="card__header card__header--split">
        <div>
          <h2 className="card__title" id="test-connection-title">
            Test Connection
          </h2>
          <p className="card__description">
            Gets a token with the active credential, compares granted and required permissions, and calls Microsoft Graph for each service.
            {hasPending && ' The new (pending) credential is tested in Update credentials above.'}
          </p>
        </div>
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus to <body> while the test runs. */}
        <button type="button" className="button button--primary" onClick={() => !running && start('active')} aria-disabled={running}>
          {running ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      <div className="card__body">
        {/* Screen readers hear the outcome without leaving the button; a newer stored result silences an older run's words. */}
        <p className="visually-hidden" role="status">
          {running ? 'Testing the connection…' : ran && report === ran ? `Test finished: ${healthLabel(ran.health)}.` : active?.state === 'failed' ? `Test could not run: ${active.problem.title}.` : ''}
        </p>
        {active?.state === 'running' && <LoadingState label={active.progress ?? 'Testing the connection to Microsoft 365…'} />}
        {active?.state === 'failed' && <ProblemBanner problem={active.problem} onRetry={() => start('active')} />}
        {report && outdated && (
          <div className="banner banner--warning" role="status" data-testid="health-outdated" data-reason={outdated.reason}>
            <div className="banner__body">
              <p className="banner__title">Outdated result</p>
              <p className="banner__detail">
                {outdated.message} Changed <Timestamp iso={outdated.since} />.
              </p>
            </div>
          </div>
        )}
        {report && (
          <div style={outdated ? { opacity: 0.7 } : undefined} data-outdated={outdated ? 'true' : 'false'}>
            {hasPending && <p className="eyebrow">Active credential</p>}
            <TestReport report={report} adminConsentHref={adminConsentHref} />
          </div>
        )}
        {!report && !active && <p className="muted">Not tested yet. Run it after registering the app and after every change in Entra.</p>}
      </div>
    </section>
  );
}
