// The files API's shapes: Microsoft 365 sources and items the acting user can browse, and the attachments a host
// product's record holds (links to Microsoft 365 items, or copies kept by the hub). Pure data (TypeBox).
import { Type, type Static } from 'typebox';
import { idPattern, IsoTime, ListOf, NullableIsoTime, strict, WorkspaceId } from './common-schemas.js';

/** Microsoft's opaque drive and item ids (base64-ish, `!`, `-`, `_`): bounded, no path characters. */
const GraphId = (what: string) => Type.String({ minLength: 1, maxLength: 256, pattern: '^[A-Za-z0-9!._,-]+$', description: `Microsoft Graph ${what} id` });
export const DriveId = GraphId('drive');
export const ItemId = GraphId('driveItem');
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const FileSource = Type.Object(
  {
    kind: Type.Union([Type.Literal('onedrive'), Type.Literal('shared'), Type.Literal('sharepoint_site'), Type.Literal('team')]),
    /**
     * The drive id for OneDrive; the site or team id for sites and teams (browse them through …/sites/{id} and
     * …/teams/{id}/channels); `shared` lists the items others shared with the user through …/files/shared.
     */
    id: Type.String(),
    name: Type.String(),
    webUrl: Nullable(Type.String()),
  },
  strict,
);
export type FileSource = Static<typeof FileSource>;
export const FileSourceList = Type.Object(
  {
    items: Type.Array(FileSource),
    /** Kinds of source Microsoft refused to list (a permission missing, throttling), each with its problem code and what to do. */
    unavailable: Type.Array(Type.Object({ kind: Type.String(), code: Type.String(), detail: Type.String() }, strict)),
  },
  strict,
);
export type FileSourceList = Static<typeof FileSourceList>;

export const FileItem = Type.Object(
  {
    driveId: Type.String(),
    id: Type.String(),
    name: Type.String(),
    kind: Type.Union([Type.Literal('file'), Type.Literal('folder')]),
    size: Nullable(Type.Number()),
    mimeType: Nullable(Type.String()),
    webUrl: Nullable(Type.String()),
    eTag: Nullable(Type.String()),
    lastModifiedAt: NullableIsoTime,
    /** Folders: how many children Microsoft counts. */
    childCount: Nullable(Type.Integer()),
    /** Microsoft's QuickXorHash of the bytes (OneDrive for Business and SharePoint), when it gives one. */
    quickXorHash: Nullable(Type.String()),
    parentPath: Nullable(Type.String()),
  },
  strict,
);
export type FileItem = Static<typeof FileItem>;
export const FileItemPage = ListOf(FileItem);
export type FileItemPage = Static<typeof FileItemPage>;

export const DriveParams = Type.Object({ workspaceId: WorkspaceId, driveId: DriveId }, strict);
export const DriveItemParams = Type.Object({ workspaceId: WorkspaceId, driveId: DriveId, itemId: ItemId }, strict);
export const SiteParams = Type.Object({ workspaceId: WorkspaceId, siteId: Type.String({ minLength: 1, maxLength: 512, pattern: '^[A-Za-z0-9.,_-]+$' }) }, strict);
export const TeamParams = Type.Object({ workspaceId: WorkspaceId, teamId: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9-]+$' }) }, strict);

const PageFields = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50, description: 'page size (1–200, default 50)' })),
  // Microsoft's next-page links are long: a cursor that carries one is allowed more than our own keyset cursors.
  cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 4096, description: 'nextCursor of the previous page' })),
};
export const ChildrenQuery = Type.Object(PageFields, strict);
export type ChildrenQuery = Static<typeof ChildrenQuery>;
export const SearchQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 200, description: 'words to search for in names and contents' }), ...PageFields }, strict);
export type SearchQuery = Static<typeof SearchQuery>;

export const Channel = Type.Object({ id: Type.String(), name: Type.String() }, strict);
export const ChannelParams = Type.Object({ workspaceId: WorkspaceId, teamId: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9-]+$' }), channelId: Type.String({ minLength: 1, maxLength: 256, pattern: '^[A-Za-z0-9:@._-]+$' }) }, strict);
export const ChannelList = Type.Object({ items: Type.Array(Channel) }, strict);
export type ChannelList = Static<typeof ChannelList>;

// ----- attachments -----
export const AttachmentId = idPattern('att');
const EntityPart = (what: string) => Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\u0000-\\u001f\\u007f]+$', description: `the host product's ${what}` });
export const AttachmentMode = Type.Union([Type.Literal('link'), Type.Literal('copy')]);
export const AttachmentStatus = Type.Union(
  [Type.Literal('active'), Type.Literal('copying'), Type.Literal('copy_failed'), Type.Literal('deleted'), Type.Literal('moved'), Type.Literal('access_lost')],
  { description: 'active; copying (the job runs); copy_failed; and for links, what the refresh job found: deleted, moved, access_lost' },
);

export const Attachment = Type.Object(
  {
    id: Type.String(),
    entityType: Type.String(),
    entityId: Type.String(),
    mode: AttachmentMode,
    status: AttachmentStatus,
    driveId: Type.String(),
    itemId: Type.String(),
    name: Type.String(),
    size: Nullable(Type.Number()),
    mimeType: Nullable(Type.String()),
    webUrl: Nullable(Type.String()),
    eTag: Nullable(Type.String()),
    addedBy: Type.Object({ kind: Type.Union([Type.Literal('console_user'), Type.Literal('external_user')]), id: Type.String() }, strict),
    /** Copies: the SHA-256 of the stored bytes (hex), once copied. */
    sha256: Nullable(Type.String()),
    /** Copies: the job that copies the bytes. */
    jobId: Nullable(Type.String()),
    checkedAt: NullableIsoTime,
    createdAt: IsoTime,
  },
  strict,
);
export type Attachment = Static<typeof Attachment>;
export const AttachmentList = ListOf(Attachment);
export type AttachmentList = Static<typeof AttachmentList>;

export const AttachmentListQuery = Type.Object(
  {
    entityType: Type.Optional(EntityPart('record type (requirement, control, ticket …); with entityId, that record\'s attachments, oldest first')),
    entityId: Type.Optional(EntityPart('record id; without entityType and entityId, every attachment of the workspace, newest first (admins and the API key)')),
    status: Type.Optional(AttachmentStatus),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    cursor: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
  },
  strict,
);
export type AttachmentListQuery = Static<typeof AttachmentListQuery>;

export const AddAttachmentBody = Type.Object(
  {
    entityType: EntityPart('record type (requirement, control, ticket …)'),
    entityId: EntityPart('record id'),
    mode: AttachmentMode,
    driveId: DriveId,
    itemId: ItemId,
  },
  strict,
);
export type AddAttachmentBody = Static<typeof AddAttachmentBody>;

export const AttachmentParams = Type.Object({ workspaceId: WorkspaceId, attachmentId: AttachmentId }, strict);
