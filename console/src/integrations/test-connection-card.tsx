// Test Connection: runs the hub's check (credentials, permissions, one live call per service) and shows each step.
// On load it shows the last stored report, so the page says what the hourly check last found.
import * as m365 from '../api/m365-client.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useLoader } from '../hooks/use-loader.js';
import { TestReport } from './test-report.js';
import { healthLabel } from './health-badge.js';
import { useTestConnection } from './use-test-connection.js';

export function TestConnectionCard({ workspaceId, adminConsentHref, onTested }: { workspaceId: string; adminConsentHref: string; onTested(): void }) {
  const stored = useLoader(() => m365.getHealth(workspaceId).catch(() => null), [workspaceId]);
  const { run, start } = useTestConnection(workspaceId, (finished) => {
    if (finished.state === 'done') onTested();
  });
  const active = run.state !== 'idle' && run.credential === 'active' ? run : null;
  const report = active?.state === 'done' ? active.report : active ? null : (stored.data?.report ?? null);
  const running = active?.state === 'running';

  return (
    <section className="card" aria-labelledby="test-connection-title">
      <div className="card__header card__header--split">
        <div>
          <h2 className="card__title" id="test-connection-title">
            Test Connection
          </h2>
          <p className="card__description">Gets a token with the active credential, compares granted and required permissions, and calls Microsoft Graph for each service.</p>
        </div>
        {/* aria-disabled, not disabled: a disabled button drops keyboard focus to <body> while the test runs. */}
        <button type="button" className="button button--primary" onClick={() => !running && start('active')} aria-disabled={running}>
          {running ? 'Testing…' : 'Test connection'}
        </button>
      </div>
      <div className="card__body">
        {/* Screen readers hear the outcome without leaving the button. */}
        <p className="visually-hidden" role="status">
          {running ? 'Testing the connection…' : active?.state === 'done' ? `Test finished: ${healthLabel(active.report.health)}.` : active?.state === 'failed' ? `Test could not run: ${active.problem.title}.` : ''}
        </p>
        {active?.state === 'running' && <LoadingState label={active.progress ?? 'Testing the connection to Microsoft 365…'} />}
        {active?.state === 'failed' && <ProblemBanner problem={active.problem} onRetry={() => start('active')} />}
        {report && <TestReport report={report} adminConsentHref={adminConsentHref} />}
        {!report && !active && <p className="muted">Not tested yet. Run it after registering the app and after every change in Entra.</p>}
      </div>
    </section>
  );
}
