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

/** Focuses the first field marked invalid in `form`, so a keyboard user starts where the fixing starts. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
