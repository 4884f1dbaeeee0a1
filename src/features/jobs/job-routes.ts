// A workspace's jobs: poll one, ask to cancel one. Jobs of another workspace answer 404 like missing ones (the
// queue itself is asked with the principal's workspace id).
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Job, JobParams } from '../../contract/api-schemas.js';
import { workspaceOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import { jobResource } from '../../platform/http/job-resource.js';

export interface JobLookup {
  get(workspaceId: string | null, jobId: string): Promise<unknown | undefined>;
  requestCancel(workspaceId: string, jobId: string): Promise<unknown | undefined>;
}

const tags = ['jobs'];

export function registerJobRoutes(server: FastifyInstance, deps: { jobs: JobLookup | undefined }): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const notFound = () => new HttpProblem('not_found');

  api.get(
    '/api/v1/workspaces/:workspaceId/jobs/:jobId',
    { config: { access: 'workspace_member' }, schema: { tags, summary: 'A job: status, progress, result or problem', params: JobParams, response: { 200: Job } } },
    async (request) => {
      const job = await deps.jobs?.get(workspaceOf(request).id, request.params.jobId);
      if (!job) throw notFound();
      return jobResource(job);
    },
  );

  api.post(
    '/api/v1/workspaces/:workspaceId/jobs/:jobId/cancel',
    {
      config: { access: 'workspace_admin' },
      schema: { tags, summary: 'Ask a job to stop (admins and the workspace API key)', params: JobParams, response: { 202: Job } },
    },
    async (request, reply) => {
      const job = await deps.jobs?.requestCancel(workspaceOf(request).id, request.params.jobId);
      if (!job) throw notFound();
      return reply.code(202).send(jobResource(job));
    },
  );
}
