// POST /_emulator/tenants/{tid}/users/bulk: many users in one call, as NDJSON (one user object per line, the fields
// of POST …/users), read as a stream, so 100,000 users take seconds and no body limit applies. Answers 201
// {"created": n}. A bad line stops the import there with a 400 naming the line; the lines before it stay added
// (say so in the message, so the caller resumes after them rather than repeating them).
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../server/emulator-context.js';
import { userBody } from './control-routes.js';
import { DirectoryError, type NewUser } from '../state/directory-store.js';

// The same fields as POST …/users, and nothing else (a typo in a field name is an error, not a silent default).
const bulkUser = userBody.strict();

export const ndjsonType = 'application/x-ndjson';

export function registerBulkUserRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  // The body stays a stream for this type: lines are parsed as they arrive.
  app.addContentTypeParser(ndjsonType, (_request, payload, done) => done(null, payload));

  app.post<{ Params: { tid: string } }>('/_emulator/tenants/:tid/users/bulk', async (request, reply) => {
    const tenant = ctx.directory.requireTenant(request.params.tid);
    if (!(request.headers['content-type'] ?? '').startsWith(ndjsonType)) {
      throw new DirectoryError(400, `send the users as ${ndjsonType}: one JSON user object per line`);
    }
    let created = 0;
    let lineNumber = 0;
    for await (const line of createInterface({ input: request.body as Readable, crlfDelay: Infinity })) {
      lineNumber++;
      if (!line.trim()) continue;
      const where = `line ${lineNumber} (the ${created} user(s) before it were added)`;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new DirectoryError(400, `${where} is not JSON`);
      }
      const parsed = bulkUser.safeParse(value);
      if (!parsed.success) throw new DirectoryError(400, `${where}: ${z.prettifyError(parsed.error)}`);
      // zod leaves optional keys as undefined; exactOptionalPropertyTypes wants them absent.
      const input = Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)) as unknown as NewUser;
      try {
        ctx.directory.createUser(tenant.id, input);
      } catch (error) {
        if (error instanceof DirectoryError) throw new DirectoryError(error.status, `${where}: ${error.message}`);
        throw error;
      }
      created++;
    }
    return reply.code(201).send({ created });
  });
}
