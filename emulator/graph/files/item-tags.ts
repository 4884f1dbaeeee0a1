// An item's eTag (`"{GUID},version"`, any change) and cTag (`"c:{GUID},contentVersion"`, content changes only), as
// OneDrive for Business spells them (https://learn.microsoft.com/graph/api/resources/driveitem, eTag and cTag).
import { deterministicGuid } from '../../state/deterministic-id.js';
import type { ItemRecord } from './item-tree.js';

const etagGuid = (driveId: string, itemId: string) => deterministicGuid(`etag/${driveId}/${itemId}`).toUpperCase();
export const eTagOf = (driveId: string, item: ItemRecord) => `"{${etagGuid(driveId, item.id)}},${item.version}"`;
export const cTagOf = (driveId: string, item: ItemRecord) => `"c:{${etagGuid(driveId, item.id)}},${item.contentVersion}"`;
