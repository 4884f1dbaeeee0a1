// An API key as the API shows it (never the key itself).
import type { ApiKeyRecord } from './api-keys.js';
import type { ApiKey } from '../../contract/api-schemas.js';

const iso = (date: Date) => date.toISOString();
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export const apiKeyResource = (k: ApiKeyRecord): ApiKey => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: iso(k.createdAt),
  createdBy: k.createdBy,
  lastUsedAt: isoOrNull(k.lastUsedAt),
  revokedAt: isoOrNull(k.revokedAt),
});
