import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { asProblem, type ApiProblem } from '../api/problem.js';
import { LoadingState } from '../components/loading-state.js';
import { Notice } from '../components/notice.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useSession } from './session-context.js';
import './sign-in.css';

export function SignInPage() {
  const { state, signIn } = useSession();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await signIn(email.trim(), password);
    } catch (error) {
      setProblem(asProblem(error));
      setPassword('');
      setBusy(false);
    }
  }

  const reason = params.get('reason');
  return (
    <main className="auth">
      <div className="auth__panel">
        <div className="auth__brand">
          <span className="brand-mark brand-mark--large" aria-hidden="true" />
          <span className="brand-name">m365hub</span>
        </div>
        <div className="auth__card">
          <h1 className="auth__title">Sign in to the console</h1>
          <p className="auth__subtitle">Manage workspaces, API keys and Microsoft 365 connections.</p>
          {state.status === 'loading' ? (
            <LoadingState label="Checking your session…" />
          ) : (
            <form className="form" onSubmit={submit}>
              {reason === 'expired' && !problem && (
                <Notice title="Your session has ended">Sign in again to continue where you left off.</Notice>
              )}
              {reason === 'signed-out' && !problem && <Notice title="You have signed out" />}
              {problem && <ProblemBanner problem={problem} />}
              <div className="field">
                <label htmlFor="sign-in-email">Email</label>
                <input
                  id="sign-in-email"
                  type="email"
                  autoComplete="username"
                  required
                  autoFocus
                  value={email}
                  onChange={(event) => setEmail(event.target.value)}
                />
              </div>
              <div className="field">
                <label htmlFor="sign-in-password">Password</label>
                <input
                  id="sign-in-password"
                  type="password"
                  autoComplete="current-password"
                  required
                  value={password}
                  onChange={(event) => setPassword(event.target.value)}
                />
              </div>
              <button type="submit" className="button button--primary button--block" disabled={busy}>
                {busy ? 'Signing in…' : 'Sign in'}
              </button>
            </form>
          )}
        </div>
        <p className="auth__footnote">
          No account yet? An instance administrator creates the first one with <code>m365hub admin create</code>.
        </p>
      </div>
    </main>
  );
}

/** Only same-site paths: a crafted `?next=https://evil.example` must not turn sign-in into a redirector. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
