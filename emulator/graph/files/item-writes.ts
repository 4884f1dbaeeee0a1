// Changes to drive items, each committed to the journal (file-journal.ts) so they survive a restart:
// create folder (driveitem-post-children), rename/move (driveitem-update / driveitem-move), delete
// (driveitem-delete), and the simple upload PUT …/content (driveitem-put-content, up to 250 MB, bytes streamed to a
// file under the data dir while their QuickXorHash is computed). Names follow OneDrive's rules
// (https://support.microsoft.com/office/restrictions-and-limitations-in-onedrive-and-sharepoint-64883a5d-228e-48f5-b3d2-eb39e07630fa).
import { createWriteStream, rmSync } from 'node:fs';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GraphError, graphErrors } from '../graph-errors.js';
import type { IdentitySet, ItemRecord, ItemTree } from './item-tree.js';
import type { FileSystem } from './file-system.js';
import { newItemId } from './item-ids.js';
import { eTagOf, cTagOf } from './item-tags.js';
import { QuickXorFold } from './quick-xor-hash.js';

export const simpleUploadLimit = 250 * 1024 * 1024;

export type ConflictBehavior = 'fail' | 'replace' | 'rename';

export const nameAlreadyExists = (name: string) => new GraphError(409, 'nameAlreadyExists', `The specified item name '${name}' already exists.`);
const invalidName = (reason: string) => new GraphError(400, 'invalidRequest', `The provided name is not valid: ${reason}`);

export function checkName(name: unknown): string {
  if (typeof name !== 'string' || name.length === 0) throw invalidName('name is required');
  if (/["*:<>?/\\|\u0000-\u001f]/.test(name)) throw invalidName(`it contains a character OneDrive does not allow (" * : < > ? / \\ | or a control character)`);
  if (name !== name.trim()) throw invalidName('it starts or ends with a space');
  if (name === '.' || name === '..') throw invalidName(`'${name}' is reserved`);
  if (name.length > 255) throw invalidName('it is longer than 255 characters');
  return name;
}

export function parseConflictBehavior(value: unknown, fallback: ConflictBehavior): ConflictBehavior {
  if (value === undefined || value === null) return fallback;
  if (value === 'fail' || value === 'replace' || value === 'rename') return value;
  throw graphErrors.badRequest(`Invalid value '${String(value)}' for @microsoft.graph.conflictBehavior (fail, replace or rename).`, 'invalidRequest');
}

/** "Report.docx" → "Report 1.docx", "Report 2.docx"… until free, as OneDrive renames. */
export function freeName(tree: ItemTree, parentId: string, name: string): string {
  if (!tree.childNamed(parentId, name)) return name;
  const dot = name.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  for (let n = 1; ; n++) if (!tree.childNamed(parentId, `${stem} ${n}${ext}`)) return `${stem} ${n}${ext}`;
}

/** If-Match with the item's eTag or cTag, else 412 (https://learn.microsoft.com/graph/api/driveitem-update, headers). */
export function checkIfMatch(header: string | string[] | undefined, driveId: string, item: ItemRecord): void {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!value || value === '*') return;
  if (value !== eTagOf(driveId, item) && value !== cTagOf(driveId, item)) {
    throw new GraphError(412, 'resourceModified', 'ETag does not match current item\'s value', {}, 'entityTagDoesNotMatch');
  }
}

export interface Writer {
  system: FileSystem;
  tree: ItemTree;
  who: IdentitySet;
  now: number;
}

export function createFolder(w: Writer, parent: ItemRecord, name: string, conflict: ConflictBehavior): ItemRecord {
  if (!parent.folder) throw graphErrors.badRequest('The parent item is not a folder.', 'invalidRequest');
  checkName(name);
  const existing = w.tree.childNamed(parent.id, name);
  if (existing && conflict === 'fail') throw nameAlreadyExists(name);
  if (existing && conflict === 'replace') deleteItem(w, existing);
  const finalName = existing && conflict === 'rename' ? freeName(w.tree, parent.id, name) : name;
  return w.system.commit(w.tree, newRecord(w, { parentId: parent.id, name: finalName, folder: true, size: 0 }));
}

/** A record for an item a client creates: a new id, made and changed now by the writer, version 1. */
function newRecord(w: Writer, fields: Pick<ItemRecord, 'parentId' | 'name' | 'folder' | 'size'> & Partial<ItemRecord>): ItemRecord {
  return { id: newItemId(), createdMs: w.now, modifiedMs: w.now, createdBy: w.who, modifiedBy: w.who, version: 1, contentVersion: 1, seq: 0, ...fields };
}

/** Rename and/or move within the drive; a folder cannot move below itself. */
export function updateItem(w: Writer, item: ItemRecord, changes: { name?: string; parentId?: string }): ItemRecord {
  if (item.parentId === undefined) throw new GraphError(400, 'invalidRequest', 'The root of a drive cannot be renamed or moved.');
  const name = changes.name === undefined ? item.name : checkName(changes.name);
  const parentId = changes.parentId ?? item.parentId;
  const parent = w.tree.get(parentId);
  if (!parent) throw graphErrors.itemNotFound('The destination folder does not exist.');
  if (!parent.folder) throw graphErrors.badRequest('The destination is not a folder.', 'invalidRequest');
  if (item.folder && w.tree.isWithin(parent.id, item.id)) throw graphErrors.badRequest('A folder cannot be moved into itself or one of its subfolders.', 'invalidRequest');
  const clash = w.tree.childNamed(parentId, name);
  if (clash && clash.id !== item.id) throw nameAlreadyExists(name);
  return w.system.commit(w.tree, { ...item, name, parentId, version: item.version + 1, modifiedMs: w.now, modifiedBy: w.who });
}

/** Deletes the item and everything below it (each a `deleted` change for delta). */
export function deleteItem(w: Writer, item: ItemRecord): void {
  if (item.parentId === undefined) throw new GraphError(403, 'accessDenied', 'The root of a drive cannot be deleted.');
  for (const below of w.tree.descendants(item.id).reverse()) w.system.commit(w.tree, { ...below, deleted: true, version: below.version + 1 });
  w.system.commit(w.tree, { ...item, deleted: true, version: item.version + 1 });
}

export interface StoredBytes {
  blob: string;
  size: number;
  quickXorHash: string;
}

/** Streams `body` into a new blob (at most `limit` bytes), hashing as it goes. */
export async function storeBytes(system: FileSystem, body: Readable, limit: number): Promise<StoredBytes> {
  const file = system.journal.newPath('blobs');
  const fold = new QuickXorFold();
  const meter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      fold.update(chunk);
      if (fold.bytes > limit) {
        done(new GraphError(413, 'invalidRequest', 'The request body is larger than 250 MB: upload large files through an upload session (createUploadSession).', {}, 'maxFileSizeExceeded'));
        return;
      }
      done(null, chunk);
    },
  });
  try {
    await pipeline(body, meter, createWriteStream(file));
  } catch (error) {
    rmSync(file, { force: true });
    body.resume();
    if (error instanceof GraphError) throw error;
    throw graphErrors.badRequest('The upload was interrupted before all its bytes arrived.', 'invalidRequest');
  }
  return { blob: path.basename(file), size: fold.bytes, quickXorHash: fold.digest() };
}

/** New content for an existing file, or a new file under `parent`; true when the file was created. */
export function writeFile(w: Writer, target: { existing?: ItemRecord; parent?: ItemRecord; name?: string }, bytes: StoredBytes, mimeType: string | undefined): { item: ItemRecord; created: boolean } {
  const content = { kind: 'stored' as const, blob: bytes.blob, quickXorHash: bytes.quickXorHash };
  if (target.existing) {
    const item = target.existing;
    if (item.folder) throw graphErrors.badRequest('The target is a folder; content can only be written to a file.', 'invalidRequest');
    if (item.content?.kind === 'stored') rmSync(w.system.blobPath(item.content.blob), { force: true });
    const updated = w.system.commit(w.tree, { ...item, size: bytes.size, content, version: item.version + 1, contentVersion: item.contentVersion + 1, modifiedMs: w.now, modifiedBy: w.who });
    return { item: updated, created: false };
  }
  const item = w.system.commit(
    w.tree,
    newRecord(w, { parentId: target.parent!.id, name: target.name!, folder: false, size: bytes.size, mimeType: mimeType ?? mimeTypeOf(target.name!), content }),
  );
  return { item, created: true };
}

const mimeTypes: Record<string, string> = {
  '.txt': 'text/plain',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.json': 'application/json',
  '.csv': 'text/csv',
  '.zip': 'application/x-zip-compressed',
};

/** OneDrive sets a file's mimeType from its extension. */
export const mimeTypeOf = (name: string) => mimeTypes[path.extname(name).toLowerCase()] ?? 'application/octet-stream';
