// Routes for operators and load balancers: liveness, readiness, metrics, the OpenAPI document.
import type { FastifyInstance } from 'fastify';
import type {} from '@fastify/swagger';
import type { Registry } from 'prom-client';
import { Health } from '../../contract/api-schemas.js';
import { HttpProblem } from './http-problem.js';

export interface OperationsDeps {
  isReady(): Promise<boolean>;
  /** True once shutdown began: readiness fails so load balancers stop sending traffic. */
  isShuttingDown(): boolean;
  registry: Registry;
}

export function registerOperationsRoutes(server: FastifyInstance, deps: OperationsDeps): void {
  const ops = { tags: ['operations'] };
  server.get('/healthz', { config: { access: 'public' }, schema: { ...ops, summary: 'The process is alive', response: { 200: Health } } }, async () => ({
    status: 'ok',
  }));

  server.get(
    '/readyz',
    { config: { access: 'public' }, schema: { ...ops, summary: 'The database answers and migrations are applied', response: { 200: Health } } },
    async () => {
      if (deps.isShuttingDown()) throw new HttpProblem('not_ready', { detail: 'The hub is shutting down.' });
      if (!(await deps.isReady())) throw new HttpProblem('not_ready');
      return { status: 'ready' };
    },
  );

  server.get('/metrics', { config: { access: 'public' }, schema: { ...ops, summary: 'Prometheus metrics', produces: ['text/plain'] } }, async (_request, reply) => {
    reply.header('content-type', deps.registry.contentType);
    return deps.registry.metrics();
  });

  server.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => server.swagger());
}
