// Serves the built web console (a Vite React app) from the same origin as the API, with a single-page-app
// fallback: a browser opening /workspaces/ws_…/members directly gets index.html, while API-like paths get problems.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type {} from '@fastify/swagger';

const NOT_CONSOLE = /^\/(api|auth|healthz|readyz|metrics|openapi\.json)(\/|$|\?)/;

// A Vite build loads only its own scripts and styles; React inlines style attributes, hence 'unsafe-inline' for styles.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>m365hub</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:4rem auto;line-height:1.5">
<h1>m365hub is running</h1><p>The web console has not been built, so there is nothing to show here yet.
Run <code>npm run build</code> (or <code>npm start</code>) and reload. The API is at <code>/api/v1</code>;
its description is at <a href="/openapi.json">/openapi.json</a>.</p></body></html>`;

export interface ConsoleStatic {
  /** Answers a GET for a console page with index.html when it should; false when the request is not one. */
  trySpaFallback(request: FastifyRequest, reply: FastifyReply): boolean;
}

// A missing file (`/assets/old-hash.js`) must stay a 404, not become the console page.
const FILE_LIKE = /\/[^/?]*\.[^/?]*(\?|$)/;

function wantsConsolePage(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !NOT_CONSOLE.test(request.url) &&
    !FILE_LIKE.test(request.url) &&
    (request.headers.accept ?? '').includes('text/html')
  );
}

export async function registerConsole(server: FastifyInstance, consoleDir: string): Promise<ConsoleStatic> {
  // Security headers on every HTML answer (the console and the not-built page); nosniff everywhere.
  server.addHook('onSend', async (_request, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    const type = String(reply.getHeader('content-type') ?? '');
    if (type.startsWith('text/html')) {
      // A page that sets its own policy keeps it, and its frame-ancestors decides framing (the hosted picker may be
      // framed by its opener); its own cache rule stands too (the picker's is no-store).
      const ownPolicy = reply.hasHeader('content-security-policy');
      if (!ownPolicy) {
        reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
        reply.header('x-frame-options', 'DENY');
      }
      if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'no-referrer');
      if (!ownPolicy || !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-cache');
    }
    return payload;
  });

  const root = path.resolve(consoleDir);
  const built = existsSync(path.join(root, 'index.html'));
  if (!built) {
    server.get('/', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT_PAGE),
    );
    return { trySpaFallback: () => false };
  }

  const indexFile = path.join(root, 'index.html');
  // Encapsulated so the hook marks only the plugin's file routes as public.
  await server.register(async (scope) => {
    scope.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
    });
    await scope.register(fastifyStatic, {
      root,
      wildcard: true,
      index: ['index.html'],
      // Vite fingerprints everything under assets/: safe to cache for a year; index.html is revalidated (above).
      setHeaders: (res, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  });
  return {
    trySpaFallback(request, reply) {
      if (!wantsConsolePage(request)) return false;
      // Read per fallback (a few KB), so a console rebuilt under a running hub is picked up.
      void readFile(indexFile, 'utf8').then(
        (html) => reply.code(200).type('text/html; charset=utf-8').send(html),
        (error: unknown) => reply.send(error),
      );
      return true;
    },
  };
}
