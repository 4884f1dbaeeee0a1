// Calendar events written through Graph, per user, kept in the organisation file like the mailboxes (`clear` on
// reset). An event the
// organiser creates is copied into each attendee of the organisation's calendar under the same iCalUId, as Exchange
// delivers the invitation (https://learn.microsoft.com/graph/api/user-post-events: "the attendees receive a meeting
// request"); an update by the organiser reaches the copies; cancelling removes the organiser's event and marks the
// attendees' copies cancelled (https://learn.microsoft.com/graph/api/event-cancel). Times are kept as UTC instants.
import { randomUUID } from 'node:crypto';
import type { DirectoryStore } from '../../state/directory-store.js';
import type { User } from '../../state/directory-types.js';

export interface Attendee {
  address: string;
  name?: string;
  type: 'required' | 'optional' | 'resource';
}

export interface CalendarEvent {
  id: string;
  ownerId: string;
  iCalUId: string;
  organizer: { address: string; name: string };
  isOrganizer: boolean;
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  startMs: number;
  endMs: number;
  location: string;
  attendees: Attendee[];
  isCancelled: boolean;
  createdMs: number;
  modifiedMs: number;
}

export interface CalendarSnapshot {
  events: CalendarEvent[];
}

export type EventInput = Pick<CalendarEvent, 'subject' | 'body' | 'startMs' | 'endMs' | 'location' | 'attendees'>;

export class CalendarStore {
  private readonly byOwner = new Map<string, CalendarEvent[]>();
  /** Moves with every change, so the organisation file is written after it. */
  revision = 0;

  constructor(private readonly directory: DirectoryStore) {}

  events(owner: User): CalendarEvent[] {
    return (this.byOwner.get(owner.id) ?? []).slice().sort((a, b) => a.startMs - b.startMs);
  }

  find(owner: User, id: string): CalendarEvent | undefined {
    return this.byOwner.get(owner.id)?.find((e) => e.id === id);
  }

  create(organizer: User, input: EventInput, now: number): CalendarEvent {
    const base = {
      ...input,
      iCalUId: `040000008200E00074C5B7101A82E008${randomUUID().replace(/-/g, '').toUpperCase()}`,
      organizer: { address: organizer.mail ?? organizer.userPrincipalName, name: organizer.displayName },
      isCancelled: false,
      createdMs: now,
      modifiedMs: now,
    };
    const own: CalendarEvent = { ...base, id: randomUUID(), ownerId: organizer.id, isOrganizer: true };
    this.add(own);
    for (const attendee of this.internalAttendees(organizer, input.attendees)) this.add({ ...base, id: randomUUID(), ownerId: attendee.id, isOrganizer: false });
    return own;
  }

  /** The organiser's change, carried to every copy; attendees added get the event, those removed lose it. */
  update(event: CalendarEvent, changes: Partial<EventInput>, now: number): CalendarEvent {
    const organizer = this.directory.getUser(event.ownerId)!;
    const copies = this.copiesOf(event);
    for (const copy of copies) Object.assign(copy, changes, { modifiedMs: now });
    this.revision++;
    if (changes.attendees) {
      const wanted = new Set(this.internalAttendees(organizer, changes.attendees).map((u) => u.id));
      for (const copy of copies) if (!copy.isOrganizer && !wanted.has(copy.ownerId)) this.remove(copy);
      const present = new Set(copies.map((c) => c.ownerId));
      for (const ownerId of wanted) if (!present.has(ownerId)) this.add({ ...event, id: randomUUID(), ownerId, isOrganizer: false });
    }
    return event;
  }

  cancel(event: CalendarEvent, now: number): void {
    for (const copy of this.copiesOf(event)) {
      if (copy.isOrganizer) this.remove(copy);
      else Object.assign(copy, { isCancelled: true, modifiedMs: now });
    }
    this.revision++;
  }

  /** The user's events (not cancelled) overlapping [startMs, endMs). */
  busy(user: User, startMs: number, endMs: number): CalendarEvent[] {
    return this.events(user).filter((e) => !e.isCancelled && e.startMs < endMs && e.endMs > startMs);
  }

  clear(): void {
    this.byOwner.clear();
    this.revision++;
  }

  snapshot(): CalendarSnapshot {
    return { events: [...this.byOwner.values()].flat() };
  }

  load(data: CalendarSnapshot): void {
    this.byOwner.clear();
    for (const event of data.events ?? []) this.add(event);
  }

  private internalAttendees(organizer: User, attendees: Attendee[]): User[] {
    const found = new Map<string, User>();
    for (const a of attendees) {
      const address = a.address.toLowerCase();
      const user = this.directory.findUserByUpn(address, organizer.tenantId) ?? this.directory.usersOf(organizer.tenantId).find((u) => u.mail?.toLowerCase() === address);
      if (user && user.id !== organizer.id) found.set(user.id, user);
    }
    return [...found.values()];
  }

  private copiesOf(event: CalendarEvent): CalendarEvent[] {
    return [...this.byOwner.values()].flat().filter((e) => e.iCalUId === event.iCalUId);
  }

  private add(event: CalendarEvent): void {
    const list = this.byOwner.get(event.ownerId) ?? [];
    list.push(event);
    this.byOwner.set(event.ownerId, list);
    this.revision++;
  }

  private remove(event: CalendarEvent): void {
    const list = this.byOwner.get(event.ownerId) ?? [];
    this.byOwner.set(event.ownerId, list.filter((e) => e !== event));
    this.revision++;
  }
}
