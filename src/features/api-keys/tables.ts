// The api-keys feature's tables: workspace API keys. They join the one `Database` type by module augmentation, so the
// platform's store never imports a feature; only this feature writes them (docs/architecture.md).
import type { CreatedAt, NullableTimestamp } from '../../platform/store/column-types.js';

export interface ApiKeysTable {
  id: string;
  workspace_id: string;
  name: string;
  /** The visible start of the key (e.g. `m365k_AbCd1234`), shown in lists to identify it. */
  prefix: string;
  /** SHA-256 of the whole key; the key itself is shown once at creation and never stored. */
  key_hash: string;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: NullableTimestamp;
  revoked_at: NullableTimestamp;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    api_keys: ApiKeysTable;
  }
}
