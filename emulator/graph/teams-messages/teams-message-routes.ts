// Teams messages through Graph v1.0, stateful: channel messages (channel-list-messages, chatmessage-post: 201 with
// the chatMessage), replies (chatmessage-list-replies, chatmessage-post-replies), chats (chat-post) and their
// messages (chat-list-messages, chatmessage-post). Posting is delegated only: Microsoft allows application tokens to
// post only when importing (Teamwork.Migrate.All, https://learn.microsoft.com/graph/api/chatmessage-post), which
// the permission table's empty application list enforces. Only a team's or chat's members read and post in it.
import { GraphError, graphErrors } from '../graph-errors.js';
import { collection } from '../graph-response.js';
import { GraphReply, signedInUser, type GraphRoute, type GraphRouteRequest } from '../graph-router.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';
import { channelId } from '../graph-data.js';
import type { User } from '../../state/directory-types.js';
import type { Chat, TeamsMessage } from './teams-message-store.js';

export const chatMessageShape: ResourceShape = {
  type: 'microsoft.graph.chatMessage',
  properties: ['id', 'replyToId', 'etag', 'messageType', 'createdDateTime', 'lastModifiedDateTime', 'deletedDateTime', 'subject', 'importance', 'locale', 'webUrl', 'from', 'body', 'channelIdentity', 'chatId', 'attachments', 'mentions', 'reactions'],
  defaults: ['id', 'replyToId', 'etag', 'messageType', 'createdDateTime', 'lastModifiedDateTime', 'deletedDateTime', 'subject', 'importance', 'locale', 'webUrl', 'from', 'body', 'channelIdentity', 'chatId', 'attachments', 'mentions', 'reactions'],
  filterable: [],
};

const forbidden = () => new GraphError(403, 'Forbidden', 'Forbidden: the caller is not a member of this team or chat.');
const iso = (ms: number) => new Date(ms).toISOString();

interface ChannelRef {
  teamId: string;
  channelId: string;
  memberIds: string[];
}

function channelOf(req: GraphRouteRequest): ChannelRef {
  const team = req.ctx.directory.groupsOf(req.tenant.id).find((g) => g.id === req.params.team!.toLowerCase());
  if (!team) throw graphErrors.resourceNotFound(req.params.team!);
  const channel = ['General', 'Announcements'].map((name) => channelId(team.id, name)).find((id) => id === req.params.channel);
  if (!channel) throw new GraphError(404, 'NotFound', `Channel ${req.params.channel} was not found in the team.`);
  return { teamId: team.id, channelId: channel, memberIds: team.memberIds };
}

/** A delegated caller must be a member; an application caller (reads only, by the table) may read any. */
function requireMember(req: GraphRouteRequest, memberIds: string[]): User | undefined {
  if (req.caller.kind !== 'delegated') return undefined;
  const me = signedInUser(req);
  if (!memberIds.includes(me.id)) throw forbidden();
  return me;
}

function content(body: unknown): Pick<TeamsMessage, 'body' | 'subject'> {
  const b = (body ?? {}) as { body?: { contentType?: unknown; content?: unknown }; subject?: unknown };
  if (!b.body || typeof b.body.content !== 'string' || b.body.content.length === 0) throw new GraphError(400, 'BadRequest', 'The message body content is required.');
  return { body: { contentType: String(b.body.contentType).toLowerCase() === 'html' ? 'html' : 'text', content: b.body.content }, subject: typeof b.subject === 'string' ? b.subject : null };
}

function messageResource(req: GraphRouteRequest, m: TeamsMessage): GraphObject {
  const from = req.ctx.teamsMessages.user(m.fromUserId);
  return {
    id: m.id,
    replyToId: m.replyToId,
    etag: m.id,
    messageType: 'message',
    createdDateTime: iso(m.createdMs),
    lastModifiedDateTime: iso(m.createdMs),
    deletedDateTime: null,
    subject: m.subject,
    importance: 'normal',
    locale: 'en-us',
    webUrl: m.teamId ? `https://teams.microsoft.com/l/message/${encodeURIComponent(m.channelId!)}/${m.id}?groupId=${m.teamId}&tenantId=${req.tenant.id}` : null,
    from: { application: null, device: null, user: from ? { '@odata.type': '#microsoft.graph.teamworkUserIdentity', id: from.id, displayName: from.displayName, userIdentityType: 'aadUser', tenantId: from.tenantId } : null },
    body: m.body,
    channelIdentity: m.teamId ? { teamId: m.teamId, channelId: m.channelId } : null,
    chatId: m.chatId ?? null,
    attachments: [],
    mentions: [],
    reactions: [],
  };
}

function chatOf(req: GraphRouteRequest): Chat {
  const chat = req.ctx.teamsMessages.chat(req.params.chat!);
  if (!chat || chat.tenantId !== req.tenant.id) throw new GraphError(404, 'NotFound', `Chat ${req.params.chat} was not found.`);
  return chat;
}

const channelThread = (c: ChannelRef) => `${c.teamId}/${c.channelId}`;
const created = (req: GraphRouteRequest, m: TeamsMessage) => new GraphReply(201, { '@odata.context': `${req.serviceRoot}/$metadata#chatMessage/$entity`, ...messageResource(req, m) });

/** chat-post: members named by user@odata.bind (`…/users('{id}')`); the caller must be one of them. */
function createChat(req: GraphRouteRequest): GraphReply {
  const me = signedInUser(req);
  const body = (req.body ?? {}) as { chatType?: unknown; topic?: unknown; members?: unknown };
  if (body.chatType !== 'oneOnOne' && body.chatType !== 'group') throw new GraphError(400, 'BadRequest', 'chatType must be oneOnOne or group.');
  if (!Array.isArray(body.members)) throw new GraphError(400, 'BadRequest', 'members is required.');
  const memberIds = body.members.map((m) => {
    const bind = String((m as Record<string, unknown>)['user@odata.bind'] ?? '');
    const id = /users\('([^']+)'\)/.exec(bind)?.[1];
    const user = id ? req.ctx.directory.getUser(id) ?? req.ctx.directory.findUserByUpn(id, req.tenant.id) : undefined;
    if (!user || user.tenantId !== req.tenant.id) throw new GraphError(400, 'BadRequest', `Member ${bind} is not a user of the tenant.`);
    return user.id;
  });
  if (!memberIds.includes(me.id)) throw new GraphError(400, 'BadRequest', 'The caller must be a member of the chat.');
  if (body.chatType === 'oneOnOne' && new Set(memberIds).size !== 2) throw new GraphError(400, 'BadRequest', 'A oneOnOne chat has exactly two members.');
  const chat = req.ctx.teamsMessages.createChat(req.tenant.id, body.chatType, [...new Set(memberIds)], typeof body.topic === 'string' ? body.topic : null, req.ctx.clock.now());
  return new GraphReply(201, { '@odata.context': `${req.serviceRoot}/$metadata#chats/$entity`, id: chat.id, topic: chat.topic, createdDateTime: iso(chat.createdMs), lastUpdatedDateTime: iso(chat.createdMs), chatType: chat.chatType, tenantId: chat.tenantId, webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat.id)}/0?tenantId=${chat.tenantId}` });
}

const CHANNEL = '/teams/{team}/channels/{channel}/messages';

export const teamsMessageRoutes: GraphRoute[] = [
  {
    path: CHANNEL,
    handler: (req) => {
      const channel = channelOf(req);
      requireMember(req, channel.memberIds);
      return collection(req, { shape: chatMessageShape, items: req.ctx.teamsMessages.list(channelThread(channel)).map((m) => messageResource(req, m)), context: `teams('${channel.teamId}')/channels('${channel.channelId}')/messages`, pageSize: 20, maxPageSize: 50 });
    },
  },
  {
    method: 'POST',
    path: CHANNEL,
    handler: (req) => {
      const channel = channelOf(req);
      const me = requireMember(req, channel.memberIds)!;
      return created(req, req.ctx.teamsMessages.post({ teamId: channel.teamId, channelId: channel.channelId }, me, content(req.body), req.ctx.clock.now()));
    },
  },
  {
    path: `${CHANNEL}/{message}/replies`,
    handler: (req) => {
      const channel = channelOf(req);
      requireMember(req, channel.memberIds);
      if (!req.ctx.teamsMessages.find(channelThread(channel), req.params.message!)) throw new GraphError(404, 'NotFound', 'The message was not found.');
      return collection(req, { shape: chatMessageShape, items: req.ctx.teamsMessages.replies(channelThread(channel), req.params.message!).map((m) => messageResource(req, m)), context: `teams('${channel.teamId}')/channels('${channel.channelId}')/messages('${req.params.message}')/replies`, pageSize: 20, maxPageSize: 50 });
    },
  },
  {
    method: 'POST',
    path: `${CHANNEL}/{message}/replies`,
    handler: (req) => {
      const channel = channelOf(req);
      const me = requireMember(req, channel.memberIds)!;
      const parent = req.ctx.teamsMessages.find(channelThread(channel), req.params.message!);
      // A reply to a reply is not a thing in Teams: replies hang off a top-level message.
      if (!parent || parent.replyToId !== null) throw new GraphError(404, 'NotFound', 'The message was not found.');
      return created(req, req.ctx.teamsMessages.post({ teamId: channel.teamId, channelId: channel.channelId }, me, content(req.body), req.ctx.clock.now(), parent.id));
    },
  },
  { method: 'POST', path: '/chats', handler: createChat },
  {
    path: '/chats/{chat}/messages',
    handler: (req) => {
      const chat = chatOf(req);
      requireMember(req, chat.memberIds);
      return collection(req, { shape: chatMessageShape, items: req.ctx.teamsMessages.list(chat.id).map((m) => messageResource(req, m)), context: `chats('${chat.id}')/messages`, pageSize: 20, maxPageSize: 50 });
    },
  },
  {
    method: 'POST',
    path: '/chats/{chat}/messages',
    handler: (req) => {
      const chat = chatOf(req);
      const me = requireMember(req, chat.memberIds)!;
      return created(req, req.ctx.teamsMessages.post({ chatId: chat.id }, me, content(req.body), req.ctx.clock.now()));
    },
  },
];
