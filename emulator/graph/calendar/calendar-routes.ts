// Outlook calendar through Graph v1.0, stateful: list (user-list-events; the seeded two weeks and what was written),
// create (user-post-events: 201 with the event; attendees of the organisation get it in their calendars), get
// (event-get), update (event-update: PATCH, 200), cancel (event-cancel: 202, organiser only) and free/busy
// (calendar-getschedule: availabilityView of 0 free / 2 busy digits per interval, scheduleItems). A delegated token
// reaches only its own calendar through /users/{id}/… (ErrorAccessDenied otherwise); an application token any.
// Times are read and written in UTC: a dateTimeTimeZone naming another zone is refused (the emulator keeps no zones).
import { GraphError } from '../graph-errors.js';
import { collection, entity } from '../graph-response.js';
import { findUser, GraphReply, signedInUser, type GraphRoute, type GraphRouteRequest } from '../graph-router.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';
import { eventResources, eventShape } from '../resources/outlook-resources.js';
import type { User } from '../../state/directory-types.js';
import type { Attendee, CalendarEvent, EventInput } from './calendar-store.js';

export const writtenEventShape: ResourceShape = {
  ...eventShape,
  properties: [...eventShape.properties, 'body', 'iCalUId'],
  defaults: [...eventShape.defaults, 'body', 'iCalUId'],
};

const notFound = () => new GraphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
const invalid = (message: string) => new GraphError(400, 'ErrorInvalidRequest', message);

function calendarOwner(req: GraphRouteRequest): User {
  if (req.params.user === undefined) return signedInUser(req);
  const user = findUser(req, req.params.user);
  if (req.caller.kind === 'delegated' && user.id !== req.caller.userId) throw new GraphError(403, 'ErrorAccessDenied', 'Access is denied. Check credentials and try again.');
  return user;
}

const UTC_ZONES = new Set(['utc', 'etc/utc', 'gmt', 'coordinated universal time']);

function instant(value: unknown, name: string): number {
  const dt = value as { dateTime?: unknown; timeZone?: unknown } | undefined;
  if (!dt || typeof dt.dateTime !== 'string') throw invalid(`${name} needs a dateTime and a timeZone.`);
  if (dt.timeZone !== undefined && (typeof dt.timeZone !== 'string' || !UTC_ZONES.has(dt.timeZone.toLowerCase()))) {
    throw invalid(`${name}: the emulator keeps times in UTC only; send timeZone "UTC".`);
  }
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(dt.dateTime) ? dt.dateTime : `${dt.dateTime}Z`);
  if (Number.isNaN(ms)) throw invalid(`${name}.dateTime is not a date and time.`);
  return ms;
}

const local = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}.0000000`;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function attendeesOf(value: unknown): Attendee[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid('attendees must be an array of attendees.');
  return value.map((a) => {
    const raw = a as { emailAddress?: { address?: unknown; name?: unknown }; type?: unknown };
    const address = raw.emailAddress?.address;
    if (typeof address !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(address)) throw invalid('Each attendee needs emailAddress.address.');
    const type = raw.type === 'optional' || raw.type === 'resource' ? raw.type : 'required';
    return { address, ...(typeof raw.emailAddress?.name === 'string' ? { name: raw.emailAddress.name } : {}), type };
  });
}

/** The fields of an event body that are present (PATCH changes only those). */
function eventInput(body: unknown, partial: boolean): Partial<EventInput> {
  const b = (body ?? {}) as Record<string, unknown>;
  const out: Partial<EventInput> = {};
  if (b.subject !== undefined) out.subject = String(b.subject);
  if (b.body !== undefined) {
    const raw = b.body as { contentType?: unknown; content?: unknown };
    out.body = { contentType: String(raw.contentType).toLowerCase() === 'html' ? 'html' : 'text', content: typeof raw.content === 'string' ? raw.content : '' };
  }
  if (b.start !== undefined) out.startMs = instant(b.start, 'start');
  if (b.end !== undefined) out.endMs = instant(b.end, 'end');
  if (b.location !== undefined) out.location = String((b.location as { displayName?: unknown })?.displayName ?? '');
  if (b.attendees !== undefined) out.attendees = attendeesOf(b.attendees);
  if (!partial && (out.startMs === undefined || out.endMs === undefined)) throw invalid('An event needs start and end.');
  return out;
}

function eventResource(e: CalendarEvent): GraphObject {
  const text = e.body.contentType === 'html' ? e.body.content.replace(/<[^>]*>/g, ' ') : e.body.content;
  return {
    id: e.id,
    createdDateTime: iso(e.createdMs),
    lastModifiedDateTime: iso(e.modifiedMs),
    iCalUId: e.iCalUId,
    subject: e.subject,
    bodyPreview: text.replace(/\s+/g, ' ').trim().slice(0, 255),
    body: e.body,
    importance: 'normal',
    sensitivity: 'normal',
    isAllDay: false,
    isCancelled: e.isCancelled,
    isOrganizer: e.isOrganizer,
    isOnlineMeeting: false,
    showAs: e.isCancelled ? 'free' : 'busy',
    type: 'singleInstance',
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(e.id)}&exvsurl=1&path=/calendar/item`,
    start: { dateTime: local(e.startMs), timeZone: 'UTC' },
    end: { dateTime: local(e.endMs), timeZone: 'UTC' },
    location: { displayName: e.location, locationType: 'default' },
    organizer: { emailAddress: { name: e.organizer.name, address: e.organizer.address } },
    attendees: e.attendees.map((a) => ({ type: a.type, status: { response: 'none', time: '0001-01-01T00:00:00Z' }, emailAddress: { address: a.address, ...(a.name ? { name: a.name } : {}) } })),
  };
}

function ownEvent(req: GraphRouteRequest, owner: User): CalendarEvent {
  const found = req.ctx.calendars.find(owner, req.params.event!);
  if (!found) throw notFound();
  return found;
}

function list(req: GraphRouteRequest) {
  const owner = calendarOwner(req);
  const items = [...eventResources(owner, req.tenant, req.ctx.clock.now()), ...req.ctx.calendars.events(owner).map(eventResource)];
  return collection(req, { shape: writtenEventShape, items, context: `users('${owner.id}')/events`, pageSize: 10 });
}

function create(req: GraphRouteRequest): GraphReply {
  const owner = calendarOwner(req);
  const input = eventInput(req.body, false) as EventInput;
  if (input.endMs < input.startMs) throw invalid('The end of an event must not be before its start.');
  const event = req.ctx.calendars.create(owner, { ...{ subject: '', body: { contentType: 'text' as const, content: '' }, location: '', attendees: [] }, ...input }, req.ctx.clock.now());
  return new GraphReply(201, entity(req, writtenEventShape, eventResource(event), `users('${owner.id}')/events`));
}

function update(req: GraphRouteRequest) {
  const owner = calendarOwner(req);
  const event = ownEvent(req, owner);
  // Only the organiser's copy changes the meeting; an attendee's edits would stay in their own calendar in Exchange.
  if (!event.isOrganizer) throw new GraphError(403, 'ErrorAccessDenied', 'Only the organizer can change this meeting for its attendees.');
  const changes = eventInput(req.body, true);
  if ((changes.endMs ?? event.endMs) < (changes.startMs ?? event.startMs)) throw invalid('The end of an event must not be before its start.');
  req.ctx.calendars.update(event, changes, req.ctx.clock.now());
  return entity(req, writtenEventShape, eventResource(event), `users('${owner.id}')/events`);
}

function cancel(req: GraphRouteRequest): GraphReply {
  const owner = calendarOwner(req);
  const event = ownEvent(req, owner);
  if (!event.isOrganizer) throw new GraphError(400, 'ErrorAccessDenied', 'Your request can\'t be completed. You need to be an organizer to cancel a meeting.');
  req.ctx.calendars.cancel(event, req.ctx.clock.now());
  return new GraphReply(202);
}

/** calendar-getschedule: per address, an availabilityView digit per interval (0 free, 2 busy) and the busy items. */
function getSchedule(req: GraphRouteRequest) {
  calendarOwner(req);
  const body = (req.body ?? {}) as { schedules?: unknown; startTime?: unknown; endTime?: unknown; availabilityViewInterval?: unknown };
  if (!Array.isArray(body.schedules) || body.schedules.length === 0) throw invalid('schedules must list at least one address.');
  const start = instant(body.startTime, 'startTime');
  const end = instant(body.endTime, 'endTime');
  if (end <= start) throw invalid('endTime must be after startTime.');
  const interval = body.availabilityViewInterval === undefined ? 30 : Number(body.availabilityViewInterval);
  if (!Number.isInteger(interval) || interval < 5 || interval > 1440) throw invalid('availabilityViewInterval is 5 to 1440 minutes.');
  const slots = Math.ceil((end - start) / (interval * 60_000));
  return {
    '@odata.context': `${req.serviceRoot}/$metadata#Collection(microsoft.graph.scheduleInformation)`,
    value: body.schedules.map((address) => {
      const user = typeof address === 'string' ? req.ctx.directory.findUserByUpn(address, req.tenant.id) ?? req.ctx.directory.usersOf(req.tenant.id).find((u) => u.mail?.toLowerCase() === address.toLowerCase()) : undefined;
      if (!user) return { scheduleId: String(address), error: { message: 'The specified user is not found in the directory.', responseCode: 'ErrorMailRecipientNotFound' } };
      const seeded = eventResources(user, req.tenant, req.ctx.clock.now()).map((e) => ({
        subject: String(e.subject),
        location: String((e.location as { displayName: string }).displayName),
        startMs: Date.parse(`${(e.start as { dateTime: string }).dateTime.slice(0, 19)}Z`),
        endMs: Date.parse(`${(e.end as { dateTime: string }).dateTime.slice(0, 19)}Z`),
      }));
      const busy = [...seeded.filter((e) => e.startMs < end && e.endMs > start), ...req.ctx.calendars.busy(user, start, end)].sort((a, b) => a.startMs - b.startMs);
      const view = Array.from({ length: slots }, (_, i) => {
        const from = start + i * interval * 60_000;
        const to = Math.min(end, from + interval * 60_000);
        return busy.some((e) => e.startMs < to && e.endMs > from) ? '2' : '0';
      }).join('');
      return {
        scheduleId: address,
        availabilityView: view,
        scheduleItems: busy.map((e) => ({ isPrivate: false, status: 'busy', subject: e.subject, location: e.location, start: { dateTime: local(e.startMs), timeZone: 'UTC' }, end: { dateTime: local(e.endMs), timeZone: 'UTC' } })),
        workingHours: { daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], startTime: '08:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'UTC' } },
      };
    }),
  };
}

export const calendarRoutes: GraphRoute[] = ['/me', '/users/{user}'].flatMap((owner): GraphRoute[] => [
  { path: `${owner}/events`, handler: list },
  { method: 'POST', path: `${owner}/events`, handler: create },
  { path: `${owner}/events/{event}`, handler: (req) => entity(req, writtenEventShape, eventResource(ownEvent(req, calendarOwner(req))), `users('${calendarOwner(req).id}')/events`) },
  { method: 'PATCH', path: `${owner}/events/{event}`, handler: update },
  { method: 'POST', path: `${owner}/events/{event}/cancel`, handler: cancel },
  { method: 'POST', path: `${owner}/calendar/getSchedule`, handler: getSchedule },
]);
