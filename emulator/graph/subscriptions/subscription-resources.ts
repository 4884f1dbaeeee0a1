// Which resources a subscription may watch, for how long, and with which permission. The lifetimes are Microsoft's
// "Maximum length of subscription per resource type" (https://learn.microsoft.com/graph/api/resources/subscription);
// the permissions are those of reading the resource, as the create call's "Permissions" table lists them per resource
// (https://learn.microsoft.com/graph/api/subscription-post-subscriptions).

export type WatchedKind = 'user' | 'group' | 'message' | 'event' | 'driveItem' | 'channelMessage';

export interface WatchedResource {
  kind: WatchedKind;
  /** The one object watched (`users/{id}`), or undefined for a collection (`users`). */
  objectId: string | undefined;
  /** The mailbox, calendar or drive owner (`me` resolved by the caller), when the path names one. */
  ownerId: string | undefined;
  maxMinutes: number;
  delegated: readonly string[];
  application: readonly string[];
}

const DIRECTORY_MINUTES = 41_760;
const OUTLOOK_MINUTES = 4_230;
const DRIVE_MINUTES = 42_300;
const CHAT_MESSAGE_MINUTES = 60;

interface Pattern {
  regex: RegExp;
  kind: WatchedKind;
  maxMinutes: number;
  delegated: readonly string[];
  application: readonly string[];
  /** Capture group indexes: owner, object. */
  owner?: number;
  object?: number;
}

const PATTERNS: Pattern[] = [
  { regex: /^users$/i, kind: 'user', maxMinutes: DIRECTORY_MINUTES, delegated: ['User.Read.All', 'Directory.Read.All'], application: ['User.Read.All', 'Directory.Read.All'] },
  { regex: /^users\/([^/]+)$/i, kind: 'user', object: 1, maxMinutes: DIRECTORY_MINUTES, delegated: ['User.Read.All', 'Directory.Read.All'], application: ['User.Read.All', 'Directory.Read.All'] },
  { regex: /^groups$/i, kind: 'group', maxMinutes: DIRECTORY_MINUTES, delegated: ['Group.Read.All', 'Directory.Read.All'], application: ['Group.Read.All', 'Directory.Read.All'] },
  { regex: /^groups\/([^/]+)$/i, kind: 'group', object: 1, maxMinutes: DIRECTORY_MINUTES, delegated: ['Group.Read.All', 'Directory.Read.All'], application: ['Group.Read.All', 'Directory.Read.All'] },
  { regex: /^(me|users\/[^/]+)\/(mailFolders\('?[^/']+'?\)\/)?messages$/i, kind: 'message', owner: 1, maxMinutes: OUTLOOK_MINUTES, delegated: ['Mail.Read'], application: ['Mail.Read'] },
  { regex: /^(me|users\/[^/]+)\/events$/i, kind: 'event', owner: 1, maxMinutes: OUTLOOK_MINUTES, delegated: ['Calendars.Read', 'Calendars.ReadWrite'], application: ['Calendars.Read', 'Calendars.ReadWrite'] },
  { regex: /^(me\/drive|drives\/[^/]+)\/root$/i, kind: 'driveItem', owner: 1, maxMinutes: DRIVE_MINUTES, delegated: ['Files.Read', 'Files.ReadWrite', 'Files.Read.All', 'Files.ReadWrite.All'], application: ['Files.Read.All', 'Files.ReadWrite.All'] },
  { regex: /^teams\/[^/]+\/channels\/[^/]+\/messages$/i, kind: 'channelMessage', maxMinutes: CHAT_MESSAGE_MINUTES, delegated: ['ChannelMessage.Read.All'], application: ['ChannelMessage.Read.All'] },
];

/** `undefined` when Graph cannot notify on the resource (the create call then answers 400). */
export function watchedResource(resource: string): WatchedResource | undefined {
  const path = resource.trim().replace(/^\/+/, '').replace(/\/+$/, '');
  for (const p of PATTERNS) {
    const m = p.regex.exec(path);
    if (!m) continue;
    const owner = p.owner !== undefined ? m[p.owner] : undefined;
    return {
      kind: p.kind,
      objectId: p.object !== undefined ? m[p.object]?.toLowerCase() : undefined,
      ownerId: owner === undefined ? undefined : owner.toLowerCase().startsWith('users/') ? owner.slice('users/'.length).toLowerCase() : owner.toLowerCase(),
      maxMinutes: p.maxMinutes,
      delegated: p.delegated,
      application: p.application,
    };
  }
  return undefined;
}
