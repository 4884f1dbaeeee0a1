// Which job failures are conditions a person must fix rather than faults of the hub. A feature error whose problem
// in the one catalogue is a 4xx (connection_not_found, connection_needs_reconnect, integration_not_configured …) is
// what an API caller would be told to fix; in a job it ends the job `failed` with that code, logged as information,
// not retried and never dead-lettered. 5xx problems and unknown errors stay faults (retried, then the dead letter).
import { AppError } from '../platform/errors/app-error.js';
import type { ProblemCatalogue } from '../platform/http/problem-catalogue.js';
import { isFlaggedCondition, type ConditionClassifier } from '../platform/jobs/job-failure.js';

export function jobConditionClassifier(problems: ProblemCatalogue): ConditionClassifier {
  return (error) => {
    if (isFlaggedCondition(error)) return true;
    if (!(error instanceof AppError) || !error.isProblemCode) return false;
    const status = problems.get(error.code)?.status;
    return status !== undefined && status >= 400 && status < 500 && status !== 408 && status !== 429;
  };
}
