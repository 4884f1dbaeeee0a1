// The proxy feature's table: per workspace, whether an operator opened the Graph pass-through beyond the enabled
// services. Joins the one `Database` type by module augmentation; only this feature writes it.
import type { Timestamp } from '../../platform/store/column-types.js';

export interface ProxySettingsTable {
  workspace_id: string;
  open_passthrough: boolean;
  updated_by: string | null;
  updated_at: Timestamp;
}

declare module '../../platform/store/schema.js' {
  interface Database {
    proxy_settings: ProxySettingsTable;
  }
}
