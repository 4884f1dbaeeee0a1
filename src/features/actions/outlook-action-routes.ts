// Outlook actions beside sending mail: list and read messages (user-list-messages, mailfolder-list-messages,
// message-get), drafts (user-post-messages: Mail.ReadWrite), calendar events (user-list-events, user-post-events, event-update, event-cancel:
// Calendars.ReadWrite) and free/busy (calendar-getschedule). Delegated as the acting user, or in application mode in
// `mailbox`. Writes are idempotent through Idempotency-Key and audited; reads of a message's content are audited.
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { IDEMPOTENCY_KEY_HEADER } from '../../contract/api-schemas.js';
import { WorkspaceParams } from '../../contract/api-schemas.js';
import {
  ActingQuery,
  ActionAccepted,
  CalendarEvent,
  CalendarEventPage,
  CancelEventBody,
  CreateDraftBody,
  CreateEventBody,
  EventListQuery,
  EventParams,
  MailMessage,
  MailMessagePage,
  MessageListQuery,
  MessageParams,
  ScheduleAnswer,
  ScheduleBody,
  UpdateEventBody,
} from '../../contract/action-schemas.js';
import { auditContextOf } from '../../platform/http/authenticate.js';
import { HttpProblem } from '../../platform/http/http-problem.js';
import type { Database } from '../../platform/store/schema.js';
import type { Clock } from '../../platform/time/clock.js';
import { recordAudit } from '../audit/index.js';
import { actorFor, type ActorServices } from './action-actor.js';
import { writeOnce } from './action-write.js';
import { cursorOf, pagingOf } from './graph-page.js';
import { recipients } from './mail-action.js';
import { reading } from './graph-read-failure.js';
import { dateTimeTimeZone, eventOf, graphEventBody, messageOf, scheduleOf, UTC_PREFERENCE } from './outlook-graph.js';

type Json = Record<string, unknown>;
const tags = ['actions'];
const ONCE = `Send an ${IDEMPOTENCY_KEY_HEADER} header: a retry with the same key answers the first outcome and never acts twice`;
const MESSAGE_FIELDS = 'id,subject,from,toRecipients,ccRecipients,receivedDateTime,sentDateTime,isRead,isDraft,hasAttachments,bodyPreview,webLink';

function checkTimes(start: string | undefined, end: string | undefined): void {
  if (start !== undefined && end !== undefined && Date.parse(end) < Date.parse(start)) {
    throw new HttpProblem('validation_failed', { detail: 'end must not be before start.', errors: [{ pointer: '/end', detail: 'is before start' }] });
  }
}

export function registerOutlookActionRoutes(server: FastifyInstance, deps: ActorServices & { db: Kysely<Database>; clock: Clock }): void {
  const api = server.withTypeProvider<TypeBoxTypeProvider>();
  const base = '/api/v1/workspaces/:workspaceId/actions';
  const admin = { access: 'workspace_admin' as const };

  api.get(
    `${base}/mail/messages`,
    { config: admin, schema: { tags, summary: 'List messages of the acting user (delegated) or of `mailbox` (application), newest first; `folder` narrows to inbox, sentitems or drafts', params: WorkspaceParams, querystring: MessageListQuery, response: { 200: MailMessagePage } } },
    async (request) => {
      const { folder, limit, cursor, ...acting } = request.query;
      const actor = await actorFor(request, deps, 'mail', acting);
      const path = folder ? `${actor.base}/mailFolders/${folder}/messages` : `${actor.base}/messages`;
      const page = await reading(() => actor.graph.get<{ value: Json[]; '@odata.nextLink'?: string }>(path, { query: { $top: limit ?? 25, $select: MESSAGE_FIELDS, ...pagingOf(cursor) } }));
      return { items: page.value.map((m) => messageOf(m, false)), nextCursor: cursorOf(page['@odata.nextLink']) };
    },
  );

  api.get(
    `${base}/mail/messages/:messageId`,
    { config: admin, schema: { tags, summary: 'Read one message, body included (audited)', params: MessageParams, querystring: ActingQuery, response: { 200: MailMessage } } },
    async (request) => {
      const actor = await actorFor(request, deps, 'mail', request.query);
      const message = await reading(() => actor.graph.get<Json>(`${actor.base}/messages/${encodeURIComponent(request.params.messageId)}`));
      await recordAudit(deps.db, { workspaceId: actor.workspaceId, ...auditContextOf(request, deps.clock), action: 'action.mail_read', target: { type: 'mailbox', id: actor.who }, data: { mode: actor.mode } });
      return messageOf(message, true);
    },
  );

  api.post(
    `${base}/mail/drafts`,
    { config: admin, schema: { tags, summary: `Save a draft in the acting user's Drafts (user-post-messages); nothing is sent. ${ONCE}`, params: WorkspaceParams, body: CreateDraftBody, response: { 201: MailMessage } } },
    async (request, reply) => {
      const { to, cc, subject, body } = request.body;
      const actor = await actorFor(request, deps, 'mail', request.body);
      const draft = await writeOnce(deps, request, reply, actor, {
        kind: 'mail.draft',
        request: request.body,
        work: async () =>
          messageOf(await actor.graph.post<Json>(`${actor.base}/messages`, { subject, body: { contentType: body.contentType === 'html' ? 'HTML' : 'Text', content: body.content }, toRecipients: recipients(to), ccRecipients: recipients(cc) }), true),
        audit: (result) => ({ action: 'action.mail_draft_saved', target: { type: 'mailbox', id: actor.who }, data: { messageId: result.id, recipients: (to?.length ?? 0) + (cc?.length ?? 0) } }),
      });
      return reply.code(201).send(draft);
    },
  );

  api.get(
    `${base}/calendar/events`,
    { config: admin, schema: { tags, summary: 'List events of the acting user’s calendar (delegated) or of `mailbox` (application); times in UTC', params: WorkspaceParams, querystring: EventListQuery, response: { 200: CalendarEventPage } } },
    async (request) => {
      const { limit, cursor, ...acting } = request.query;
      const actor = await actorFor(request, deps, 'calendar', acting);
      const page = await reading(() => actor.graph.get<{ value: Json[]; '@odata.nextLink'?: string }>(`${actor.base}/events`, { headers: UTC_PREFERENCE, query: { $top: limit ?? 25, ...pagingOf(cursor) } }));
      return { items: page.value.map(eventOf), nextCursor: cursorOf(page['@odata.nextLink']) };
    },
  );

  api.post(
    `${base}/calendar/events`,
    { config: admin, schema: { tags, summary: `Create an event; attendees receive the invitation. ${ONCE}`, params: WorkspaceParams, body: CreateEventBody, response: { 201: CalendarEvent } } },
    async (request, reply) => {
      const { mode: _m, mailbox: _b, tenant: _t, ...event } = request.body;
      checkTimes(event.start, event.end);
      const actor = await actorFor(request, deps, 'calendar', request.body);
      const created = await writeOnce(deps, request, reply, actor, {
        kind: 'calendar.create',
        request: request.body,
        work: async () => eventOf(await actor.graph.post<Json>(`${actor.base}/events`, graphEventBody(event), { headers: UTC_PREFERENCE })),
        audit: (result) => ({ action: 'action.event_created', target: { type: 'event', id: result.id }, data: { attendees: event.attendees?.length ?? 0 } }),
      });
      return reply.code(201).send(created);
    },
  );

  api.patch(
    `${base}/calendar/events/:eventId`,
    { config: admin, schema: { tags, summary: `Change an event (the organiser's change reaches the attendees). ${ONCE}`, params: EventParams, body: UpdateEventBody, response: { 200: CalendarEvent } } },
    async (request, reply) => {
      const { mode: _m, mailbox: _b, tenant: _t, ...changes } = request.body;
      checkTimes(changes.start, changes.end);
      const actor = await actorFor(request, deps, 'calendar', request.body);
      const eventId = request.params.eventId;
      return writeOnce(deps, request, reply, actor, {
        kind: 'calendar.update',
        request: { eventId, ...request.body },
        work: async () => eventOf(await actor.graph.patch<Json>(`${actor.base}/events/${encodeURIComponent(eventId)}`, graphEventBody(changes), { headers: UTC_PREFERENCE })),
        audit: () => ({ action: 'action.event_updated', target: { type: 'event', id: eventId }, data: { fields: Object.keys(changes) } }),
      });
    },
  );

  api.post(
    `${base}/calendar/events/:eventId/cancel`,
    { config: admin, schema: { tags, summary: `Cancel a meeting the acting user organises; attendees receive the cancellation. ${ONCE}`, params: EventParams, body: CancelEventBody, response: { 202: ActionAccepted } } },
    async (request, reply) => {
      const actor = await actorFor(request, deps, 'calendar', request.body);
      const eventId = request.params.eventId;
      const accepted = await writeOnce(deps, request, reply, actor, {
        kind: 'calendar.cancel',
        request: { eventId, ...request.body },
        work: async () => {
          await actor.graph.post(`${actor.base}/events/${encodeURIComponent(eventId)}/cancel`, request.body.comment ? { comment: request.body.comment } : {});
          return { action: 'calendar.cancel', acceptedAt: deps.clock.now().toISOString() };
        },
        audit: () => ({ action: 'action.event_cancelled', target: { type: 'event', id: eventId } }),
      });
      return reply.code(202).send(accepted);
    },
  );

  api.post(
    `${base}/calendar/schedule`,
    { config: admin, schema: { tags, summary: 'Free/busy of people and rooms between start and end (getSchedule), per interval', params: WorkspaceParams, body: ScheduleBody, response: { 200: ScheduleAnswer } } },
    async (request) => {
      const { schedules, start, end, intervalMinutes } = request.body;
      checkTimes(start, end);
      const actor = await actorFor(request, deps, 'calendar', request.body);
      const answer = await reading(() =>
        actor.graph.post<Json>(`${actor.base}/calendar/getSchedule`, { schedules, startTime: dateTimeTimeZone(start), endTime: dateTimeTimeZone(end), availabilityViewInterval: intervalMinutes ?? 30 }, { headers: UTC_PREFERENCE }),
      );
      return scheduleOf(answer);
    },
  );
}
