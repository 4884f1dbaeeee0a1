// Who is signed in. Loaded once from the hub's session endpoint; dropped whenever the API answers 401.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import * as api from '../api/client.js';
import { asProblem, type ApiProblem } from '../api/problem.js';
import type { SessionUser } from '../api/types.js';

export type SessionState =
  | { status: 'loading' }
  | { status: 'unavailable'; problem: ApiProblem }
  /** `reason` tells the sign-in page what to say: nothing, "your session expired", or "you signed out". */
  | { status: 'signed-out'; reason: 'no-session' | 'expired' | 'signed-out' }
  | { status: 'signed-in'; user: SessionUser };

interface SessionContextValue {
  state: SessionState;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  retry(): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    api.currentSession().then(
      (session) => current && setState(session ? { status: 'signed-in', user: session.user } : { status: 'signed-out', reason: 'no-session' }),
      (error: unknown) => current && setState({ status: 'unavailable', problem: asProblem(error) }),
    );
    return () => {
      current = false;
    };
  }, [attempt]);

  useEffect(() => api.onUnauthorized(() => setState({ status: 'signed-out', reason: 'expired' })), []);

  const signIn = useCallback(async (email: string, password: string) => {
    const session = await api.signIn(email, password);
    setState({ status: 'signed-in', user: session.user });
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.signOut();
    } finally {
      setState({ status: 'signed-out', reason: 'signed-out' });
    }
  }, []);

  const retry = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut, retry }), [state, signIn, signOut, retry]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user; only for components rendered behind <RequireSession>. */
export function useSignedInUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== 'signed-in') throw new Error('useSignedInUser needs a signed-in session');
  return state.user;
}
