// Gate for every page behind sign-in: waits for the session, sends visitors without one to the sign-in page
// (remembering where they were going), and shows why when the hub cannot be reached.
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageMessage } from '../components/full-page-message.js';
import { LoadingState } from '../components/loading-state.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useSession } from './session-context.js';

export function RequireSession() {
  const { state, retry } = useSession();
  const location = useLocation();

  switch (state.status) {
    case 'loading':
      return (
        <FullPageMessage>
          <LoadingState label="Loading your session…" />
        </FullPageMessage>
      );
    case 'unavailable':
      return (
        <FullPageMessage>
          <ProblemBanner problem={state.problem} onRetry={retry} />
        </FullPageMessage>
      );
    case 'signed-out': {
      // After a deliberate sign-out the next person starts fresh; otherwise come back to where you were going.
      const next = location.pathname + location.search;
      const params = new URLSearchParams();
      if (state.reason !== 'signed-out' && next !== '/') params.set('next', next);
      if (state.reason !== 'no-session') params.set('reason', state.reason);
      const query = params.toString();
      return <Navigate to={`/sign-in${query ? `?${query}` : ''}`} replace />;
    }
    case 'signed-in':
      return <Outlet />;
  }
}
