import type { ApiProblem } from '../api/problem.js';

/** Shows an API problem the way a person reads it: what went wrong, how to fix it, and a reference for support. */
export function ProblemBanner({ problem, onRetry }: { problem: ApiProblem; onRetry?: () => void }) {
  return (
    <div className="banner banner--error" role="alert">
      <div className="banner__body">
        <p className="banner__title">{problem.title}</p>
        {problem.detail && <p className="banner__detail">{problem.detail}</p>}
        {problem.requestId && <p className="banner__meta">Request ID: {problem.requestId}</p>}
      </div>
      {onRetry && (
        <button type="button" className="button button--secondary button--small" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
