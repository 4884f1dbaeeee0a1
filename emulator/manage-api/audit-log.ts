// The tenant audit log behind the emulator's Management Activity API: records in the API's common schema
// (https://learn.microsoft.com/office/office-365-management-api/office-365-management-activity-api-schema), grouped
// into content blobs per tenant, content type and five minutes (the API "aggregates actions and events into
// tenant-specific content blobs"); subscriptions per tenant and content type. Records come from what happens in the emulator:
// users and groups added or changed (Audit.AzureActiveDirectory), files written through Graph (Audit.SharePoint),
// and, so a fresh start has something to show, a few sign-ins and file views of the tenant's users in the hour
// before the tenant's log is first read. In memory; reset empties it.
import { createHash, randomUUID } from 'node:crypto';
import type { DriveOwner } from '../graph/resources/files-resources.js';
import type { ItemRecord } from '../graph/files/item-tree.js';
import type { DirectoryChange, DirectoryStore } from '../state/directory-store.js';
import type { Tenant } from '../state/directory-types.js';

export const CONTENT_TYPES = ['Audit.AzureActiveDirectory', 'Audit.Exchange', 'Audit.SharePoint', 'Audit.General', 'DLP.All'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const CONTENT_RETENTION_MS = 7 * 86_400_000;
const HOUR_MS = 3_600_000;
const MAX_RECORDS_PER_TENANT = 50_000;
/** How much time one content blob gathers. */
const BLOB_MS = 5 * 60_000;

export interface AuditRecord {
  contentType: ContentType;
  at: number;
  record: Record<string, unknown>;
}

export interface ContentBlob {
  contentType: ContentType;
  contentId: string;
  /** When the blob became available: its last record. */
  createdMs: number;
  records: Record<string, unknown>[];
}

export interface Subscription {
  contentType: ContentType;
  status: 'enabled' | 'disabled';
  webhook: Record<string, unknown> | null;
}

/** The API's timestamps: UTC without a zone designator (`2026-12-05T19:30:00`). */
export const apiTime = (ms: number) => new Date(ms).toISOString().slice(0, 19);

export function isContentType(value: string): value is ContentType {
  return (CONTENT_TYPES as readonly string[]).includes(value);
}

export class AuditLog {
  private readonly records = new Map<string, AuditRecord[]>();
  private readonly subscriptions = new Map<string, Map<ContentType, Subscription>>();

  constructor(
    private readonly directory: DirectoryStore,
    private readonly now: () => number,
  ) {}

  clear(): void {
    this.records.clear();
    this.subscriptions.clear();
  }

  private tenantRecords(tenantId: string): AuditRecord[] {
    let list = this.records.get(tenantId);
    if (!list) {
      list = [];
      this.records.set(tenantId, list);
      const tenant = this.directory.findTenant(tenantId);
      if (tenant) this.seed(tenant, list);
    }
    return list;
  }

  add(tenantId: string, contentType: ContentType, at: number, fields: Record<string, unknown>): void {
    const record = { CreationTime: apiTime(at), Id: randomUUID(), OrganizationId: tenantId, ResultStatus: 'Succeeded', UserType: 0, Version: 1, ...fields };
    const list = this.tenantRecords(tenantId);
    list.push({ contentType, at, record });
    // Bulk user creation must not grow the log without bound: the oldest records go first (they expire anyway).
    if (list.length > MAX_RECORDS_PER_TENANT) list.splice(0, list.length - MAX_RECORDS_PER_TENANT);
  }

  /** A user or group added or changed in the directory (Entra ID's audit operations "Add user." / "Update user."). */
  // The directory says whether the object is new: a set of every id it ever held (100,000 users) is not kept here.
  directoryChanged(change: DirectoryChange): void {
    const { added } = change;
    const noun = change.kind === 'user' ? 'user' : 'group';
    const target = change.kind === 'user' ? this.directory.getUser(change.id)?.userPrincipalName : this.directory.groupsOf(change.tenantId).find((g) => g.id === change.id)?.displayName;
    this.add(change.tenantId, 'Audit.AzureActiveDirectory', this.now(), {
      RecordType: 8,
      Operation: `${added ? 'Add' : 'Update'} ${noun}.`,
      Workload: 'AzureActiveDirectory',
      UserId: 'ServicePrincipal_m365hub-emulator',
      UserKey: 'm365hub-emulator',
      ObjectId: target ?? change.id,
      AzureActiveDirectoryEventType: 1,
      Target: [{ ID: change.id, Type: 2 }],
    });
  }

  /** A file written through Graph: FileUploaded, FileModified or FileDeleted in SharePoint's or OneDrive's log. */
  fileCommitted(record: ItemRecord, owner: DriveOwner, tenant: Tenant, itemPath: string): void {
    if (record.folder) return;
    const operation = record.deleted ? 'FileDeleted' : record.version <= 1 ? 'FileUploaded' : 'FileModified';
    const siteUrl = owner.kind === 'site' ? `${owner.site.webUrl}/` : undefined;
    const user = record.modifiedBy.user;
    this.add(tenant.id, 'Audit.SharePoint', this.now(), {
      RecordType: 6,
      Operation: operation,
      Workload: owner.kind === 'site' ? 'SharePoint' : 'OneDrive',
      UserId: user.email ?? user.displayName,
      UserKey: user.id ?? user.displayName,
      ObjectId: `${siteUrl ?? 'personal/'}Shared Documents${itemPath}`,
      ItemType: 'File',
      EventSource: 'SharePoint',
      SourceFileName: record.name,
      SourceRelativeUrl: `Shared Documents${itemPath.slice(0, itemPath.lastIndexOf('/'))}`.replace(/\/$/, ''),
      ...(siteUrl ? { SiteUrl: siteUrl } : {}),
    });
  }

  /** Each user's sign-in and, for every other user, a file view, spread over the hour before the first read. */
  private seed(tenant: Tenant, list: AuditRecord[]): void {
    const start = this.now() - HOUR_MS;
    const users = this.directory.usersOf(tenant.id).slice(0, 20);
    const push = (contentType: ContentType, at: number, fields: Record<string, unknown>) =>
      list.push({ contentType, at, record: { CreationTime: apiTime(at), Id: seededId(`${tenant.id}/${String(fields.Operation)}/${String(fields.UserId)}`), OrganizationId: tenant.id, ResultStatus: 'Succeeded', UserType: 0, Version: 1, ...fields } });
    users.forEach((user, i) => {
      const at = start + Math.floor(((i + 1) * HOUR_MS) / (users.length + 2));
      push('Audit.AzureActiveDirectory', at, { RecordType: 15, Operation: 'UserLoggedIn', Workload: 'AzureActiveDirectory', UserId: user.userPrincipalName, UserKey: user.id, ObjectId: '00000003-0000-0000-c000-000000000000', ClientIP: '203.0.113.10' });
      if (i % 2 === 0) {
        push('Audit.SharePoint', at + 60_000, { RecordType: 6, Operation: 'FileAccessed', Workload: 'SharePoint', UserId: user.userPrincipalName, UserKey: user.id, ObjectId: `https://${tenant.domains[0]!.split('.')[0]}.sharepoint.com/Shared Documents/Welcome.docx`, ItemType: 'File', EventSource: 'SharePoint', SourceFileName: 'Welcome.docx' });
      }
    });
    list.sort((a, b) => a.at - b.at);
  }

  /** The tenant's blobs of one content type, oldest first: one per five minutes that have records. */
  blobs(tenantId: string, contentType: ContentType): ContentBlob[] {
    const byHour = new Map<number, AuditRecord[]>();
    for (const r of this.tenantRecords(tenantId)) {
      if (r.contentType !== contentType) continue;
      const hour = Math.floor(r.at / BLOB_MS) * BLOB_MS;
      let bucket = byHour.get(hour);
      if (!bucket) byHour.set(hour, (bucket = []));
      bucket.push(r);
    }
    return [...byHour.entries()]
      .sort(([a], [b]) => a - b)
      .map(([hour, records]) => ({
        contentType,
        contentId: blobId(tenantId, contentType, hour),
        createdMs: Math.max(...records.map((r) => r.at)),
        records: records.map((r) => r.record),
      }));
  }

  blob(tenantId: string, contentId: string): ContentBlob | undefined {
    for (const type of CONTENT_TYPES) {
      const found = this.blobs(tenantId, type).find((b) => b.contentId === contentId);
      if (found) return found;
    }
    return undefined;
  }

  subscriptionsOf(tenantId: string): Map<ContentType, Subscription> {
    let map = this.subscriptions.get(tenantId);
    if (!map) this.subscriptions.set(tenantId, (map = new Map()));
    return map;
  }
}

const seededId = (key: string) => {
  const hex = createHash('sha256').update(`audit/${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/** Blob ids look like the service's: a timestamp, then a hash ($-separated in Microsoft's samples). */
const blobId = (tenantId: string, contentType: string, hour: number) =>
  `${new Date(hour).toISOString().replace(/\D/g, '').slice(0, 14)}${createHash('sha256').update(`${tenantId}/${contentType}/${hour}`).digest('hex').slice(0, 32)}$${contentType.replace('.', '_')}`;
