// Each workspace has its own subdomain of the host product: its users live at https://<subdomain>.securehive.ai, or
// http://<subdomain>.localhost:3000 in development — derived from FRONTEND_URL (its scheme, host and port). Flows
// that end in the host product (connect, admin consent) go back there, never to the root domain.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../platform/store/schema.js';

/** One DNS label: lower-case letters, digits and inner hyphens, at most 63 characters. */
export const SUBDOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

const MAX_BASE = 40;

/** A label from a workspace name: "Contoso Compliance" → "contoso-compliance". */
export function subdomainFromName(name: string): string {
  const base = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_BASE)
    .replace(/^-+|-+$/g, '');
  return base || 'workspace';
}

/** `wanted`, or with -2, -3, … appended: the first one no other workspace has. */
export async function freeSubdomain(db: Kysely<Database> | Transaction<Database>, wanted: string): Promise<string> {
  const taken = new Set(
    (await db.selectFrom('workspaces').select('subdomain').where('subdomain', 'like', `${wanted}%`).execute()).map((r) => r.subdomain),
  );
  if (!taken.has(wanted)) return wanted;
  for (let n = 2; ; n++) if (!taken.has(`${wanted}-${n}`)) return `${wanted}-${n}`;
}

/** The workspace's own URL (an origin) from FRONTEND_URL; undefined when FRONTEND_URL is not set. */
export function workspaceUrl(frontendUrl: string | undefined, subdomain: string): string | undefined {
  if (!frontendUrl) return undefined;
  const root = new URL(frontendUrl);
  return `${root.protocol}//${subdomain}.${root.host}`;
}

/** The workspace's own URL (its subdomain of FRONTEND_URL); undefined without FRONTEND_URL or for an unknown workspace. */
export async function workspaceHomeUrl(db: Kysely<Database>, frontendUrl: string | undefined, workspaceId: string): Promise<string | undefined> {
  if (!frontendUrl) return undefined;
  const row = await db.selectFrom('workspaces').select('subdomain').where('id', '=', workspaceId).executeTakeFirst();
  return row ? workspaceUrl(frontendUrl, row.subdomain) : undefined;
}
