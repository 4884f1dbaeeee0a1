import { useState, type FormEvent } from 'react';
import { asProblem, type ApiProblem } from '../api/problem.js';
import { Card } from './card.js';
import { FieldError, focusFirstInvalid, invalidProps } from './field-error.js';
import { ProblemBanner } from './problem-banner.js';

/** A card with one text field and its submit button: creating and renaming things share it. */
export function NameForm(props: {
  title: string;
  /** The body field it sets, for field errors (default `name`). */
  field?: string;
  maxLength?: number;
  /** Shown under the label, e.g. the format expected. */
  hint?: string;
  description: string;
  inputId: string;
  label: string;
  placeholder?: string;
  initialName?: string;
  submitLabel: string;
  busyLabel: string;
  /** Clear the field after a successful submit (creating another thing next). */
  clearOnSuccess?: boolean;
  /** Extra reason to keep the button disabled, e.g. the name is unchanged. */
  isUnchanged?: (name: string) => boolean;
  onSubmit(name: string): Promise<void>;
}) {
  const [name, setName] = useState(props.initialName ?? '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const trimmed = name.trim();
  const pointer = `/body/${props.field ?? 'name'}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    try {
      await props.onSubmit(trimmed);
      if (props.clearOnSuccess) setName('');
    } catch (error) {
      setProblem(asProblem(error));
      focusFirstInvalid(event.target as HTMLFormElement);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title={props.title} description={props.description}>
      <form className="inline-form" onSubmit={submit}>
        <div className="field field--grow">
          <label htmlFor={props.inputId}>{props.label}</label>
          {props.hint && (
            <p className="field__hint" id={`${props.inputId}-hint`}>
              {props.hint}
            </p>
          )}
          <input
            id={props.inputId}
            {...invalidProps(problem, pointer, `${props.inputId}-error`)}
            {...(props.hint && !problem ? { 'aria-describedby': `${props.inputId}-hint` } : {})}
            required
            maxLength={props.maxLength ?? 100}
            {...(props.placeholder ? { placeholder: props.placeholder } : {})}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
          <FieldError problem={problem} pointer={pointer} id={`${props.inputId}-error`} />
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={busy || trimmed === '' || (props.isUnchanged?.(trimmed) ?? false)}
        >
          {busy ? props.busyLabel : props.submitLabel}
        </button>
      </form>
      {problem && <ProblemBanner problem={problem} shownAtFields={[pointer]} />}
    </Card>
  );
}
