// Parse faults point into the part of the request body they came from, so clients show them at the field.
import { AppError } from '../../platform/errors/app-error.js';

export function underBody(error: unknown, base: string): unknown {
  if (!(error instanceof AppError) || !error.fieldErrors) return error;
  return new AppError(error.code, error.message, { fieldErrors: error.fieldErrors.map((f) => ({ ...f, pointer: `${base}${f.pointer}` })) });
}
