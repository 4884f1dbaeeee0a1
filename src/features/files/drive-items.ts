// Microsoft's driveItem (https://learn.microsoft.com/en-us/graph/api/resources/driveitem) as the API's FileItem.
import type { FileItem } from '../../contract/files-schemas.js';

/** The driveItem properties the hub reads; Graph sends more, and `$select` asks for these. */
export interface GraphDriveItem {
  id: string;
  name?: string;
  size?: number;
  webUrl?: string;
  eTag?: string;
  lastModifiedDateTime?: string;
  file?: { mimeType?: string; hashes?: { quickXorHash?: string; sha256Hash?: string } };
  folder?: { childCount?: number };
  parentReference?: { driveId?: string; id?: string; path?: string };
  /** An item of another drive (shared with the user): open it by its parentReference.driveId and id. */
  remoteItem?: Omit<GraphDriveItem, 'remoteItem'>;
  deleted?: unknown;
}

export const DRIVE_ITEM_SELECT = 'id,name,size,webUrl,eTag,lastModifiedDateTime,file,folder,parentReference';

export function toFileItem(item: GraphDriveItem, driveId: string): FileItem {
  return {
    driveId: item.parentReference?.driveId ?? driveId,
    id: item.id,
    name: item.name ?? '',
    kind: item.folder ? 'folder' : 'file',
    size: typeof item.size === 'number' ? item.size : null,
    mimeType: item.file?.mimeType ?? null,
    webUrl: item.webUrl ?? null,
    eTag: item.eTag ?? null,
    lastModifiedAt: item.lastModifiedDateTime ? new Date(item.lastModifiedDateTime).toISOString() : null,
    childCount: item.folder?.childCount ?? null,
    quickXorHash: item.file?.hashes?.quickXorHash ?? null,
    parentPath: item.parentReference?.path ?? null,
  };
}

/**
 * A "shared with me" entry as the item it points at, in its own drive: the entry carries the remoteItem facet, and
 * the item opens by `remoteItem.parentReference.driveId` and `remoteItem.id`
 * (https://learn.microsoft.com/graph/api/drive-sharedwithme). An entry without them cannot be opened: undefined.
 */
export function toSharedFileItem(entry: GraphDriveItem): FileItem | undefined {
  const remote = entry.remoteItem;
  const driveId = remote?.parentReference?.driveId;
  if (!remote?.id || !driveId) return undefined;
  return toFileItem({ ...entry, ...remote, parentReference: remote.parentReference }, driveId);
}
