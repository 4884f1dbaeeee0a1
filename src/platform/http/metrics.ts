// Prometheus metrics, one registry per server (tests build many servers in one process): request count and latency
// by method, route pattern and status; job queue depth by status; the default process metrics.
import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export interface JobDepthSource {
  countByStatus(): Promise<Record<string, number>>;
}

export function registerMetrics(server: FastifyInstance, jobs: JobDepthSource | undefined): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'm365hub_' });
  const labelNames = ['method', 'route', 'status'] as const;
  const requests = new Counter({ name: 'm365hub_http_requests_total', help: 'HTTP requests answered', labelNames, registers: [registry] });
  const duration = new Histogram({
    name: 'm365hub_http_request_duration_seconds',
    help: 'Time to answer HTTP requests',
    labelNames,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  if (jobs) {
    new Gauge({
      name: 'm365hub_jobs',
      help: 'Jobs in the queue by status',
      labelNames: ['status'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const [status, count] of Object.entries(await jobs.countByStatus())) this.set({ status }, count);
      },
    });
  }
  server.addHook('onResponse', async (request, reply) => {
    // The route pattern, never the raw URL: ids in paths would make unbounded label sets.
    const labels = { method: request.method, route: request.is404 ? 'unmatched' : (request.routeOptions.url ?? 'unmatched'), status: String(reply.statusCode) };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  });
  return registry;
}
