import { CopyButton } from './copy-button.js';

/** A secret shown once (a new API key, a webhook signing secret): selectable, copyable, and a button to say it is saved. */
export function OneTimeSecret(props: { id: string; label: string; value: string; copyLabel: string; doneLabel: string; onDone(): void }) {
  return (
    <div className="card__body">
      <div className="secret-row">
        <label className="visually-hidden" htmlFor={props.id}>
          {props.label}
        </label>
        <input id={props.id} className="secret-input mono" readOnly value={props.value} onFocus={(event) => event.target.select()} spellCheck={false} />
        <CopyButton text={props.value} label={props.copyLabel} />
      </div>
      <div className="card__footer">
        <button type="button" className="button button--secondary" onClick={props.onDone}>
          {props.doneLabel}
        </button>
      </div>
    </div>
  );
}
