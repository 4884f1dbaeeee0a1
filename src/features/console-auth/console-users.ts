// Console users: people who sign in to the web console with email and password.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/store/schema.js';
import { newId } from '../../platform/store/ids.js';
import type { Clock } from '../../platform/time/clock.js';
import { systemClock } from '../../platform/time/clock.js';
import { DomainError } from '../../platform/errors/domain-error.js';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password-hashing.js';

export const MIN_PASSWORD_LENGTH = 12;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

export interface ConsoleUser {
  id: string;
  email: string;
  displayName: string;
  isInstanceAdmin: boolean;
}

export interface NewConsoleUser {
  email: string;
  password: string;
  displayName?: string;
  instanceAdmin?: boolean;
}

type Db = Kysely<Database> | Transaction<Database>;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates a console user. Throws DomainError `validation_failed` (bad email), `weak_password` (< 12 characters)
 * or `conflict` (email taken). Pass a transaction to create the user together with other changes.
 */
export async function createConsoleUser(db: Db, input: NewConsoleUser, clock: Clock = systemClock): Promise<ConsoleUser> {
  const email = normaliseEmail(input.email);
  if (!EMAIL.test(email) || email.length > 254) {
    throw new DomainError('validation_failed', 'The email address is not valid.');
  }
  if (input.password.length < MIN_PASSWORD_LENGTH) {
    throw new DomainError('weak_password', `Passwords need at least ${MIN_PASSWORD_LENGTH} characters.`);
  }
  const user: ConsoleUser = {
    id: newId('usr'),
    email,
    displayName: input.displayName?.trim() || email.split('@')[0]!,
    isInstanceAdmin: input.instanceAdmin ?? false,
  };
  const passwordHash = await hashPassword(input.password);
  const inserted = await db
    .insertInto('console_users')
    .values({
      id: user.id,
      email: user.email,
      display_name: user.displayName,
      password_hash: passwordHash,
      is_instance_admin: user.isInstanceAdmin,
      created_at: clock.now(),
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new DomainError('conflict', `A console user with the email ${email} already exists.`);
  return user;
}

export async function findConsoleUser(db: Db, id: string): Promise<ConsoleUser | undefined> {
  const row = await db.selectFrom('console_users').select(['id', 'email', 'display_name', 'is_instance_admin']).where('id', '=', id).executeTakeFirst();
  return row && toConsoleUser(row);
}

export async function findConsoleUserByEmail(db: Db, email: string): Promise<ConsoleUser | undefined> {
  const row = await db
    .selectFrom('console_users')
    .select(['id', 'email', 'display_name', 'is_instance_admin'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return row && toConsoleUser(row);
}

/**
 * The user when email and password match, else undefined. Unknown emails cost the same scrypt work as wrong
 * passwords, so response time does not reveal which emails exist.
 */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<ConsoleUser | undefined> {
  const row = await db
    .selectFrom('console_users')
    .select(['id', 'email', 'display_name', 'is_instance_admin', 'password_hash'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash ?? (await decoyPasswordHash()));
  return row && ok ? toConsoleUser(row) : undefined;
}

export function toConsoleUser(row: { id: string; email: string; display_name: string; is_instance_admin: boolean }): ConsoleUser {
  return { id: row.id, email: row.email, displayName: row.display_name, isInstanceAdmin: row.is_instance_admin };
}
