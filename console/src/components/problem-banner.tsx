import type { ApiProblem } from '../api/problem.js';

/** Shows an API problem the way a person reads it: what went wrong, how to fix it, and a reference for support. */
export function ProblemBanner({ problem, onRetry, shownAtFields = [] }: { problem: ApiProblem; onRetry?: () => void; shownAtFields?: readonly string[] }) {
  // Problems a form shows at their field are not repeated here; the rest (a field the form does not have) still are.
  const listed = problem.fieldErrors.filter((error) => !shownAtFields.includes(error.pointer));
  return (
    <div className="banner banner--error" role="alert">
      <div className="banner__body">
        <p className="banner__title">{problem.title}</p>
        {problem.detail && <p className="banner__detail">{problem.detail}</p>}
        {listed.length > 0 && (
          <ul className="banner__list">
            {listed.map((error) => (
              <li key={error.pointer + error.detail}>
                <span className="mono">{fieldName(error.pointer)}</span>: {error.detail}
              </li>
            ))}
          </ul>
        )}
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

/** `/body/email` → `email`: people know the field by its name, not by where it sat in the request. */
function fieldName(pointer: string): string {
  return pointer.replace(/^\/(body|query|params)\/?/, '') || pointer;
}
