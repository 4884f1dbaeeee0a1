// Deterministic facts the Graph half derives from the directory, so every start (and every `--users N`) shows the
// same ids, names and dates: the ids follow the formats Graph uses (OneDrive drive ids `b!…`, drive item ids
// `01…`, site ids `{hostname},{site-collection-id},{web-id}`, channel ids `19:…@thread.tacv2`, Outlook ids `AAMk…`).
import { createHash } from 'node:crypto';
import { deterministicGuid } from '../state/deterministic-id.js';
import type { Tenant } from '../state/directory-types.js';

const digest = (name: string) => createHash('sha256').update(`m365hub-emulator-graph/${name}`).digest();

/** A number in [0, modulo) fixed by a name: how the seed decides e.g. who registered MFA. */
export const stableNumber = (name: string, modulo: number) => digest(name).readUInt32BE(0) % modulo;

/**
 * A fixed creation time per tenant, between 2021 and 2023. Every user shows it, so it is worked out once per tenant:
 * a digest per user made a hash object per user of a /users page, and those outlive the young generation (Node
 * holds them through weak handles), so a 100,000-user walk left tens of megabytes for the full collector.
 */
export function tenantCreatedDateTime(tenant: Tenant): string {
  let created = createdByTenant.get(tenant.id);
  if (created === undefined) {
    const day = stableNumber(`created/${tenant.id}`, 1000);
    created = new Date(Date.UTC(2021, 0, 4, 9, 30) + day * 86_400_000).toISOString().replace('.000Z', 'Z');
    createdByTenant.set(tenant.id, created);
  }
  return created;
}
/** One entry per tenant id ever seen (a handful): the value only depends on the id. */
const createdByTenant = new Map<string, string>();

/** `contoso.onmicrosoft.com` → `contoso.sharepoint.com`, as SharePoint Online names a tenant's host. */
export const sharePointHost = (tenant: Tenant) => `${tenant.domains[0]!.split('.')[0]}.sharepoint.com`;

/** OneDrive for Business drive ids start with `b!` followed by base64url bytes. */
export const driveId = (ownerKey: string) => `b!${digest(`drive/${ownerKey}`).subarray(0, 24).toString('base64url')}`;

/** Drive item ids of OneDrive for Business: `01` and 32 upper-case base32 characters. */
export function driveItemId(key: string): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = digest(`item/${key}`);
  let out = '01';
  for (let i = 0; i < 32; i++) out += alphabet[bytes[i]! % 32];
  return out;
}

export const siteId = (tenant: Tenant, path: string) =>
  `${sharePointHost(tenant)},${deterministicGuid(`site-collection/${tenant.id}/${path}`)},${deterministicGuid(`web/${tenant.id}/${path}`)}`;

export const channelId = (teamId: string, name: string) => `19:${digest(`channel/${teamId}/${name}`).subarray(0, 16).toString('hex')}@thread.tacv2`;

/** Outlook REST ids are long base64 strings beginning `AAMk`; the emulator keeps them shorter but alike. */
export const outlookId = (key: string) => `AAMk${digest(`outlook/${key}`).subarray(0, 45).toString('base64url')}`;

export const deterministicId = (key: string) => deterministicGuid(`graph/${key}`);

/** Midnight UTC of the emulator clock's day: calendar data moves with the clock, the same all day. */
export const dayStart = (nowMs: number) => Math.floor(nowMs / 86_400_000) * 86_400_000;

/** Graph's date-time without milliseconds. */
export const isoSeconds = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');
