// Outlook's Graph shapes as the hub's typed action shapes, and back: messages (https://learn.microsoft.com/graph/api/
// resources/message), events (resources/event; times asked in UTC with `Prefer: outlook.timezone="UTC"`, as
// event-get documents) and getSchedule's scheduleInformation (calendar-getschedule).
import type { CalendarEvent, CreateEventBody, MailMessage, ScheduleAnswer, UpdateEventBody } from '../../contract/action-schemas.js';

type Json = Record<string, unknown>;
type Address = { address: string; name?: string };

export const UTC_PREFERENCE = { prefer: 'outlook.timezone="UTC"' };

function address(value: unknown): Address | null {
  const email = (value as { emailAddress?: { address?: unknown; name?: unknown } } | null | undefined)?.emailAddress;
  if (!email || typeof email.address !== 'string') return null;
  return { address: email.address, ...(typeof email.name === 'string' ? { name: email.name } : {}) };
}
const addresses = (value: unknown) => (Array.isArray(value) ? value.map(address).filter((a): a is Address => a !== null) : []);
const text = (value: unknown) => (typeof value === 'string' ? value : '');
const orNull = (value: unknown) => (typeof value === 'string' ? value : null);

function bodyOf(value: unknown): MailMessage['body'] {
  const b = value as { contentType?: unknown; content?: unknown } | undefined;
  if (!b || typeof b.content !== 'string') return undefined;
  return { contentType: String(b.contentType).toLowerCase() === 'html' ? 'html' : 'text', content: b.content };
}

export function messageOf(g: Json, withBody: boolean): MailMessage {
  const body = withBody ? bodyOf(g.body) : undefined;
  return {
    id: text(g.id),
    subject: text(g.subject),
    from: address(g.from),
    toRecipients: addresses(g.toRecipients),
    ccRecipients: addresses(g.ccRecipients),
    receivedDateTime: orNull(g.receivedDateTime),
    sentDateTime: orNull(g.sentDateTime),
    isRead: g.isRead === true,
    isDraft: g.isDraft === true,
    hasAttachments: g.hasAttachments === true,
    bodyPreview: text(g.bodyPreview),
    ...(body ? { body } : {}),
    webLink: orNull(g.webLink),
  };
}

/** Graph's dateTimeTimeZone in UTC → ISO 8601. */
function instant(value: unknown): string {
  const dateTime = (value as { dateTime?: unknown } | undefined)?.dateTime;
  if (typeof dateTime !== 'string') return '';
  const ms = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(dateTime) ? dateTime : `${dateTime.slice(0, 23)}Z`);
  return Number.isNaN(ms) ? '' : new Date(ms).toISOString();
}

/** ISO 8601 → Graph's dateTimeTimeZone in UTC. */
export const dateTimeTimeZone = (iso: string) => ({ dateTime: new Date(iso).toISOString().slice(0, 19), timeZone: 'UTC' });

export function eventOf(g: Json): CalendarEvent {
  return {
    id: text(g.id),
    iCalUId: orNull(g.iCalUId),
    subject: text(g.subject),
    start: instant(g.start),
    end: instant(g.end),
    location: text((g.location as { displayName?: unknown } | undefined)?.displayName),
    isOrganizer: g.isOrganizer === true,
    isCancelled: g.isCancelled === true,
    organizer: address(g.organizer),
    attendees: Array.isArray(g.attendees)
      ? g.attendees.flatMap((a) => {
          const found = address(a);
          return found ? [{ ...found, type: text((a as { type?: unknown }).type) || 'required' }] : [];
        })
      : [],
    webLink: orNull(g.webLink),
  };
}

export function graphEventBody(input: CreateEventBody | UpdateEventBody): Json {
  return {
    ...(input.subject !== undefined ? { subject: input.subject } : {}),
    ...(input.body ? { body: { contentType: input.body.contentType === 'html' ? 'HTML' : 'Text', content: input.body.content } } : {}),
    ...(input.start ? { start: dateTimeTimeZone(input.start) } : {}),
    ...(input.end ? { end: dateTimeTimeZone(input.end) } : {}),
    ...(input.location !== undefined ? { location: { displayName: input.location } } : {}),
    ...(input.attendees ? { attendees: input.attendees.map((a) => ({ emailAddress: { address: a.address, ...(a.name ? { name: a.name } : {}) }, type: a.type ?? 'required' })) } : {}),
  };
}

export function scheduleOf(g: Json): ScheduleAnswer {
  const value = Array.isArray(g.value) ? (g.value as Json[]) : [];
  return {
    schedules: value.map((s) => ({
      address: text(s.scheduleId),
      availabilityView: orNull(s.availabilityView),
      busy: Array.isArray(s.scheduleItems)
        ? (s.scheduleItems as Json[]).map((i) => ({ start: instant(i.start), end: instant(i.end), status: text(i.status), ...(typeof i.subject === 'string' ? { subject: i.subject } : {}) }))
        : [],
      error: orNull((s.error as { message?: unknown } | undefined)?.message),
    })),
  };
}
