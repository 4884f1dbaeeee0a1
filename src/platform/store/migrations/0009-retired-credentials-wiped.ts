// A retired credential (replaced by Update Credentials / promote, or by a new one on update) keeps its row for the
// record — kind, thumbprint, dates — but not its sealed secret or private key: nothing may use it again, so nothing
// keeps it. Existing retired rows are wiped here.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('m365_credentials').dropConstraint('m365_credentials_material').execute();
  await sql`update m365_credentials set secret_sealed = null, private_key_sealed = null where status = 'retired'`.execute(db);
  await db.schema
    .alterTable('m365_credentials')
    .addCheckConstraint(
      'm365_credentials_material',
      sql`case when status = 'retired' then secret_sealed is null and private_key_sealed is null
          else (kind = 'secret' and secret_sealed is not null) or (kind = 'certificate' and certificate_pem is not null and private_key_sealed is not null) end`,
    )
    .execute();
}
