// Teams actions: list a team's channels (channel-list: Channel.ReadBasic.All), post a channel message
// (chatmessage-post: ChannelMessage.Send), reply to one (chatmessage-post-replies) and send a chat message
// (chatmessage-post: ChatMessage.Send). Delegated only: Microsoft lets an application post only when importing
// messages (Teamwork.Migrate.All, "Application permissions are only supported for migration"), so application mode
// is answered with a problem saying so instead of failing at Microsoft. Posts are idempotent and audited.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { IDEMPOTENCY_KEY_HEADER } from '../../contract/api-schemas.js';
import { ActingQuery, ChannelParams, ChatParams, ReplyParams, TeamParams, TeamsChannelList, TeamsMessageBody, TeamsMessagePosted } from '../../contract/action-schemas.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { actorFor, type ActorServices } from './action-actor.js';
import { writeOnce } from './action-write.js';
import { reading } from './graph-read-failure.js';

type Json = Record<string, unknown>;
const tags = ['actions'];
const ONCE = `Send an ${IDEMPOTENCY_KEY_HEADER} header: a retry with the same key answers the first outcome and never posts twice`;
const DELEGATED_ONLY =
  'Microsoft Graph lets an application post Teams channel or chat messages only when importing (migrating) messages (Teamwork.Migrate.All; https://learn.microsoft.com/graph/api/chatmessage-post). Post as a connected user: delegated mode with X-M365Hub-Acting-User.';
const LIST_DELEGATED_ONLY =
  "Teams actions run as a connected user: the workspace's Teams messages service has no application mode. Use delegated mode with X-M365Hub-Acting-User.";

const str = (value: unknown) => (typeof value === 'string' ? value : null);
const posted = (g: Json): TeamsMessagePosted => ({ id: String(g.id ?? ''), createdDateTime: String(g.createdDateTime ?? ''), webUrl: str(g.webUrl) });
const graphMessage = (input: TeamsMessageBody) => ({ body: { contentType: input.body.contentType, content: input.body.content }, ...(input.subject ? { subject: input.subject } : {}) });
const enc = encodeURIComponent;

export function registerTeamsActionRoutes(server: FastifyInstance, deps: ActorServices & { db: Kysely<Database>; clock: Clock }): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/actions';
  const admin = { access: 'workspace_admin' as const };

  api.get(
    `${base}/teams/:teamId/channels`,
    { config: admin, schema: { tags, summary: "A team's channels the acting user can see", params: TeamParams, querystring: ActingQuery, response: { 200: TeamsChannelList } } },
    async (request) => {
      const actor = await actorFor(request, deps, 'teams-messages', request.query, { delegatedOnly: LIST_DELEGATED_ONLY });
      const page = await reading(() => actor.graph.get<{ value: Json[] }>(`/teams/${enc(request.params.teamId)}/channels`));
      return { items: page.value.map((c) => ({ id: String(c.id ?? ''), displayName: String(c.displayName ?? ''), description: str(c.description), membershipType: str(c.membershipType), webUrl: str(c.webUrl) })), nextCursor: null };
    },
  );

  api.post(
    `${base}/teams/:teamId/channels/:channelId/messages`,
    { config: admin, schema: { tags, summary: `Post a message in a channel as the acting user. ${ONCE}`, params: ChannelParams, body: TeamsMessageBody, response: { 201: TeamsMessagePosted } } },
    async (request, reply) => {
      const { teamId, channelId } = request.params;
      const actor = await actorFor(request, deps, 'teams-messages', request.body, { delegatedOnly: DELEGATED_ONLY });
      const message = await writeOnce(deps, request, reply, actor, {
        kind: 'teams.channel_message',
        request: { teamId, channelId, ...request.body },
        work: async () => posted(await actor.graph.post<Json>(`/teams/${enc(teamId)}/channels/${enc(channelId)}/messages`, graphMessage(request.body))),
        audit: (result) => ({ action: 'action.teams_message_posted', target: { type: 'teams_channel', id: channelId }, data: { teamId, messageId: result.id } }),
      });
      return reply.code(201).send(message);
    },
  );

  api.post(
    `${base}/teams/:teamId/channels/:channelId/messages/:messageId/replies`,
    { config: admin, schema: { tags, summary: `Reply to a channel message as the acting user. ${ONCE}`, params: ReplyParams, body: TeamsMessageBody, response: { 201: TeamsMessagePosted } } },
    async (request, reply) => {
      const { teamId, channelId, messageId } = request.params;
      const actor = await actorFor(request, deps, 'teams-messages', request.body, { delegatedOnly: DELEGATED_ONLY });
      const message = await writeOnce(deps, request, reply, actor, {
        kind: 'teams.channel_reply',
        request: { teamId, channelId, messageId, ...request.body },
        work: async () => posted(await actor.graph.post<Json>(`/teams/${enc(teamId)}/channels/${enc(channelId)}/messages/${enc(messageId)}/replies`, graphMessage(request.body))),
        audit: (result) => ({ action: 'action.teams_reply_posted', target: { type: 'teams_channel', id: channelId }, data: { teamId, replyTo: messageId, messageId: result.id } }),
      });
      return reply.code(201).send(message);
    },
  );

  api.post(
    `${base}/chats/:chatId/messages`,
    { config: admin, schema: { tags, summary: `Send a message in a Teams chat the acting user is in. ${ONCE}`, params: ChatParams, body: TeamsMessageBody, response: { 201: TeamsMessagePosted } } },
    async (request, reply) => {
      const { chatId } = request.params;
      const actor = await actorFor(request, deps, 'teams-messages', request.body, { delegatedOnly: DELEGATED_ONLY });
      const message = await writeOnce(deps, request, reply, actor, {
        kind: 'teams.chat_message',
        request: { chatId, ...request.body },
        work: async () => posted(await actor.graph.post<Json>(`/chats/${enc(chatId)}/messages`, graphMessage(request.body))),
        audit: (result) => ({ action: 'action.chat_message_sent', target: { type: 'teams_chat', id: chatId }, data: { messageId: result.id } }),
      });
      return reply.code(201).send(message);
    },
  );
}
