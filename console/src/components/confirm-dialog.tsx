// A modal question before anything that cannot be undone (revoke a key, remove a member).
// Built on <dialog>: the browser traps focus, closes on Escape and restores focus afterwards.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { asProblem, type ApiProblem } from '../api/problem.js';
import { ProblemBanner } from './problem-banner.js';
import '../styles/dialogs.css';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** For the gravest actions: the confirm button stays disabled until this exact text is typed. */
  confirmText?: string;
  /** Runs the action; the dialog stays open showing the problem if it throws. */
  onConfirm(): Promise<void>;
  onClose(): void;
}

export function ConfirmDialog({ title, children, confirmLabel, confirmText, onConfirm, onClose }: ConfirmDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [typed, setTyped] = useState('');
  const confirmed = confirmText === undefined || typed.trim() === confirmText;

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
    return () => element?.close();
  }, []);

  async function confirm() {
    setBusy(true);
    setProblem(null);
    try {
      await onConfirm();
      onClose();
    } catch (error) {
      setProblem(asProblem(error));
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="confirm-dialog-title" onCancel={onClose}>
      <h2 className="dialog__title" id="confirm-dialog-title">
        {title}
      </h2>
      <div className="dialog__body">{children}</div>
      {confirmText !== undefined && (
        <div className="field dialog__confirm-field">
          <label htmlFor="confirm-dialog-text">
            Type <strong>{confirmText}</strong> to confirm
          </label>
          <input id="confirm-dialog-text" autoComplete="off" value={typed} onChange={(event) => setTyped(event.target.value)} />
        </div>
      )}
      {problem && <ProblemBanner problem={problem} />}
      <div className="dialog__actions">
        <button type="button" className="button button--secondary" onClick={onClose} disabled={busy}>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={confirm} disabled={busy || !confirmed}>
          {busy ? 'Working…' : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
