// Typed actions in Microsoft 365 (TypeBox): what a host backend sends, and what it gets back. Sending accepts an
// Idempotency-Key: a retry with the same key is answered from the first outcome and never sends twice.
import { Type, type Static } from 'typebox';
import { strict, WorkspaceId } from './common-schemas.js';

const Address = Type.String({ minLength: 3, maxLength: 320, pattern: '^[^@\\s]+@[^@\\s]+$', description: 'an e-mail address' });
const Addresses = Type.Array(Address, { maxItems: 100 });

export const SendMailBody = Type.Object(
  {
    mode: Type.Optional(Type.Union([Type.Literal('delegated'), Type.Literal('application')], { description: 'delegated (default): as the acting user (X-M365Hub-Acting-User); application: as `from`, with the app' })),
    from: Type.Optional(Type.String({ minLength: 1, maxLength: 320, description: 'application mode: the sending mailbox (user id or userPrincipalName)' })),
    tenant: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'application mode: the customer tenant id, when the workspace has several' })),
    to: Type.Array(Address, { minItems: 1, maxItems: 100 }),
    cc: Type.Optional(Addresses),
    subject: Type.String({ maxLength: 998 }),
    body: Type.Object({ contentType: Type.Union([Type.Literal('text'), Type.Literal('html')]), content: Type.String({ maxLength: 1_000_000 }) }, strict),
    attachments: Type.Optional(
      Type.Array(
        Type.Union([
          Type.Object(
            {
              name: Type.String({ minLength: 1, maxLength: 255 }),
              contentType: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
              contentBase64: Type.String({ maxLength: 4_000_000, description: 'the file, base64 (Graph takes attachments under 3 MB inline)' }),
            },
            strict,
          ),
          Type.Object(
            {
              attachmentId: Type.String({ minLength: 1, maxLength: 64, description: "an attachment of the hub (…/attachments): its stored copy, or for a link the file read from Microsoft as the acting user; under 3 MB" }),
            },
            strict,
          ),
        ]),
        { maxItems: 20 },
      ),
    ),
    saveToSentItems: Type.Optional(Type.Boolean({ default: true })),
  },
  strict,
);
export type SendMailBody = Static<typeof SendMailBody>;

export const ActionAccepted = Type.Object(
  {
    action: Type.String({ description: 'what was done, e.g. mail.send' }),
    acceptedAt: Type.String({ format: 'date-time' }),
  },
  strict,
);
export type ActionAccepted = Static<typeof ActionAccepted>;

// Who an action acts as, beside the acting user: delegated (default) is the user named by X-M365Hub-Acting-User;
// application is a mailbox of the tenant, with the app's token.
const ModeFields = {
  mode: Type.Optional(Type.Union([Type.Literal('delegated'), Type.Literal('application')], { description: 'delegated (default): as the acting user (X-M365Hub-Acting-User); application: in `mailbox`, with the app' })),
  mailbox: Type.Optional(Type.String({ minLength: 1, maxLength: 320, description: 'application mode: whose mailbox or calendar (user id or userPrincipalName)' })),
  tenant: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'application mode: the customer tenant id, when the workspace has several' })),
};
export const ActingQuery = Type.Object(ModeFields, strict);
export type ActingQuery = Static<typeof ActingQuery>;

const Cursor = Type.Optional(Type.String({ minLength: 1, maxLength: 2048, description: 'nextCursor of the previous page' }));
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25, description: 'page size (1–100, default 25)' }));
const EmailAddress = Type.Object({ address: Type.String(), name: Type.Optional(Type.String()) }, strict);
const Body = Type.Object({ contentType: Type.Union([Type.Literal('text'), Type.Literal('html')]), content: Type.String({ maxLength: 1_000_000 }) }, strict);

export const MessageListQuery = Type.Object(
  { ...ModeFields, folder: Type.Optional(Type.Union([Type.Literal('inbox'), Type.Literal('sentitems'), Type.Literal('drafts')], { description: 'one folder (default: every folder)' })), limit: Limit, cursor: Cursor },
  strict,
);
export type MessageListQuery = Static<typeof MessageListQuery>;

export const MailMessage = Type.Object(
  {
    id: Type.String(),
    subject: Type.String(),
    from: Type.Union([EmailAddress, Type.Null()]),
    toRecipients: Type.Array(EmailAddress),
    ccRecipients: Type.Array(EmailAddress),
    receivedDateTime: Type.Union([Type.String(), Type.Null()]),
    sentDateTime: Type.Union([Type.String(), Type.Null()]),
    isRead: Type.Boolean(),
    isDraft: Type.Boolean(),
    hasAttachments: Type.Boolean(),
    bodyPreview: Type.String(),
    body: Type.Optional(Body),
    webLink: Type.Union([Type.String(), Type.Null()]),
  },
  strict,
);
export type MailMessage = Static<typeof MailMessage>;
export const MailMessagePage = Type.Object({ items: Type.Array(MailMessage), nextCursor: Type.Union([Type.String(), Type.Null()]) }, strict);

export const MessageParams = Type.Object({ workspaceId: WorkspaceId, messageId: Type.String({ minLength: 1, maxLength: 512 }) }, strict);

const DateTimeUtc = Type.String({ format: 'date-time', description: 'ISO 8601 time; kept in UTC' });
const Attendee = Type.Object({ address: Type.String({ minLength: 3, maxLength: 320, pattern: '^[^@\\s]+@[^@\\s]+$' }), name: Type.Optional(Type.String({ maxLength: 256 })), type: Type.Optional(Type.Union([Type.Literal('required'), Type.Literal('optional')])) }, strict);

export const EventListQuery = Type.Object({ ...ModeFields, limit: Limit, cursor: Cursor }, strict);
export type EventListQuery = Static<typeof EventListQuery>;

export const CreateEventBody = Type.Object(
  {
    ...ModeFields,
    subject: Type.String({ maxLength: 255 }),
    body: Type.Optional(Body),
    start: DateTimeUtc,
    end: DateTimeUtc,
    location: Type.Optional(Type.String({ maxLength: 255 })),
    attendees: Type.Optional(Type.Array(Attendee, { maxItems: 500 })),
  },
  strict,
);
export type CreateEventBody = Static<typeof CreateEventBody>;

export const UpdateEventBody = Type.Object(
  {
    ...ModeFields,
    subject: Type.Optional(Type.String({ maxLength: 255 })),
    body: Type.Optional(Body),
    start: Type.Optional(DateTimeUtc),
    end: Type.Optional(DateTimeUtc),
    location: Type.Optional(Type.String({ maxLength: 255 })),
    attendees: Type.Optional(Type.Array(Attendee, { maxItems: 500 })),
  },
  strict,
);
export type UpdateEventBody = Static<typeof UpdateEventBody>;

export const CancelEventBody = Type.Object({ ...ModeFields, comment: Type.Optional(Type.String({ maxLength: 4000 })) }, strict);
export type CancelEventBody = Static<typeof CancelEventBody>;

export const EventParams = Type.Object({ workspaceId: WorkspaceId, eventId: Type.String({ minLength: 1, maxLength: 512 }) }, strict);

export const CalendarEvent = Type.Object(
  {
    id: Type.String(),
    iCalUId: Type.Union([Type.String(), Type.Null()]),
    subject: Type.String(),
    start: Type.String({ description: 'ISO 8601 UTC' }),
    end: Type.String({ description: 'ISO 8601 UTC' }),
    location: Type.String(),
    isOrganizer: Type.Boolean(),
    isCancelled: Type.Boolean(),
    organizer: Type.Union([EmailAddress, Type.Null()]),
    attendees: Type.Array(Type.Object({ address: Type.String(), name: Type.Optional(Type.String()), type: Type.String() }, strict)),
    webLink: Type.Union([Type.String(), Type.Null()]),
  },
  strict,
);
export type CalendarEvent = Static<typeof CalendarEvent>;
export const CalendarEventPage = Type.Object({ items: Type.Array(CalendarEvent), nextCursor: Type.Union([Type.String(), Type.Null()]) }, strict);

export const ScheduleBody = Type.Object(
  {
    ...ModeFields,
    schedules: Type.Array(Type.String({ minLength: 3, maxLength: 320 }), { minItems: 1, maxItems: 100, description: 'the addresses whose free/busy to read' }),
    start: DateTimeUtc,
    end: DateTimeUtc,
    intervalMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 1440, default: 30 })),
  },
  strict,
);
export type ScheduleBody = Static<typeof ScheduleBody>;

export const ScheduleAnswer = Type.Object(
  {
    schedules: Type.Array(
      Type.Object(
        {
          address: Type.String(),
          availabilityView: Type.Union([Type.String({ description: 'a digit per interval: 0 free, 1 tentative, 2 busy, 3 out of office, 4 working elsewhere' }), Type.Null()]),
          busy: Type.Array(Type.Object({ start: Type.String(), end: Type.String(), status: Type.String(), subject: Type.Optional(Type.String()) }, strict)),
          error: Type.Union([Type.String(), Type.Null()]),
        },
        strict,
      ),
    ),
  },
  strict,
);
export type ScheduleAnswer = Static<typeof ScheduleAnswer>;

export const TeamParams = Type.Object({ workspaceId: WorkspaceId, teamId: Type.String({ minLength: 1, maxLength: 256 }) }, strict);
export const ChannelParams = Type.Object({ workspaceId: WorkspaceId, teamId: Type.String({ minLength: 1, maxLength: 256 }), channelId: Type.String({ minLength: 1, maxLength: 256 }) }, strict);
export const ReplyParams = Type.Object({ workspaceId: WorkspaceId, teamId: Type.String({ minLength: 1, maxLength: 256 }), channelId: Type.String({ minLength: 1, maxLength: 256 }), messageId: Type.String({ minLength: 1, maxLength: 256 }) }, strict);
export const ChatParams = Type.Object({ workspaceId: WorkspaceId, chatId: Type.String({ minLength: 1, maxLength: 256 }) }, strict);

export const TeamsChannel = Type.Object({ id: Type.String(), displayName: Type.String(), description: Type.Union([Type.String(), Type.Null()]), membershipType: Type.Union([Type.String(), Type.Null()]), webUrl: Type.Union([Type.String(), Type.Null()]) }, strict);
export const TeamsChannelList = Type.Object({ items: Type.Array(TeamsChannel), nextCursor: Type.Null() }, strict);

export const TeamsMessageBody = Type.Object({ body: Body, subject: Type.Optional(Type.String({ maxLength: 255, description: 'channel messages only' })), mode: ModeFields.mode }, strict);
export type TeamsMessageBody = Static<typeof TeamsMessageBody>;
export const TeamsMessagePosted = Type.Object({ id: Type.String(), createdDateTime: Type.String(), webUrl: Type.Union([Type.String(), Type.Null()]) }, strict);
export type TeamsMessagePosted = Static<typeof TeamsMessagePosted>;

export const CreateDraftBody = Type.Object(
  { ...ModeFields, to: Type.Optional(Addresses), cc: Type.Optional(Addresses), subject: Type.String({ maxLength: 998 }), body: Body },
  strict,
);
export type CreateDraftBody = Static<typeof CreateDraftBody>;
