import { Link } from 'react-router';
import { EmptyState } from '../components/empty-state.js';

export function NotFoundPage() {
  return (
    <div className="card">
      <EmptyState
        title="Page not found"
        action={
          <Link className="button button--primary" to="/">
            Go to the console
          </Link>
        }
      >
        There is no page at this address. It may have moved, or the link may be mistyped.
      </EmptyState>
    </div>
  );
}
