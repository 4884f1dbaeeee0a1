// Outlook mail folders and calendar events as Microsoft Graph v1.0 returns them, deterministic per user.
//  - mailFolder: https://learn.microsoft.com/graph/api/resources/mailfolder (mailfolder-get, well-known names)
//  - event: https://learn.microsoft.com/graph/api/resources/event (user-list-events; default page size 10)
import type { Tenant, User } from '../../state/directory-types.js';
import { dayStart, isoSeconds, outlookId, stableNumber } from '../graph-data.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';

export const mailFolderShape: ResourceShape = {
  type: 'microsoft.graph.mailFolder',
  properties: ['id', 'displayName', 'parentFolderId', 'childFolderCount', 'unreadItemCount', 'totalItemCount', 'sizeInBytes', 'isHidden'],
  defaults: ['id', 'displayName', 'parentFolderId', 'childFolderCount', 'unreadItemCount', 'totalItemCount', 'sizeInBytes', 'isHidden'],
};

/** The well-known folder names the emulator serves (mailfolder resource, "Well-known folder names"). */
const wellKnownFolders: Record<string, string> = {
  inbox: 'Inbox',
  sentitems: 'Sent Items',
  drafts: 'Drafts',
  deleteditems: 'Deleted Items',
  archive: 'Archive',
};

export function mailFolderResource(user: User, name: string): GraphObject | undefined {
  const key = Object.keys(wellKnownFolders).find((k) => k === name.toLowerCase()) ?? Object.keys(wellKnownFolders).find((k) => outlookId(`${user.id}/folder/${k}`) === name);
  if (!key) return undefined;
  const total = key === 'inbox' ? 20 + stableNumber(`mail/${user.id}`, 180) : stableNumber(`mail/${user.id}/${key}`, 40);
  return {
    id: outlookId(`${user.id}/folder/${key}`),
    displayName: wellKnownFolders[key],
    parentFolderId: outlookId(`${user.id}/folder/msgfolderroot`),
    childFolderCount: 0,
    unreadItemCount: key === 'inbox' ? stableNumber(`unread/${user.id}`, Math.min(total, 15)) : 0,
    totalItemCount: total,
    sizeInBytes: total * 38_211,
    isHidden: false,
  };
}

export const calendarShape: ResourceShape = {
  type: 'microsoft.graph.calendar',
  properties: ['id', 'name', 'color', 'hexColor', 'isDefaultCalendar', 'changeKey', 'canShare', 'canViewPrivateItems', 'canEdit', 'allowedOnlineMeetingProviders', 'defaultOnlineMeetingProvider', 'isTallyingResponses', 'isRemovable', 'owner'],
  defaults: ['id', 'name', 'color', 'hexColor', 'isDefaultCalendar', 'changeKey', 'canShare', 'canViewPrivateItems', 'canEdit', 'allowedOnlineMeetingProviders', 'defaultOnlineMeetingProvider', 'isTallyingResponses', 'isRemovable', 'owner'],
};

/** The user's default calendar (https://learn.microsoft.com/graph/api/resources/calendar, calendar-get). */
export function calendarResource(user: User): GraphObject {
  return {
    id: outlookId(`${user.id}/calendar`),
    name: 'Calendar',
    color: 'auto',
    hexColor: '',
    isDefaultCalendar: true,
    changeKey: outlookId(`${user.id}/calendar/change`).slice(4, 28),
    canShare: true,
    canViewPrivateItems: true,
    canEdit: true,
    allowedOnlineMeetingProviders: ['teamsForBusiness'],
    defaultOnlineMeetingProvider: 'teamsForBusiness',
    isTallyingResponses: true,
    isRemovable: false,
    owner: { name: user.displayName, address: user.mail ?? user.userPrincipalName },
  };
}

export const eventShape: ResourceShape = {
  type: 'microsoft.graph.event',
  properties: [
    'id', 'createdDateTime', 'lastModifiedDateTime', 'subject', 'bodyPreview', 'importance', 'sensitivity', 'isAllDay', 'isCancelled', 'isOrganizer',
    'isOnlineMeeting', 'showAs', 'type', 'webLink', 'start', 'end', 'location', 'organizer', 'attendees',
  ],
  defaults: [
    'id', 'createdDateTime', 'lastModifiedDateTime', 'subject', 'bodyPreview', 'importance', 'sensitivity', 'isAllDay', 'isCancelled', 'isOrganizer',
    'isOnlineMeeting', 'showAs', 'type', 'webLink', 'start', 'end', 'location', 'organizer', 'attendees',
  ],
  filterable: ['subject', 'isAllDay', 'isCancelled'],
};

const subjects = ['Team stand-up', 'Quarterly planning', 'Security review', 'Customer call', 'One-to-one', 'Design review', 'Compliance training'];

/** Two weeks of events from the emulator clock's day: one a day at 09:00 + n hours UTC. */
export function eventResources(user: User, tenant: Tenant, nowMs: number): GraphObject[] {
  const day0 = dayStart(nowMs);
  const mailbox = { emailAddress: { name: user.displayName, address: user.mail ?? user.userPrincipalName } };
  return Array.from({ length: 14 }, (_, i) => {
    const subject = subjects[i % subjects.length]!;
    const start = day0 + i * 86_400_000 + (9 + (i % 5)) * 3_600_000;
    const id = outlookId(`${user.id}/event/${i}/${subject}`);
    const local = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}.0000000`;
    return {
      id,
      createdDateTime: isoSeconds(day0 - 7 * 86_400_000),
      lastModifiedDateTime: isoSeconds(day0 - 86_400_000),
      subject,
      bodyPreview: `${subject} for ${tenant.displayName}.`,
      importance: 'normal',
      sensitivity: 'normal',
      isAllDay: false,
      isCancelled: false,
      isOrganizer: true,
      isOnlineMeeting: i % 2 === 0,
      showAs: 'busy',
      type: 'singleInstance',
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(id)}&exvsurl=1&path=/calendar/item`,
      start: { dateTime: local(start), timeZone: 'UTC' },
      end: { dateTime: local(start + 30 * 60_000), timeZone: 'UTC' },
      location: { displayName: i % 2 === 0 ? 'Microsoft Teams Meeting' : 'Room 1', locationType: 'default' },
      organizer: mailbox,
      attendees: [],
    };
  });
}
