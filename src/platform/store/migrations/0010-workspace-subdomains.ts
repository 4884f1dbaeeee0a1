// Every workspace carries its subdomain of the host product (https://<subdomain>.securehive.ai, derived from
// FRONTEND_URL). Existing workspaces get one from their name, made unique in creation order.
import { sql, type Kysely } from 'kysely';

function slug(name: string): string {
  const base = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').slice(0, 40).replace(/^-+|-+$/g, '');
  return base || 'workspace';
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('workspaces').addColumn('subdomain', 'text').execute();
  const { rows } = await sql<{ id: string; name: string }>`select id, name from workspaces order by created_at, id`.execute(db);
  const used = new Set<string>();
  for (const row of rows) {
    const base = slug(row.name);
    let label = base;
    for (let n = 2; used.has(label); n++) label = `${base}-${n}`;
    used.add(label);
    await sql`update workspaces set subdomain = ${label} where id = ${row.id}`.execute(db);
  }
  await db.schema.alterTable('workspaces').alterColumn('subdomain', (c) => c.setNotNull()).execute();
  // A row written without one (code that predates subdomains) still gets a unique label; the app names them itself.
  await sql`alter table workspaces alter column subdomain set default ('w' || substr(md5(random()::text || clock_timestamp()::text), 1, 12))`.execute(db);
  await db.schema.createIndex('workspaces_subdomain_unique').on('workspaces').column('subdomain').unique().execute();
}
