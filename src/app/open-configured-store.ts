// The store the configuration names: PostgreSQL when DATABASE_URL is set, else the embedded PGlite data dir.
import type { Config } from '../platform/config/config.js';
import { openStore, type Store } from '../platform/store/database.js';

export async function openConfiguredStore(config: Config): Promise<Store> {
  const store = config.databaseUrl
    ? await openStore({ dialect: 'postgres', url: config.databaseUrl })
    : await openStore({ dialect: 'pglite', dataDir: config.dataDir });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
