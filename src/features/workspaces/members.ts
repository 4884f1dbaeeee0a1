// Members of a workspace and their roles. A workspace always keeps at least one admin: membership changes lock the
// workspace row, so two admins demoting each other at once cannot both succeed.
import type { Kysely, Transaction } from 'kysely';
import type { Database, WorkspaceRole } from '../../platform/store/schema.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { createConsoleUser, findConsoleUserByEmail, normaliseEmail } from '../console-auth/index.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import type { Clock } from '../../platform/time/clock.js';
import { isAfter, toPage, type Page, type PageRequest } from '../../platform/store/keyset-page.js';

export interface Member {
  userId: string;
  email: string;
  displayName: string;
  role: WorkspaceRole;
  createdAt: Date;
}

export interface NewMember {
  email: string;
  role: WorkspaceRole;
  displayName?: string;
  /** Given: a new console user is created with it. Absent: the email must belong to an existing user. */
  password?: string;
}

function membersQuery(db: Kysely<Database> | Transaction<Database>, workspaceId: string) {
  return db
    .selectFrom('workspace_members as m')
    .innerJoin('console_users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'u.email', 'u.display_name', 'm.role', 'm.created_at'])
    .where('m.workspace_id', '=', workspaceId);
}

const toMember = (row: { user_id: string; email: string; display_name: string; role: WorkspaceRole; created_at: Date }): Member => ({
  userId: row.user_id,
  email: row.email,
  displayName: row.display_name,
  role: row.role,
  createdAt: row.created_at,
});

export async function listMembers(db: Kysely<Database>, workspaceId: string, page: PageRequest): Promise<Page<Member>> {
  let query = membersQuery(db, workspaceId).orderBy('m.created_at').orderBy('m.user_id').limit(page.limit + 1);
  if (page.after) query = query.where(isAfter('m.created_at', 'm.user_id', page.after));
  const rows = await query.execute();
  return toPage(rows, page.limit, (r) => ({ createdAt: r.created_at, id: r.user_id }), toMember);
}

async function lockWorkspace(trx: Transaction<Database>, workspaceId: string): Promise<void> {
  const row = await trx.selectFrom('workspaces').select('id').where('id', '=', workspaceId).forUpdate().executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'The workspace does not exist.');
}

async function memberOrThrow(trx: Transaction<Database>, workspaceId: string, userId: string): Promise<Member> {
  const row = await membersQuery(trx, workspaceId).where('m.user_id', '=', userId).executeTakeFirst();
  if (!row) throw new DomainError('not_found', 'No member with this user id in the workspace.');
  return toMember(row);
}

async function assertAnotherAdmin(trx: Transaction<Database>, workspaceId: string, userId: string): Promise<void> {
  const other = await trx
    .selectFrom('workspace_members')
    .select('user_id')
    .where('workspace_id', '=', workspaceId)
    .where('role', '=', 'admin')
    .where('user_id', '!=', userId)
    .limit(1)
    .executeTakeFirst();
  if (!other) throw new DomainError('last_admin', 'This is the last admin of the workspace. Make another member admin first.');
}

export async function addMember(
  db: Kysely<Database>,
  workspaceId: string,
  input: NewMember,
  context: AuditContext,
  clock: Clock,
): Promise<Member> {
  return db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, workspaceId);
    let user = await findConsoleUserByEmail(trx, input.email);
    let created = false;
    if (user && input.password !== undefined) {
      // Never let a workspace admin set the password of an account that already exists.
      throw new DomainError('conflict', 'A console user with this email already exists. Add them without a password.');
    }
    if (!user) {
      if (input.password === undefined) {
        throw new DomainError('not_found', `No console user has the email ${normaliseEmail(input.email)}. Send a password to create one.`);
      }
      const newUser = { email: input.email, password: input.password, ...(input.displayName ? { displayName: input.displayName } : {}) };
      user = await createConsoleUser(trx, newUser, clock);
      created = true;
    }
    const inserted = await trx
      .insertInto('workspace_members')
      .values({ workspace_id: workspaceId, user_id: user.id, role: input.role, created_at: context.at })
      .onConflict((oc) => oc.columns(['workspace_id', 'user_id']).doNothing())
      .returning('user_id')
      .executeTakeFirst();
    if (!inserted) throw new DomainError('conflict', `${user.email} is already a member of this workspace.`);
    await recordAudit(trx, {
      ...context,
      workspaceId,
      action: 'member.added',
      target: { type: 'user', id: user.id },
      data: { email: user.email, role: input.role, userCreated: created },
    });
    return { userId: user.id, email: user.email, displayName: user.displayName, role: input.role, createdAt: context.at };
  });
}

export async function changeMemberRole(
  db: Kysely<Database>,
  workspaceId: string,
  userId: string,
  role: WorkspaceRole,
  context: AuditContext,
): Promise<Member> {
  return db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, workspaceId);
    const member = await memberOrThrow(trx, workspaceId, userId);
    if (member.role === role) return member;
    if (member.role === 'admin') await assertAnotherAdmin(trx, workspaceId, userId);
    await trx.updateTable('workspace_members').set({ role }).where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
    await recordAudit(trx, {
      ...context,
      workspaceId,
      action: 'member.role_changed',
      target: { type: 'user', id: userId },
      data: { email: member.email, from: member.role, to: role },
    });
    return { ...member, role };
  });
}

export async function removeMember(db: Kysely<Database>, workspaceId: string, userId: string, context: AuditContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, workspaceId);
    const member = await memberOrThrow(trx, workspaceId, userId);
    if (member.role === 'admin') await assertAnotherAdmin(trx, workspaceId, userId);
    await trx.deleteFrom('workspace_members').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).execute();
    await recordAudit(trx, {
      ...context,
      workspaceId,
      action: 'member.removed',
      target: { type: 'user', id: userId },
      data: { email: member.email, role: member.role },
    });
  });
}
