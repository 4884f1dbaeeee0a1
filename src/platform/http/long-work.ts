// Conventions for long work, for the feature routes that start jobs: answer 202 with the job resource and a
// Location to poll, and accept an Idempotency-Key so a retried create does not start the work twice (pass the key
// to the job queue's enqueue, which keeps one job per workspace, type and key).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { IDEMPOTENCY_KEY_HEADER } from '../../contract/api-schemas.js';
import { HttpProblem } from './http-problem.js';
import { jobLocation, jobResource } from './job-resource.js';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

/** The request's Idempotency-Key, or undefined; 400 when present but not 1–255 visible ASCII characters. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const value = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !IDEMPOTENCY_KEY.test(value)) {
    throw new HttpProblem('validation_failed', {
      detail: 'Idempotency-Key must be 1–255 visible ASCII characters, e.g. a UUID.',
      errors: [{ pointer: `/headers/${IDEMPOTENCY_KEY_HEADER}`, detail: 'must be 1–255 visible ASCII characters' }],
    });
  }
  return value;
}

/** 202 Accepted with the job resource and its Location. */
export function acceptedJob(reply: FastifyReply, workspaceId: string, job: unknown): FastifyReply {
  const resource = jobResource(job);
  return reply.code(202).header('location', jobLocation(workspaceId, resource.id)).send(resource);
}
