// The deterministic starting content of every drive, derived from the directory: the same ids, names, sizes, dates
// and bytes on every start. A user's OneDrive holds documents, nested folders and two large files (1 GiB and 4 GiB,
// generated, so they cost nothing); a team site's library holds one folder per channel (the channel's
// `filesFolder`, as Teams stores channel files in the team's SharePoint library) and the root site's library a few
// templates. `--files-per-folder N` adds a "Bulk" folder of N small files to every drive.
import type { Tenant } from '../../state/directory-types.js';
import { driveItemId, stableNumber, tenantCreatedDateTime } from '../graph-data.js';
import type { DriveOwner } from '../resources/files-resources.js';
import type { IdentitySet, ItemRecord } from './item-tree.js';

const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const pptx = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const gib = 1024 ** 3;

/** A folder (children) or a file (size and type). */
interface Template {
  name: string;
  size?: number;
  mimeType?: string;
  children?: Template[];
}

const oneDrive: Template[] = [
  {
    name: 'Projects',
    children: [
      { name: 'Launch plan.docx', size: 88_410, mimeType: docx },
      {
        name: '2026 Audit',
        children: [
          { name: 'Evidence register.xlsx', size: 61_022, mimeType: xlsx },
          { name: 'Interview notes.docx', size: 35_871, mimeType: docx },
          { name: 'Archive', children: [{ name: 'Old checklist.pdf', size: 240_118, mimeType: 'application/pdf' }] },
        ],
      },
    ],
  },
  { name: 'Quarterly report.docx', size: 48_213, mimeType: docx },
  { name: 'Budget 2026.xlsx', size: 23_871, mimeType: xlsx },
  { name: 'Notes.txt', size: 412, mimeType: 'text/plain' },
  { name: 'Empty.txt', size: 0, mimeType: 'text/plain' },
  {
    name: 'Large files',
    children: [
      { name: 'Backup.zip', size: gib, mimeType: 'application/x-zip-compressed' },
      { name: 'Site survey.mp4', size: 4 * gib, mimeType: 'video/mp4' },
    ],
  },
];

const channelFolder = (name: string): Template =>
  name === 'General'
    ? {
        name,
        children: [
          { name: 'Meeting notes.docx', size: 29_554, mimeType: docx },
          { name: 'Kick-off.pptx', size: 2_310_447, mimeType: pptx },
          { name: 'Designs', children: [{ name: 'Wireframes.pdf', size: 912_300, mimeType: 'application/pdf' }] },
        ],
      }
    : { name, children: [{ name: 'Newsletter.pdf', size: 154_009, mimeType: 'application/pdf' }] };

const teamLibrary = (channels: string[]): Template[] => [
  ...channels.map(channelFolder),
  { name: 'Policies.pdf', size: 182_004, mimeType: 'application/pdf' },
  { name: 'Roadmap.pptx', size: 1_204_337, mimeType: pptx },
];

const rootLibrary: Template[] = [
  { name: 'Templates', children: [{ name: 'Letterhead.docx', size: 20_480, mimeType: docx }] },
  { name: 'Policies.pdf', size: 182_004, mimeType: 'application/pdf' },
  { name: 'Roadmap.pptx', size: 1_204_337, mimeType: pptx },
];

/** The channels whose folders a team site's library holds (teams-resources.ts names them). */
export const channelFolderNames = ['General', 'Announcements'];

export const systemAccount: IdentitySet = { user: { displayName: 'System Account' } };

export function ownerIdentity(owner: DriveOwner): IdentitySet {
  if (owner.kind === 'user') return { user: { id: owner.user.id, displayName: owner.user.displayName, email: owner.user.mail ?? owner.user.userPrincipalName } };
  return systemAccount;
}

/** The id a seeded item gets: fixed by the drive and the item's path. */
export const seededItemId = (driveId: string, path: string) => driveItemId(`${driveId}/${path}`);

export interface SeedInput {
  driveId: string;
  owner: DriveOwner;
  tenant: Tenant;
  filesPerFolder: number;
}

/** Every record of a drive as seeded, root first. */
export function seedDrive(input: SeedInput): ItemRecord[] {
  const created = Date.parse(tenantCreatedDateTime(input.tenant));
  const author = ownerIdentity(input.owner);
  const base = { createdBy: author, modifiedBy: author, version: 1, contentVersion: 1, seq: 0 };
  const rootId = seededItemId(input.driveId, 'root');
  const records: ItemRecord[] = [{ id: rootId, name: 'root', folder: true, size: 0, createdMs: created, modifiedMs: created, ...base }];

  const add = (template: Template, parentId: string, path: string) => {
    const itemPath = `${path}/${template.name}`;
    const id = seededItemId(input.driveId, itemPath.slice(1));
    const modifiedMs = created + stableNumber(`modified/${id}`, 600 * 86_400) * 1000;
    const record: ItemRecord = { id, parentId, name: template.name, folder: Boolean(template.children), size: template.size ?? 0, createdMs: created, modifiedMs, ...base };
    if (!template.children) {
      record.mimeType = template.mimeType ?? 'application/octet-stream';
      record.content = { kind: 'generated', seed: `${input.driveId}/${id}/1` };
    }
    records.push(record);
    for (const child of template.children ?? []) add(child, id, itemPath);
  };
  const templates = input.owner.kind === 'user' ? oneDrive : input.owner.site.group ? teamLibrary(channelFolderNames) : rootLibrary;
  for (const template of templates) add(template, rootId, '');
  if (input.filesPerFolder > 0) {
    records.push(...bulkFolder({ driveId: input.driveId, parentId: rootId, name: 'Bulk', count: input.filesPerFolder, createdMs: created, author, seq: 0 }));
  }
  return records;
}

export interface BulkInput {
  driveId: string;
  parentId: string;
  name: string;
  count: number;
  createdMs: number;
  author: IdentitySet;
  seq: number;
  /** The folder's id; fixed by drive, parent and name unless given. */
  folderId?: string;
}

/** A folder of `count` small generated text files ("File 00001.txt"…), sizes 1–16 KiB, dates spread over a year. */
export function bulkFolder(input: BulkInput): ItemRecord[] {
  const folderId = input.folderId ?? driveItemId(`${input.driveId}/bulk/${input.parentId}/${input.name}`);
  const base = { createdBy: input.author, modifiedBy: input.author, version: 1, contentVersion: 1, seq: input.seq };
  const records: ItemRecord[] = [{ id: folderId, parentId: input.parentId, name: input.name, folder: true, size: 0, createdMs: input.createdMs, modifiedMs: input.createdMs, ...base }];
  const digits = Math.max(5, String(input.count).length);
  for (let i = 1; i <= input.count; i++) {
    const id = driveItemId(`${input.driveId}/bulk/${folderId}/${i}`);
    records.push({
      id,
      parentId: folderId,
      name: `File ${String(i).padStart(digits, '0')}.txt`,
      folder: false,
      size: 1024 * (1 + stableNumber(`size/${id}`, 16)),
      mimeType: 'text/plain',
      createdMs: input.createdMs,
      modifiedMs: input.createdMs - stableNumber(`modified/${id}`, 365 * 86_400) * 1000,
      ...base,
      content: { kind: 'generated', seed: `${input.driveId}/${id}/1` },
    });
  }
  return records;
}
