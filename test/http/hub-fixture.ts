// A hub server on a fresh test store, with a manual clock and every log line captured, plus helpers to sign in and
// to make workspaces, members and API keys the way a user would (through the API).
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/platform/config/config.js';
import { createLogger } from '../../src/platform/logging/logger.js';
import type { DialectName } from '../../src/platform/store/database.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { createConsoleUser } from '../../src/features/console-auth/console-users.js';
import type { JobsPort } from '../../src/platform/http/server.js';
import { buildHub } from '../../src/app/hub.js';
import type { FetchLike } from '../../src/microsoft/transport/index.js';
import { openTestStore, type TestStore } from '../support/stores.js';

export interface Caller {
  /** Headers that authenticate a request: the session cookie (plus CSRF token) or the API key. */
  headers: Record<string, string>;
}

export interface Hub {
  server: FastifyInstance;
  store: TestStore;
  clock: ManualClock;
  /** Every log line written so far. */
  logText(): string;
  close(): Promise<void>;
  signIn(email: string, password: string): Promise<Caller & { csrfToken: string; cookie: string }>;
  /** A console user created directly in the store (as `m365hub admin create` does). */
  user(email: string, options?: { instanceAdmin?: boolean }): Promise<{ email: string; password: string; id: string }>;
  call(caller: Caller | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

export const PASSWORD = 'correct horse battery staple';

export async function startHub(
  dialect: DialectName,
  options: {
    jobs?: JobsPort;
    consoleDir?: string;
    env?: Record<string, string>;
    /** Runs before the server is ready: add test-only routes here. */
    beforeReady?: (server: FastifyInstance) => void;
    /** Replaces the store's readiness check. */
    isReady?: () => Promise<boolean>;
    /** How the hub reaches Microsoft (a fake Graph). */
    fetch?: FetchLike;
  } = {},
): Promise<Hub> {
  const store = await openTestStore(dialect);
  const clock = new ManualClock(new Date('2026-03-01T09:00:00.000Z'));
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(String(chunk));
      callback();
    },
  });
  const logger = createLogger({ level: 'trace', destination });
  // The production composition (src/app/hub.ts) with test settings: a test key ring, a manual clock, every log
  // line captured, no real DNS, no job worker running (jobs stay queued for the tests to inspect).
  const config = loadConfig({
    M365HUB_SESSION_TTL_SECONDS: '3600',
    M365HUB_ENCRYPTION_KEYS: `fixture:${Buffer.alloc(32, 9).toString('base64')}`,
    ...options.env,
  });
  const built = await buildHub({
    config,
    logger,
    clock,
    store: options.isReady ? { ...store, isReady: options.isReady } : store,
    consoleDir: options.consoleDir ?? '/nonexistent-console',
    ...(options.jobs ? { jobsView: options.jobs } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    // hooks.example.com is public, everything else resolves to a private address (no real DNS in tests).
    resolveHost: async (host) => [{ address: host === 'hooks.example.com' ? '93.184.215.14' : '10.0.0.7', family: 4 }],
  });
  const server = built.server;
  options.beforeReady?.(server);
  await server.ready();

  const call: Hub['call'] = (caller, method, url, body, headers = {}) =>
    server.inject({
      method: method as 'GET',
      url,
      headers: { ...(caller?.headers ?? {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });

  return {
    server,
    store,
    clock,
    logText: () => lines.join(''),
    async close() {
      await built.close();
      await store.close();
    },
    async signIn(email, password) {
      const response = await call(null, 'POST', '/api/v1/auth/sign-in', { email, password });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      const cookie = response.cookies.find((c) => c.name === 'm365hub_session');
      if (!cookie) throw new Error('no session cookie');
      const csrfToken = (response.json() as { csrfToken: string }).csrfToken;
      return { csrfToken, cookie: cookie.value, headers: { cookie: `m365hub_session=${cookie.value}`, 'x-csrf-token': csrfToken } };
    },
    async user(email, userOptions = {}) {
      const created = await createConsoleUser(store.db, { email, password: PASSWORD, instanceAdmin: userOptions.instanceAdmin ?? false });
      return { email, password: PASSWORD, id: created.id };
    },
    call,
  };
}

/** A workspace with its admin (signed in), a member (signed in) and an API key, all made through the API. */
export async function workspaceWithPeople(hub: Hub, label: string) {
  const adminUser = await hub.user(`admin-${label}@example.com`, { instanceAdmin: true });
  const admin = await hub.signIn(adminUser.email, adminUser.password);
  const created = await hub.call(admin, 'POST', '/api/v1/workspaces', { name: `Workspace ${label}` });
  if (created.statusCode !== 201) throw new Error(`create workspace: ${created.body}`);
  const workspaceId = (created.json() as { id: string }).id;
  const memberResponse = await hub.call(admin, 'POST', `/api/v1/workspaces/${workspaceId}/members`, {
    email: `member-${label}@example.com`,
    role: 'member',
    password: PASSWORD,
  });
  if (memberResponse.statusCode !== 201) throw new Error(`add member: ${memberResponse.body}`);
  const memberUserId = (memberResponse.json() as { userId: string }).userId;
  const member = await hub.signIn(`member-${label}@example.com`, PASSWORD);
  const keyResponse = await hub.call(admin, 'POST', `/api/v1/workspaces/${workspaceId}/api-keys`, { name: `backend ${label}` });
  if (keyResponse.statusCode !== 201) throw new Error(`create key: ${keyResponse.body}`);
  const { id: apiKeyId, key } = keyResponse.json() as { id: string; key: string };
  const apiKey: Caller = { headers: { authorization: `Bearer ${key}` } };
  return { workspaceId, admin, adminUserId: adminUser.id, member, memberUserId, apiKey, apiKeyId, key };
}

/** An in-memory job queue port: each job belongs to one workspace, and lookups are confined to it. */
export function fakeJobs() {
  const jobs = new Map<string, { workspaceId: string; job: Record<string, unknown> }>();
  let counter = 0;
  return {
    add(workspaceId: string, type = 'test.job'): string {
      const id = `job_${String(++counter).padStart(26, 'a')}`;
      const now = new Date('2026-03-01T09:00:00.000Z');
      jobs.set(id, {
        workspaceId,
        job: { id, type, status: 'running', attempts: 1, progress: { done: 1, total: 4, message: 'working' }, result: null, createdAt: now, updatedAt: now, finishedAt: null },
      });
      return id;
    },
    async countByStatus() {
      const counts: Record<string, number> = {};
      for (const { job } of jobs.values()) counts[String(job.status)] = (counts[String(job.status)] ?? 0) + 1;
      return counts;
    },
    async get(workspaceId: string | null, jobId: string) {
      const entry = jobs.get(jobId);
      return entry && (workspaceId === null || entry.workspaceId === workspaceId) ? entry.job : undefined;
    },
    async requestCancel(workspaceId: string, jobId: string) {
      const entry = jobs.get(jobId);
      if (!entry || entry.workspaceId !== workspaceId) return undefined;
      entry.job.status = 'cancelled';
      return entry.job;
    },
  };
}
