// Short confirmations of what just happened ("API key revoked"), announced politely and dismissed on their own.
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

type ToastTone = 'success' | 'error';

interface Toast {
  id: number;
  tone: ToastTone;
  title: string;
  detail?: string;
}

interface ToastContextValue {
  notify(toast: Omit<Toast, 'id'>): void;
  /** Drops every toast, e.g. on sign-out: the next person must not read what the last one did. */
  clear(): void;
}

const ToastContext = createContext<ToastContextValue | null>(null);
// Long enough to read a sentence; errors stay until dismissed because they usually need acting on.
const successLifetimeMs = 5000;

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);

  const dismiss = useCallback((id: number) => setToasts((all) => all.filter((toast) => toast.id !== id)), []);

  const notify = useCallback(
    (toast: Omit<Toast, 'id'>) => {
      const id = nextId.current++;
      setToasts((all) => [...all.slice(-2), { ...toast, id }]);
      if (toast.tone === 'success') window.setTimeout(() => dismiss(id), successLifetimeMs);
    },
    [dismiss],
  );

  const clear = useCallback(() => setToasts([]), []);
  const value = useMemo(() => ({ notify, clear }), [notify, clear]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast--${toast.tone}`}>
            <span className="toast__icon" aria-hidden="true">
              {toast.tone === 'success' ? '✓' : '!'}
            </span>
            <div className="toast__body">
              <p className="toast__title">{toast.title}</p>
              {toast.detail && <p className="toast__detail">{toast.detail}</p>}
            </div>
            <button type="button" className="toast__close" onClick={() => dismiss(toast.id)} aria-label="Dismiss notification">
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastContextValue {
  const value = useContext(ToastContext);
  if (!value) throw new Error('useToast must be used inside <ToastProvider>');
  return value;
}
