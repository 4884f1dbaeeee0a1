// Outlook mail through Graph v1.0: drafts (https://learn.microsoft.com/graph/api/user-post-messages: 201, in Drafts),
// sendMail (https://learn.microsoft.com/graph/api/user-sendmail: 202 Accepted, no
// body; saveToSentItems defaults to true) and reading messages (user-list-messages, mailfolder-list-messages,
// message-get; newest first, 10 per page by default). A delegated token reaches only its own mailbox through
// /users/{id}/… (ErrorAccessDenied otherwise); an application token reaches any mailbox of the tenant.
import { GraphError } from '../graph-errors.js';
import { collection, entity, type CollectionPage } from '../graph-response.js';
import { findUser, GraphReply, signedInUser, type GraphRoute, type GraphRouteRequest } from '../graph-router.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';
import type { User } from '../../state/directory-types.js';
import { FOLDERS, type FolderName, type MailMessage, type Recipient } from './mailbox-store.js';

export const messageShape: ResourceShape = {
  type: 'microsoft.graph.message',
  properties: ['id', 'createdDateTime', 'lastModifiedDateTime', 'receivedDateTime', 'sentDateTime', 'hasAttachments', 'internetMessageId', 'subject', 'bodyPreview', 'importance', 'parentFolderId', 'conversationId', 'isRead', 'isDraft', 'webLink', 'body', 'sender', 'from', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'flag'],
  defaults: ['id', 'createdDateTime', 'lastModifiedDateTime', 'receivedDateTime', 'sentDateTime', 'hasAttachments', 'internetMessageId', 'subject', 'bodyPreview', 'importance', 'parentFolderId', 'conversationId', 'isRead', 'isDraft', 'webLink', 'body', 'sender', 'from', 'toRecipients', 'ccRecipients', 'bccRecipients', 'replyTo', 'flag'],
  filterable: ['subject'],
};

const accessDenied = () => new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
const invalidRecipients = () => new GraphError(400, 'ErrorInvalidRecipients', "At least one recipient isn't valid., A message can't be sent because it contains no recipients.");

function mailboxOwner(req: GraphRouteRequest): User {
  const user = findUser(req, req.params.user!);
  if (req.caller.kind === 'delegated' && user.id !== req.caller.userId) throw accessDenied();
  return user;
}

function folderOf(name: string): FolderName {
  const folder = FOLDERS.find((f) => f === name.toLowerCase());
  if (!folder) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return folder;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function messageResource(m: MailMessage): GraphObject {
  const text = m.body.contentType === 'html' ? m.body.content.replace(/<[^>]*>/g, ' ') : m.body.content;
  return {
    id: m.id,
    createdDateTime: iso(m.createdAt),
    lastModifiedDateTime: iso(m.createdAt),
    receivedDateTime: iso(m.sentAt ?? m.createdAt),
    sentDateTime: m.sentAt === null ? null : iso(m.sentAt),
    hasAttachments: m.attachments.length > 0,
    internetMessageId: m.internetMessageId,
    subject: m.subject,
    bodyPreview: text.replace(/\s+/g, ' ').trim().slice(0, 255),
    importance: 'normal',
    parentFolderId: m.folder,
    conversationId: m.conversationId,
    isRead: m.isRead,
    isDraft: m.folder === 'drafts',
    webLink: `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(m.id)}&exvsurl=1&viewmodel=ReadMessageItem`,
    body: m.body,
    sender: m.from,
    from: m.from,
    toRecipients: m.toRecipients,
    ccRecipients: m.ccRecipients,
    bccRecipients: [],
    replyTo: [],
    flag: { flagStatus: 'notFlagged' },
  };
}

function recipients(value: unknown): Recipient[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new GraphError(400, 'ErrorInvalidParameter', 'The recipient list must be an array of recipients.');
  return value.map((r) => {
    const address = (r as { emailAddress?: { address?: unknown } })?.emailAddress?.address;
    if (typeof address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(address)) throw invalidRecipients();
    const name = (r as { emailAddress: { name?: unknown } }).emailAddress.name;
    return { emailAddress: { address, ...(typeof name === 'string' ? { name } : {}) } };
  });
}

/** A message resource as a client writes it (sendMail's `message`, or a draft's body). */
function writtenMessage(message: Record<string, unknown>) {
  const rawBody = (message.body ?? {}) as { contentType?: unknown; content?: unknown };
  const contentType: 'text' | 'html' = typeof rawBody.contentType === 'string' && rawBody.contentType.toLowerCase() === 'html' ? 'html' : 'text';
  const attachments = Array.isArray(message.attachments)
    ? message.attachments.map((a) => {
        const file = a as { name?: unknown; contentType?: unknown; contentBytes?: unknown };
        if (typeof file.name !== 'string' || typeof file.contentBytes !== 'string') throw new GraphError(400, 'ErrorInvalidParameter', 'A file attachment needs name and contentBytes (base64).');
        return { name: file.name, contentType: typeof file.contentType === 'string' ? file.contentType : 'application/octet-stream', size: Buffer.from(file.contentBytes, 'base64').length };
      })
    : [];
  return {
    subject: typeof message.subject === 'string' ? message.subject : '',
    body: { contentType, content: typeof rawBody.content === 'string' ? rawBody.content : '' },
    toRecipients: recipients(message.toRecipients),
    ccRecipients: recipients(message.ccRecipients),
    attachments,
  };
}

function sendMail(req: GraphRouteRequest, sender: User): GraphReply {
  const body = (req.body ?? {}) as { message?: Record<string, unknown>; saveToSentItems?: unknown };
  const message = body.message;
  if (!message || typeof message !== 'object') throw new GraphError(400, 'ErrorInvalidParameter', "The 'message' parameter is required.");
  const written = writtenMessage(message);
  if (written.toRecipients.length + written.ccRecipients.length === 0) throw invalidRecipients();
  req.ctx.mailboxes.send(sender, written, req.ctx.clock.now(), body.saveToSentItems !== false && body.saveToSentItems !== 'false');
  return new GraphReply(202);
}

/** user-post-messages: 201 with the draft; recipients may be empty until it is sent. */
function createDraft(req: GraphRouteRequest, owner: User): GraphReply {
  const draft = req.ctx.mailboxes.saveDraft(owner, writtenMessage((req.body ?? {}) as Record<string, unknown>), req.ctx.clock.now());
  return new GraphReply(201, entity(req, messageShape, messageResource(draft), `users('${owner.id}')/messages`));
}

function list(req: GraphRouteRequest, owner: User, folder?: FolderName): CollectionPage {
  const items = req.ctx.mailboxes.messages(owner, folder).map(messageResource);
  const context = folder ? `users('${owner.id}')/mailFolders('${folder}')/messages` : `users('${owner.id}')/messages`;
  return collection(req, { shape: messageShape, items, context, pageSize: 10 });
}

function one(req: GraphRouteRequest, owner: User): GraphObject {
  const found = req.ctx.mailboxes.find(owner, req.params.message!);
  if (!found) throw new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
  return entity(req, messageShape, messageResource(found), `users('${owner.id}')/messages`);
}

export const mailRoutes: GraphRoute[] = [
  { method: 'POST', path: '/me/sendMail', handler: (req) => sendMail(req, signedInUser(req)) },
  { method: 'POST', path: '/users/{user}/sendMail', handler: (req) => sendMail(req, mailboxOwner(req)) },
  { method: 'POST', path: '/me/messages', handler: (req) => createDraft(req, signedInUser(req)) },
  { method: 'POST', path: '/users/{user}/messages', handler: (req) => createDraft(req, mailboxOwner(req)) },
  { path: '/me/messages', handler: (req) => list(req, signedInUser(req)) },
  { path: '/users/{user}/messages', handler: (req) => list(req, mailboxOwner(req)) },
  { path: '/me/messages/{message}', handler: (req) => one(req, signedInUser(req)) },
  { path: '/users/{user}/messages/{message}', handler: (req) => one(req, mailboxOwner(req)) },
  { path: '/me/mailFolders/{folder}/messages', handler: (req) => list(req, signedInUser(req), folderOf(req.params.folder!)) },
  { path: '/users/{user}/mailFolders/{folder}/messages', handler: (req) => list(req, mailboxOwner(req), folderOf(req.params.folder!)) },
];
