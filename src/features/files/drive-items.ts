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
  remoteItem?: { id?: string; parentReference?: { driveId?: string } };
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
