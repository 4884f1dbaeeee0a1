// A validation problem shown at the field it is about (from the problem's `errors[].pointer`), not only in a banner
// under the form: the person sees what to fix where they fix it, and screen readers hear it with the field.
import type { ApiProblem } from '../api/problem.js';

/** What the problem says about the field at `pointer` (e.g. `/body/clientId`), if anything. */
export function fieldProblem(problem: ApiProblem | null, pointer: string): string | undefined {
  const found = problem?.fieldErrors.filter((error) => error.pointer === pointer).map((error) => error.detail);
  return found && found.length > 0 ? found.join('; ') : undefined;
}

/** Props for the field's input: marks it invalid and points at the message; adds `describedBy` ids it already had. */
export function invalidProps(problem: ApiProblem | null, pointer: string, errorId: string, describedBy?: string) {
  const invalid = fieldProblem(problem, pointer) !== undefined;
  const ids = [describedBy, invalid ? errorId : undefined].filter(Boolean).join(' ');
  return { 'aria-invalid': invalid || undefined, 'aria-describedby': ids || undefined };
}

export function FieldError({ problem, pointer, id }: { problem: ApiProblem | null; pointer: string; id: string }) {
  const detail = fieldProblem(problem, pointer);
  if (detail === undefined) return null;
  return (
    <span className="field__error" id={id}>
      {detail}
    </span>
  );
}

/** How long to wait for the problem's render to mark a field; a problem that names no field marks none. */
const MARK_WAIT_MS = 2000;

/**
 * Focuses the first field marked invalid in `form`, so a keyboard user starts where the fixing starts. It is called
 * as the problem is set, before React has rendered the marks, so it focuses the first field as soon as one is marked.
 * (Waiting one animation frame lost the race when the render came later, and frames stall on a page that is not
 * being painted.)
 */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  if (!form) return;
  const focusMarked = () => {
    const field = form.querySelector<HTMLElement>('[aria-invalid="true"]');
    field?.focus();
    return field !== null;
  };
  if (focusMarked()) return;
  const observer = new MutationObserver(() => {
    if (focusMarked()) observer.disconnect();
  });
  observer.observe(form, { subtree: true, attributes: true, attributeFilter: ['aria-invalid'] });
  setTimeout(() => observer.disconnect(), MARK_WAIT_MS);
}
