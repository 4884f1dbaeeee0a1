// Outlook calendar and Teams messages through the emulator's Graph, stateful: an event created with attendees is in
// their calendars (user-post-events), an update reaches them (event-update), cancel removes the organiser's event
// and marks the attendees' copies cancelled (event-cancel: 202, organiser only), getSchedule reflects it
// (calendar-getschedule: availabilityView digits 0 free / 2 busy); channel messages and replies are listed
// (chatmessage-post, chatmessage-post-replies, channel-list-messages), chats carry messages (chat-post,
// chat-list-messages); application tokens cannot post (Teamwork.Migrate.All is migration-only, chatmessage-post).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../harness.js';
import { appWithRoles, graphGet, userToken } from './graph-test-client.js';

let emulator: EmulatorHandle;
let tid: string;
let dana: string;
let lee: string;
const danaUpn = 'dana@contoso.onmicrosoft.com';
const leeUpn = 'lee@contoso.onmicrosoft.com';

before(async () => {
  emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
  tid = emulator.tenantId!;
  dana = await userToken(emulator, danaUpn, 'User.Read Calendars.ReadWrite ChannelMessage.Send Channel.ReadBasic.All Chat.ReadWrite ChatMessage.Send');
  lee = await userToken(emulator, leeUpn, 'User.Read Calendars.ReadWrite Chat.ReadWrite');
});
after(async () => emulator?.close());

async function call(method: string, path: string, token: string, body?: unknown) {
  const response = await emulator.fetch(`${emulator.url}/v1.0${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

// Far from the seeded fortnight of events, so only what the test writes is there.
const day = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
const at = (time: string) => ({ dateTime: `${day}T${time}:00`, timeZone: 'UTC' });

describe('Outlook calendar in the emulator', () => {
  test('an event is in the attendees’ calendars, updates reach them, cancel removes it and marks their copy; getSchedule follows', async () => {
    const created = await call('POST', '/me/events', dana, { subject: 'Access review', start: at('10:00'), end: at('11:00'), attendees: [{ emailAddress: { address: leeUpn }, type: 'required' }] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.isOrganizer, true);
    const leesCopy = async () => ((await graphGet(emulator, '/me/events?$top=999', lee)).body.value as { iCalUId: string; subject: string; isCancelled: boolean; id: string }[]).find((e) => e.iCalUId === created.body.iCalUId);
    assert.equal((await leesCopy())?.subject, 'Access review');

    const schedule = async () =>
      call('POST', '/me/calendar/getSchedule', dana, { schedules: [leeUpn, 'nobody@contoso.onmicrosoft.com'], startTime: at('09:00'), endTime: at('12:00'), availabilityViewInterval: 60 });
    const busy = await schedule();
    assert.equal(busy.status, 200, JSON.stringify(busy.body));
    assert.equal(busy.body.value[0].availabilityView, '020');
    assert.equal(busy.body.value[0].scheduleItems[0].subject, 'Access review');
    assert.equal(busy.body.value[1].error.responseCode, 'ErrorMailRecipientNotFound');

    const moved = await call('PATCH', `/me/events/${created.body.id}`, dana, { subject: 'Access review (moved)', start: at('11:00'), end: at('12:00') });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    assert.equal((await leesCopy())?.subject, 'Access review (moved)');
    assert.equal((await schedule()).body.value[0].availabilityView, '002');

    const attendeeCancel = await call('POST', `/me/events/${(await leesCopy())!.id}/cancel`, lee, {});
    assert.equal(attendeeCancel.status, 400, 'only the organiser cancels');
    assert.equal((await call('POST', `/me/events/${created.body.id}/cancel`, dana, { comment: 'No longer needed' })).status, 202);
    assert.equal((await call('GET', `/me/events/${created.body.id}`, dana)).status, 404);
    assert.equal((await leesCopy())?.isCancelled, true);
    assert.equal((await schedule()).body.value[0].availabilityView, '000');
  });

  test('an application reads and writes any calendar with Calendars.ReadWrite; a delegated token only its own', async () => {
    const app = await appWithRoles(emulator, tid, ['Calendars.ReadWrite']);
    const created = await call('POST', `/users/${leeUpn}/events`, app.token, { subject: 'Booked by the app', start: at('14:00'), end: at('15:00') });
    assert.equal(created.status, 201);
    assert.equal((await call('GET', `/users/${leeUpn}/events/${created.body.id}`, app.token)).body.subject, 'Booked by the app');
    assert.equal((await call('GET', `/users/${leeUpn}/events`, dana)).status, 403);
    const readOnly = await appWithRoles(emulator, tid, ['Calendars.Read']);
    assert.equal((await call('POST', `/users/${leeUpn}/events`, readOnly.token, { subject: 'x', start: at('14:00'), end: at('15:00') })).status, 403);
  });
});

describe('Teams messages in the emulator', () => {
  // Every seeded group is a team (a team's id is its group's); Dana and Lee are in Engineering, Sam is not.
  const engineering = async () => emulator.seed!.groups.find((g) => g.displayName === 'Engineering')!.id;

  test('a channel message and its reply are listed; a non-member cannot post; an application cannot post', async () => {
    const team = await engineering();
    const channel = (await graphGet(emulator, `/teams/${team}/channels`, dana)).body.value[0].id as string;
    const base = `/teams/${team}/channels/${encodeURIComponent(channel)}/messages`;
    const posted = await call('POST', base, dana, { body: { contentType: 'html', content: '<p>Evidence is due Friday</p>' } });
    assert.equal(posted.status, 201, JSON.stringify(posted.body));
    assert.equal(posted.body.channelIdentity.teamId, team);
    const reply = await call('POST', `${base}/${posted.body.id}/replies`, dana, { body: { content: 'Uploaded' } });
    assert.equal(reply.status, 201);
    assert.equal(reply.body.replyToId, posted.body.id);
    // Reading channel messages needs ChannelMessage.Read.All, which only an administrator consents to.
    const reader = (await appWithRoles(emulator, tid, ['ChannelMessage.Read.All'])).token;
    const listed = await call('GET', base, reader);
    assert.deepEqual(listed.body.value.map((m: { id: string }) => m.id), [posted.body.id], 'replies are not top-level messages');
    assert.deepEqual((await call('GET', `${base}/${posted.body.id}/replies`, reader)).body.value.map((m: { body: { content: string } }) => m.body.content), ['Uploaded']);

    const sam = await userToken(emulator, 'sam@contoso.onmicrosoft.com', 'User.Read ChannelMessage.Send');
    assert.equal((await call('POST', base, sam, { body: { content: 'not a member' } })).status, 403);
    assert.equal((await call('POST', base, reader, { body: { content: 'as the app' } })).status, 403, 'an application reads but cannot post');
  });

  test('a one-on-one chat is created once and carries messages both ways', async () => {
    const leeId = ((await graphGet(emulator, '/me', lee)).body as { id: string }).id;
    const danaId = ((await graphGet(emulator, '/me', dana)).body as { id: string }).id;
    const members = [danaId, leeId].map((id) => ({ '@odata.type': '#microsoft.graph.aadUserConversationMember', roles: ['owner'], 'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')` }));
    const chat = await call('POST', '/chats', dana, { chatType: 'oneOnOne', members });
    assert.equal(chat.status, 201, JSON.stringify(chat.body));
    assert.equal((await call('POST', '/chats', lee, { chatType: 'oneOnOne', members })).body.id, chat.body.id);
    assert.equal((await call('POST', `/chats/${encodeURIComponent(chat.body.id)}/messages`, dana, { body: { content: 'Hello Lee' } })).status, 201);
    const seen = await call('GET', `/chats/${encodeURIComponent(chat.body.id)}/messages`, lee);
    assert.equal(seen.body.value[0].body.content, 'Hello Lee');
  });
});
