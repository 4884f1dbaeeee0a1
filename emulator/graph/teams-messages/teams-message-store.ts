// Teams messages written through Graph, kept in the organisation file like the mailboxes (`clear` on reset): channel messages with
// their replies, and chats with their members and messages.
import { randomUUID } from 'node:crypto';
import type { DirectoryStore } from '../../state/directory-store.js';
import type { User } from '../../state/directory-types.js';

export interface TeamsMessage {
  id: string;
  replyToId: string | null;
  fromUserId: string;
  body: { contentType: 'text' | 'html'; content: string };
  subject: string | null;
  createdMs: number;
  /** Channel: `${teamId}/${channelId}`; chat: the chat id. */
  thread: string;
  teamId?: string;
  channelId?: string;
  chatId?: string;
}

export interface Chat {
  id: string;
  tenantId: string;
  chatType: 'oneOnOne' | 'group';
  topic: string | null;
  memberIds: string[];
  createdMs: number;
}

export interface TeamsMessageSnapshot {
  messages: TeamsMessage[];
  chats: Chat[];
  lastId: number;
}

export class TeamsMessageStore {
  private readonly messages: TeamsMessage[] = [];
  private readonly chats = new Map<string, Chat>();
  // Graph's message ids are the milliseconds of their creation; one more per message keeps them unique.
  private lastId = 0;
  /** Moves with every change, so the organisation file is written after it. */
  revision = 0;

  constructor(private readonly directory: DirectoryStore) {}

  post(thread: { teamId: string; channelId: string } | { chatId: string }, from: User, content: Pick<TeamsMessage, 'body' | 'subject'>, now: number, replyToId: string | null = null): TeamsMessage {
    this.lastId = Math.max(this.lastId + 1, now);
    const message: TeamsMessage = {
      id: String(this.lastId),
      replyToId,
      fromUserId: from.id,
      ...content,
      createdMs: now,
      thread: 'chatId' in thread ? thread.chatId : `${thread.teamId}/${thread.channelId}`,
      ...thread,
    };
    this.messages.push(message);
    this.revision++;
    return message;
  }

  /** Top-level messages of a channel or chat, newest first (replies: `replies`). */
  list(thread: string): TeamsMessage[] {
    return this.messages.filter((m) => m.thread === thread && m.replyToId === null).sort((a, b) => b.createdMs - a.createdMs || Number(b.id) - Number(a.id));
  }

  find(thread: string, id: string): TeamsMessage | undefined {
    return this.messages.find((m) => m.thread === thread && m.id === id);
  }

  replies(thread: string, id: string): TeamsMessage[] {
    return this.messages.filter((m) => m.thread === thread && m.replyToId === id).sort((a, b) => b.createdMs - a.createdMs || Number(b.id) - Number(a.id));
  }

  createChat(tenantId: string, chatType: Chat['chatType'], memberIds: string[], topic: string | null, now: number): Chat {
    // A one-on-one chat between two people is one chat, whoever creates it (chat-post: "returns the existing chat").
    if (chatType === 'oneOnOne') {
      const existing = [...this.chats.values()].find((c) => c.chatType === 'oneOnOne' && c.memberIds.length === memberIds.length && memberIds.every((id) => c.memberIds.includes(id)));
      if (existing) return existing;
    }
    const chat: Chat = { id: `19:${randomUUID().replace(/-/g, '')}@thread.v2`, tenantId, chatType, topic, memberIds, createdMs: now };
    this.chats.set(chat.id, chat);
    this.revision++;
    return chat;
  }

  chat(id: string): Chat | undefined {
    return this.chats.get(id);
  }

  user(id: string): User | undefined {
    return this.directory.getUser(id);
  }

  clear(): void {
    this.messages.length = 0;
    this.chats.clear();
    this.lastId = 0;
    this.revision++;
  }

  snapshot(): TeamsMessageSnapshot {
    return { messages: this.messages, chats: [...this.chats.values()], lastId: this.lastId };
  }

  load(data: TeamsMessageSnapshot): void {
    this.messages.splice(0, this.messages.length, ...(data.messages ?? []));
    this.chats.clear();
    for (const chat of data.chats ?? []) this.chats.set(chat.id, chat);
    this.lastId = data.lastId ?? 0;
    this.revision++;
  }
}
