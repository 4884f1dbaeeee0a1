// The hosted picker's shapes: what a host product's backend asks for (a picker session for one of its users and one
// record) and what the picker page sends back to the hub. Pure data (TypeBox).
import { Type, type Static } from 'typebox';
import { IsoTime, strict } from './common-schemas.js';
import { AddAttachmentBody, ChannelParams, DriveItemParams, DriveParams, SiteParams, TeamParams } from './files-schemas.js';

const withoutWorkspace = <T extends Parameters<typeof Type.Omit>[0]>(schema: T) => Type.Omit(schema, ['workspaceId'], strict);

export const PickerMode = Type.Union([Type.Literal('link'), Type.Literal('copy'), Type.Literal('both')], { description: 'what the user may do with the files they pick' });

export const PickerSessionBody = Type.Object(
  {
    externalUserId: Type.String({ minLength: 1, maxLength: 256, pattern: '^[^\\u0000-\\u001f\\u007f]+$', description: "the host product's user the picker acts for (as in X-M365Hub-Acting-User)" }),
    entityType: AddAttachmentBody.properties.entityType,
    entityId: AddAttachmentBody.properties.entityId,
    origin: Type.String({ minLength: 1, maxLength: 2048, description: 'the origin of the host page that opens the picker (scheme, host, port); the selection is posted to it only' }),
    mode: Type.Optional(PickerMode),
  },
  strict,
);
export type PickerSessionBody = Static<typeof PickerSessionBody>;

export const PickerSession = Type.Object(
  { url: Type.String({ description: 'open it in a popup or iframe (m365hub-picker.js does)' }), expiresAt: IsoTime },
  strict,
);

/** What the picker page adds: the record and the user come from its session, never from the page. */
export const PickerAddBody = Type.Object({ mode: AddAttachmentBody.properties.mode, driveId: AddAttachmentBody.properties.driveId, itemId: AddAttachmentBody.properties.itemId }, strict);

export const PickerDriveItemParams = withoutWorkspace(DriveItemParams);
export const PickerDriveParams = withoutWorkspace(DriveParams);
export const PickerSiteParams = withoutWorkspace(SiteParams);
export const PickerTeamParams = withoutWorkspace(TeamParams);
export const PickerChannelParams = withoutWorkspace(ChannelParams);
export const PickerJobParams = Type.Object({ jobId: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_]+$' }) }, strict);
export const PickerTokenParams = Type.Object({ '*': Type.String({ maxLength: 4096 }) }, strict);
