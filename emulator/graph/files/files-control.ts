// The file system's control calls under /_emulator/files (not Microsoft's surface; tests and demos shape drives):
//   POST /_emulator/files/folders {driveId, parentPath?, name, count} → 201 {id, name, childCount}: a folder of
//        `count` generated files (persisted as one journal line, so a 10,000-item folder is cheap)
//   POST /_emulator/files/drives/{driveId}/expireDeltaTokens → 204: every delta token issued so far answers 410
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { controlProblem } from '../../control/control-routes.js';
import type { EmulatorContext } from '../../server/emulator-context.js';
import { findDrive, tenantSites, type DriveOwner } from '../resources/files-resources.js';
import { driveItemId } from '../graph-data.js';
import { fileSystemOf } from './file-system.js';
import { checkName } from './item-writes.js';
import { ownerIdentity } from './tree-seed.js';
import type { Tenant } from '../../state/directory-types.js';

const bulkBody = z.object({ driveId: z.string().min(1), parentPath: z.string().optional(), name: z.string().min(1), count: z.number().int().min(0).max(1_000_000) }).strict();

function findOwner(ctx: EmulatorContext, driveId: string): { tenant: Tenant; owner: DriveOwner } | undefined {
  for (const tenant of ctx.directory.listTenants()) {
    const full = ctx.directory.findTenant(tenant.id)!;
    const owner = findDrive(full, ctx.directory.usersOf(full.id), tenantSites(full, ctx.directory.groupsOf(full.id)), driveId);
    if (owner) return { tenant: full, owner };
  }
  return undefined;
}

export function registerFilesControl(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/_emulator/files/folders', async (request, reply) => {
    const parsed = bulkBody.safeParse(request.body ?? {});
    if (!parsed.success) return controlProblem(reply, 400, z.prettifyError(parsed.error));
    const { driveId, parentPath = '', name, count } = parsed.data;
    const found = findOwner(ctx, driveId);
    if (!found) return controlProblem(reply, 404, `no drive ${driveId} (GET /v1.0/me/drive or /v1.0/sites/{id}/drive gives drive ids)`);
    const system = fileSystemOf(ctx);
    const tree = system.tree(found.owner, found.tenant);
    const parent = tree.resolve(tree.rootId, parentPath);
    if (!parent?.folder) return controlProblem(reply, 404, `no folder '${parentPath}' in drive ${driveId}`);
    try {
      checkName(name);
    } catch (error) {
      return controlProblem(reply, 400, (error as Error).message);
    }
    if (tree.childNamed(parent.id, name)) return controlProblem(reply, 409, `'${name}' already exists in '${parentPath || '/'}'`);
    const folderId = driveItemId(`${driveId}/bulk/${parent.id}/${name}/${tree.seq + 1}`);
    const now = ctx.clock.now();
    const folder = system.addBulkFolder(tree, { driveId, parentId: parent.id, name, count, createdMs: now, author: ownerIdentity(found.owner), seq: 0, folderId });
    return reply.code(201).send({ id: folder.id, name: folder.name, childCount: tree.childCount(folder.id) });
  });

  app.post<{ Params: { driveId: string } }>('/_emulator/files/drives/:driveId/expireDeltaTokens', async (request, reply) => {
    const found = findOwner(ctx, request.params.driveId);
    if (!found) return controlProblem(reply, 404, `no drive ${request.params.driveId}`);
    const system = fileSystemOf(ctx);
    system.expireDeltaTokens(system.tree(found.owner, found.tenant));
    return reply.code(204).send();
  });
}
