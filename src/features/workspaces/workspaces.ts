// Workspaces: one per customer of the host product. Every change is audited in the same transaction.
import type { Kysely } from 'kysely';
import type { Database, WorkspaceRole } from '../../platform/store/schema.js';
import { newId } from '../../platform/store/ids.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { isAfter, toPage, type Page, type PageRequest } from '../../platform/store/keyset-page.js';
import { freeSubdomain, SUBDOMAIN, subdomainFromName } from './workspace-subdomain.js';
import { isUniqueViolation } from '../../platform/store/unique-violation.js';

export interface Workspace {
  id: string;
  name: string;
  subdomain: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface WorkspaceWithRole extends Workspace {
  role: WorkspaceRole | 'api_key';
}

const toWorkspace = (row: { id: string; name: string; subdomain: string; created_at: Date; updated_at: Date }): Workspace => ({
  id: row.id,
  name: row.name,
  subdomain: row.subdomain,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** The workspaces a user is a member of, with the user's role, oldest first. */
export async function listWorkspacesOfUser(db: Kysely<Database>, userId: string, page: PageRequest): Promise<Page<WorkspaceWithRole>> {
  let query = db
    .selectFrom('workspaces as w')
    .innerJoin('workspace_members as m', 'm.workspace_id', 'w.id')
    .select(['w.id', 'w.name', 'w.subdomain', 'w.created_at', 'w.updated_at', 'm.role'])
    .where('m.user_id', '=', userId)
    .orderBy('w.created_at')
    .orderBy('w.id')
    .limit(page.limit + 1);
  if (page.after) query = query.where(isAfter('w.created_at', 'w.id', page.after));
  const rows = await query.execute();
  return toPage(rows, page.limit, (r) => ({ createdAt: r.created_at, id: r.id }), (r) => ({ ...toWorkspace(r), role: r.role }));
}

export async function getWorkspace(db: Kysely<Database>, workspaceId: string): Promise<Workspace> {
  const row = await db.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'The workspace does not exist.');
  return toWorkspace(row);
}

/** Creates a workspace whose first admin is `adminUserId`. */
export async function createWorkspace(
  db: Kysely<Database>,
  input: { name: string; adminUserId: string; /** Default: from the name, made unique. */ subdomain?: string },
  context: AuditContext,
): Promise<Workspace> {
  const name = input.name.trim();
  const wanted = input.subdomain !== undefined ? validSubdomain(input.subdomain) : undefined;
  // Two workspaces created at once may both find the same free label; the unique index refuses the second, which
  // then picks again (a label asked for by name is not changed behind the caller's back: that is a 409).
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().execute(async (trx) => {
        let subdomain: string;
        if (wanted !== undefined) {
          if ((await freeSubdomain(trx, wanted)) !== wanted) throw subdomainTaken(wanted);
          subdomain = wanted;
        } else {
          subdomain = await freeSubdomain(trx, subdomainFromName(name));
        }
        const workspace: Workspace = { id: newId('ws'), name, subdomain, createdAt: context.at, updatedAt: context.at };
        await trx
          .insertInto('workspaces')
          .values({ id: workspace.id, name: workspace.name, subdomain, created_at: context.at, updated_at: context.at })
          .execute();
        await trx
          .insertInto('workspace_members')
          .values({ workspace_id: workspace.id, user_id: input.adminUserId, role: 'admin', created_at: context.at })
          .execute();
        await recordAudit(trx, {
          ...context,
          workspaceId: workspace.id,
          action: 'workspace.created',
          target: { type: 'workspace', id: workspace.id },
          data: { name: workspace.name, subdomain },
        });
        return workspace;
      });
    } catch (error) {
      if (!isUniqueViolation(error, SUBDOMAIN_INDEX)) throw error;
      if (wanted !== undefined) throw subdomainTaken(wanted);
      if (attempt >= MAX_CREATE_ATTEMPTS) throw new DomainError('conflict', 'Another workspace took the same subdomain at the same moment. Try again.');
    }
  }
}

const SUBDOMAIN_INDEX = 'workspaces_subdomain_unique';
// Each round of a race lets exactly one creator win, so N simultaneous creations of one name need up to N attempts;
// 10 covers every burst seen (6 at once failed with 5 under CI load) and still ends a pathological loop.
const MAX_CREATE_ATTEMPTS = 10;

function validSubdomain(input: string): string {
  const subdomain = input.toLowerCase();
  if (!SUBDOMAIN.test(subdomain)) throw DomainError.forField('validation_failed', 'subdomain', 'one DNS label: lower-case letters, digits and inner hyphens, at most 63 characters.');
  return subdomain;
}

function subdomainTaken(subdomain: string): DomainError {
  return DomainError.forField('conflict', 'subdomain', `"${subdomain}" belongs to another workspace. Choose another.`);
}

/** Renames a workspace and/or changes its subdomain (its users' URL); each change is audited. */
export async function updateWorkspace(
  db: Kysely<Database>,
  workspaceId: string,
  patch: { name?: string; subdomain?: string },
  context: AuditContext,
): Promise<Workspace> {
  const subdomain = patch.subdomain !== undefined ? validSubdomain(patch.subdomain) : undefined;
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('workspaces').select(['name', 'subdomain']).where('id', '=', workspaceId).forUpdate().executeTakeFirst();
      if (!before) throw new DomainError('not_found', 'The workspace does not exist.');
      const name = patch.name?.trim();
      const row = await trx
        .updateTable('workspaces')
        .set({ ...(name !== undefined ? { name } : {}), ...(subdomain !== undefined ? { subdomain } : {}), updated_at: context.at })
        .where('id', '=', workspaceId)
        .returningAll()
        .executeTakeFirstOrThrow();
      const target = { type: 'workspace', id: workspaceId };
      if (name !== undefined && name !== before.name) {
        await recordAudit(trx, { ...context, workspaceId, action: 'workspace.renamed', target, data: { from: before.name, to: row.name } });
      }
      if (subdomain !== undefined && subdomain !== before.subdomain) {
        await recordAudit(trx, { ...context, workspaceId, action: 'workspace.subdomain_changed', target, data: { from: before.subdomain, to: subdomain } });
      }
      return toWorkspace(row);
    });
  } catch (error) {
    if (subdomain !== undefined && isUniqueViolation(error, SUBDOMAIN_INDEX)) throw subdomainTaken(subdomain);
    throw error;
  }
}

/**
 * Deletes a workspace and, by cascade, everything of it (members, keys, jobs, secrets, its audit log). The deletion
 * itself is audited at instance level (no workspace id), since the workspace's own log goes with it.
 */
export async function deleteWorkspace(db: Kysely<Database>, workspaceId: string, context: AuditContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx.deleteFrom('workspaces').where('id', '=', workspaceId).returning(['id', 'name']).executeTakeFirst();
    if (!row) throw new DomainError('not_found', 'The workspace does not exist.');
    await recordAudit(trx, {
      ...context,
      workspaceId: null,
      action: 'workspace.deleted',
      target: { type: 'workspace', id: row.id },
      data: { workspaceId: row.id, name: row.name },
    });
  });
}
