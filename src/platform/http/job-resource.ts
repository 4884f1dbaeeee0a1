// The job resource of the API, from whatever the job queue returns. Typed structurally so the HTTP layer does not
// depend on the queue's internals: camelCase fields, progress either nested or flat, the failure as `problem` or
// `lastError`, times as Date or ISO string.
import type { Job } from '../../contract/api-schemas.js';

type Time = Date | string;

export interface JobLike {
  id: string;
  type: string;
  status: string;
  attempts: number;
  result?: unknown;
  progress?: { done?: number | null; total?: number | null; message?: string | null } | null;
  progressDone?: number | null;
  progressTotal?: number | null;
  progressMessage?: string | null;
  problem?: { code: string; message: string } | null;
  lastError?: { code: string; message: string } | null;
  createdAt: Time;
  updatedAt: Time;
  finishedAt?: Time | null;
}

const iso = (time: Time) => (typeof time === 'string' ? new Date(time) : time).toISOString();

export function jobResource(value: unknown): Job {
  const job = value as JobLike;
  return {
    id: job.id,
    type: job.type,
    status: job.status,
    progress: {
      done: job.progress?.done ?? job.progressDone ?? null,
      total: job.progress?.total ?? job.progressTotal ?? null,
      message: job.progress?.message ?? job.progressMessage ?? null,
    },
    result: job.result ?? null,
    problem: job.problem ?? job.lastError ?? null,
    attempts: job.attempts,
    createdAt: iso(job.createdAt),
    updatedAt: iso(job.updatedAt),
    finishedAt: job.finishedAt ? iso(job.finishedAt) : null,
  };
}

export function jobLocation(workspaceId: string, jobId: string): string {
  return `/api/v1/workspaces/${workspaceId}/jobs/${jobId}`;
}
