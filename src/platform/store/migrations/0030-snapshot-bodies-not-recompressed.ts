// A snapshot area's body is gzip already: PostgreSQL's own compression of large values (TOAST's pglz) finds little
// to save in it and costs each insert the try (about 70 ms of a 5 MB body's 100, most of storing a 100,000-user
// directory). EXTERNAL keeps large bodies out of line as they are. Rows stored before keep theirs; reads are alike.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table compliance_snapshot_areas alter column body set storage external`.execute(db);
}
