// Mail written through Graph: each user's Inbox, Sent Items and Drafts, kept in the organisation file like the
// directory (`snapshot`/`load`; `reset` empties them). A message
// sent to users of the emulated organisation lands in each recipient's Inbox; mail to other addresses leaves the
// organisation (it is kept only in the sender's Sent Items).
import { randomUUID } from 'node:crypto';
import type { DirectoryStore } from '../../state/directory-store.js';
import type { User } from '../../state/directory-types.js';

export type FolderName = 'inbox' | 'sentitems' | 'drafts';
export const FOLDERS: readonly FolderName[] = ['inbox', 'sentitems', 'drafts'];

export interface Recipient {
  emailAddress: { address: string; name?: string };
}

export interface MailMessage {
  id: string;
  folder: FolderName;
  ownerId: string;
  subject: string;
  body: { contentType: 'text' | 'html'; content: string };
  from: Recipient;
  toRecipients: Recipient[];
  ccRecipients: Recipient[];
  attachments: { name: string; contentType: string; size: number }[];
  createdAt: number;
  sentAt: number | null;
  internetMessageId: string;
  conversationId: string;
  isRead: boolean;
}

export type MessageListener = (message: MailMessage) => void;

export interface MailboxSnapshot {
  messages: MailMessage[];
}

export class MailboxStore {
  private readonly byOwner = new Map<string, MailMessage[]>();
  private readonly listeners: MessageListener[] = [];
  /** Moves with every change, so the organisation file is written after it. */
  revision = 0;

  constructor(private readonly directory: DirectoryStore) {}

  onDelivered(listener: MessageListener): void {
    this.listeners.push(listener);
  }

  messages(owner: User, folder?: FolderName): MailMessage[] {
    const all = this.byOwner.get(owner.id) ?? [];
    return (folder ? all.filter((m) => m.folder === folder) : all).slice().sort((a, b) => (b.sentAt ?? b.createdAt) - (a.sentAt ?? a.createdAt));
  }

  find(owner: User, id: string): MailMessage | undefined {
    return this.byOwner.get(owner.id)?.find((m) => m.id === id);
  }

  /** Sends as `sender`: a copy in each internal recipient's Inbox, and one in Sent Items when asked. */
  send(sender: User, draft: Omit<MailMessage, 'id' | 'folder' | 'ownerId' | 'createdAt' | 'sentAt' | 'internetMessageId' | 'conversationId' | 'isRead' | 'from'>, now: number, saveToSentItems: boolean): void {
    const internetMessageId = `<${randomUUID()}@emulator.m365hub>`;
    const conversationId = randomUUID();
    const from = { emailAddress: { address: sender.mail ?? sender.userPrincipalName, name: sender.displayName } };
    const base = { ...draft, from, createdAt: now, sentAt: now, internetMessageId, conversationId };
    if (saveToSentItems) this.add(sender.id, { ...base, id: randomUUID(), folder: 'sentitems', ownerId: sender.id, isRead: true });
    const addresses = new Set([...draft.toRecipients, ...draft.ccRecipients].map((r) => r.emailAddress.address.toLowerCase()));
    for (const address of addresses) {
      const recipient = this.directory.findUserByUpn(address, sender.tenantId) ?? this.directory.usersOf(sender.tenantId).find((u) => u.mail?.toLowerCase() === address);
      if (!recipient) continue;
      const delivered: MailMessage = { ...base, id: randomUUID(), folder: 'inbox', ownerId: recipient.id, isRead: false };
      this.add(recipient.id, delivered);
      for (const listener of this.listeners) listener(delivered);
    }
  }

  /** A draft in the owner's Drafts folder (user-post-messages): not sent, so no one else receives it. */
  saveDraft(owner: User, draft: Omit<MailMessage, 'id' | 'folder' | 'ownerId' | 'createdAt' | 'sentAt' | 'internetMessageId' | 'conversationId' | 'isRead' | 'from'>, now: number): MailMessage {
    const message: MailMessage = {
      ...draft,
      id: randomUUID(),
      folder: 'drafts',
      ownerId: owner.id,
      from: { emailAddress: { address: owner.mail ?? owner.userPrincipalName, name: owner.displayName } },
      createdAt: now,
      sentAt: null,
      internetMessageId: `<${randomUUID()}@emulator.m365hub>`,
      conversationId: randomUUID(),
      isRead: true,
    };
    this.add(owner.id, message);
    return message;
  }

  clear(): void {
    this.byOwner.clear();
    this.revision++;
  }

  snapshot(): MailboxSnapshot {
    return { messages: [...this.byOwner.values()].flat() };
  }

  load(data: MailboxSnapshot): void {
    this.byOwner.clear();
    for (const message of data.messages ?? []) this.add(message.ownerId, message);
    this.revision++;
  }

  private add(ownerId: string, message: MailMessage): void {
    const list = this.byOwner.get(ownerId) ?? [];
    list.push(message);
    this.byOwner.set(ownerId, list);
    this.revision++;
  }
}
