// Outlook and Teams actions as a host backend uses them, against the emulator: messages listed and read, a draft
// saved once, an event
// created (in the attendee's calendar too), changed, cancelled and seen in free/busy, each write sent once per
// Idempotency-Key and audited; a channel message, its reply and a chat message posted once per key; application
// mode refused for Teams posts as Microsoft refuses it (chatmessage-post: Teamwork.Migrate.All is migration-only);
// a service the workspace did not enable refused naming it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { appWithRoles, graphGet, userToken } from '../../emulator/graph/test/graph-test-client.js';
import { Browser, CONTOSO, PASSWORD, startConnectKit, type ConnectKit } from '../connect/support/connect-kit.js';

const DANA = 'dana@contoso.onmicrosoft.com';
const LEE = 'lee@contoso.onmicrosoft.com';

describe('Outlook and Teams actions', () => {
  let kit: ConnectKit;
  let ws: { id: string; apiKey: string };
  const asDana = { 'x-m365hub-acting-user': 'dana-host' };
  const action = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    kit.api(ws.apiKey, method, `/api/v1/workspaces/${ws.id}/actions${path}`, body, { ...asDana, ...headers });
  const day = new Date(Date.now() + 45 * 86_400_000).toISOString().slice(0, 10);
  const at = (time: string) => `${day}T${time}:00.000Z`;
  const audited = async (action: string) => (await kit.hub.hub.store.db.selectFrom('audit_log').select('action').where('workspace_id', '=', ws.id).where('action', '=', action).execute()).length;

  before(async () => {
    kit = await startConnectKit('pglite');
    ws = await kit.workspace('Actions', {
      azureTenantId: CONTOSO,
      services: [
        { service: 'onedrive', modes: ['delegated'] },
        { service: 'mail', modes: ['delegated'] },
        { service: 'calendar', modes: ['delegated', 'application'] },
        { service: 'teams-messages', modes: ['delegated'] },
      ],
    });
    const link = (await (await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/dana-host/connect-link`, { returnTo: `${kit.hub.url}/host/done` })).json()) as { url: string };
    const browser = new Browser(kit.hub.url);
    const start = await browser.get(link.url);
    assert.equal((await browser.get(await kit.microsoftSignIn(start.headers.get('location')!, DANA))).status, 303);
  });
  after(async () => kit?.close());

  it('lists and reads the acting user’s messages; reading one is audited', async () => {
    const lee = await userToken(kit.emulator, LEE, 'User.Read Mail.Send', undefined, PASSWORD);
    const sent = await kit.emulator.fetch(`${kit.emulator.url}/v1.0/me/sendMail`, { method: 'POST', headers: { authorization: `Bearer ${lee}`, 'content-type': 'application/json' }, body: JSON.stringify({ message: { subject: 'Evidence for control 4.2', body: { contentType: 'Text', content: 'Attached soon' }, toRecipients: [{ emailAddress: { address: DANA } }] } }) });
    assert.equal(sent.status, 202);
    const listed = await action('GET', '/mail/messages?folder=inbox&limit=5');
    assert.equal(listed.status, 200, await listed.clone().text());
    const page = (await listed.json()) as { items: { id: string; subject: string; body?: unknown; from: { address: string } }[]; nextCursor: string | null };
    const found = page.items.find((m) => m.subject === 'Evidence for control 4.2')!;
    assert.equal(found.from.address, LEE);
    assert.equal(found.body, undefined, 'lists carry no bodies');
    const read = await action('GET', `/mail/messages/${encodeURIComponent(found.id)}`);
    assert.equal(((await read.json()) as { body: { content: string } }).body.content, 'Attached soon');
    assert.equal(await audited('action.mail_read'), 1);
    assert.equal((await action('GET', '/mail/messages/AAMk-missing')).status, 404);

    const draft = await action('POST', '/mail/drafts', { to: [LEE], subject: 'Draft reply', body: { contentType: 'text', content: 'Not yet' } }, { 'idempotency-key': 'draft-1' });
    assert.equal(draft.status, 201, await draft.clone().text());
    const saved = (await draft.json()) as { id: string; isDraft: boolean };
    assert.equal(saved.isDraft, true);
    assert.equal((await action('POST', '/mail/drafts', { to: [LEE], subject: 'Draft reply', body: { contentType: 'text', content: 'Not yet' } }, { 'idempotency-key': 'draft-1' })).headers.get('idempotent-replayed'), 'true');
    const drafts = (await (await action('GET', '/mail/messages?folder=drafts')).json()) as { items: { id: string }[] };
    assert.deepEqual(drafts.items.map((m) => m.id), [saved.id], 'saved once, in Drafts');
  });

  it('sends mail with an attachment of the hub (a link to the user’s OneDrive file, read from Microsoft) once per key', async () => {
    const root = await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/proxy/graph/v1.0/me/drive/root/children?$top=200`, undefined, asDana);
    assert.equal(root.status, 200, await root.clone().text());
    const files = ((await root.json()) as { value: { id: string; name: string; size: number; file?: unknown; parentReference: { driveId: string } }[] }).value.filter((i) => i.file);
    const small = files.find((f) => f.size > 0 && f.size < 3 * 1024 * 1024)!;
    assert.ok(small, 'the seeded OneDrive has a small file');
    const added = await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/files/attachments`, { entityType: 'control', entityId: 'CTRL-9', mode: 'link', driveId: small.parentReference.driveId, itemId: small.id }, asDana);
    assert.equal(added.status, 201, await added.clone().text());
    const attachmentId = ((await added.json()) as { id: string }).id;
    const mail = { to: [LEE], subject: 'Evidence attached', body: { contentType: 'text', content: 'See the file' }, attachments: [{ attachmentId }] };
    const sent = await action('POST', '/mail/send', mail, { 'idempotency-key': 'attach-1' });
    assert.equal(sent.status, 202, await sent.clone().text());
    assert.equal((await action('POST', '/mail/send', mail, { 'idempotency-key': 'attach-1' })).headers.get('idempotent-replayed'), 'true');
    const reader = (await appWithRoles(kit.emulator, CONTOSO, ['Mail.Read'])).token;
    const inbox = (await graphGet(kit.emulator, `/users/${LEE}/mailFolders/inbox/messages?$top=999`, reader)).body.value as { subject: string; hasAttachments: boolean }[];
    assert.deepEqual(inbox.filter((m) => m.subject === 'Evidence attached').map((m) => m.hasAttachments), [true], 'delivered once, with the file');
    const unknown = await action('POST', '/mail/send', { ...mail, attachments: [{ attachmentId: 'att_aaaaaaaaaaaaaaaaaaaaaaaaaa' }] }, { 'idempotency-key': 'attach-missing' });
    assert.equal(unknown.status, 404, await unknown.clone().text());
  });

  it('creates an event once per key; the attendee has it; update and cancel follow; free/busy shows it', async () => {
    const event = { subject: 'Access review', start: at('10:00'), end: at('11:00'), attendees: [{ address: LEE }] };
    const first = await action('POST', '/calendar/events', event, { 'idempotency-key': 'review-1' });
    assert.equal(first.status, 201, await first.clone().text());
    const created = (await first.json()) as { id: string; iCalUId: string; start: string; isOrganizer: boolean };
    assert.equal(created.start, at('10:00'));
    const retry = await action('POST', '/calendar/events', event, { 'idempotency-key': 'review-1' });
    assert.equal(retry.headers.get('idempotent-replayed'), 'true');
    assert.equal(((await retry.json()) as { id: string }).id, created.id);

    const calendarReader = (await appWithRoles(kit.emulator, CONTOSO, ['Calendars.Read'])).token;
    const leesCopies = async () => ((await graphGet(kit.emulator, `/users/${LEE}/events?$top=999`, calendarReader)).body.value as { iCalUId: string; subject: string; isCancelled: boolean }[]).filter((e) => e.iCalUId === created.iCalUId);
    assert.equal((await leesCopies()).length, 1, 'invited once, although the request came twice');

    const free = async () => {
      const answer = await action('POST', '/calendar/schedule', { schedules: [LEE], start: at('09:00'), end: at('12:00'), intervalMinutes: 60 });
      assert.equal(answer.status, 200, await answer.clone().text());
      return ((await answer.json()) as { schedules: { availabilityView: string }[] }).schedules[0]!.availabilityView;
    };
    assert.equal(await free(), '020');
    const moved = await action('PATCH', `/calendar/events/${encodeURIComponent(created.id)}`, { start: at('11:00'), end: at('12:00') }, { 'idempotency-key': 'review-move' });
    assert.equal(moved.status, 200, await moved.clone().text());
    assert.equal(((await moved.json()) as { start: string }).start, at('11:00'));
    assert.equal(await free(), '002');
    const cancelled = await action('POST', `/calendar/events/${encodeURIComponent(created.id)}/cancel`, { comment: 'Done by mail' }, { 'idempotency-key': 'review-cancel' });
    assert.equal(cancelled.status, 202);
    assert.equal((await leesCopies())[0]!.isCancelled, true);
    assert.equal(await free(), '000');
    assert.deepEqual([await audited('action.event_created'), await audited('action.event_updated'), await audited('action.event_cancelled')], [1, 1, 1]);

    const listed = (await (await action('GET', '/calendar/events?limit=100')).json()) as { items: { id: string }[] };
    assert.ok(!listed.items.some((e) => e.id === created.id), 'the organiser’s cancelled meeting is gone');
  });

  it('application mode writes in the named mailbox’s calendar, and needs one', async () => {
    const noMailbox = await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/actions/calendar/events`, { mode: 'application', subject: 'x', start: at('14:00'), end: at('15:00') });
    assert.equal(noMailbox.status, 400);
    // The app's admin consent grants Calendars.ReadWrite (an application permission only an administrator grants).
    await kit.emulator.grant(CONTOSO, { appId: kit.emulator.seed!.application.appId, roles: ['Calendars.ReadWrite'] });
    const booked = await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/actions/calendar/events`, { mode: 'application', mailbox: LEE, subject: 'Booked by the product', start: at('14:00'), end: at('15:00') });
    assert.equal(booked.status, 201, await booked.clone().text());
    assert.equal(((await booked.json()) as { organizer: { address: string } }).organizer.address.toLowerCase(), LEE);
  });

  it('posts a channel message, a reply and a chat message once per key; application mode is refused as Microsoft refuses it', async () => {
    const team = kit.emulator.seed!.groups.find((g) => g.displayName === 'Engineering')!.id;
    const channels = await action('GET', `/teams/${team}/channels`);
    assert.equal(channels.status, 200, await channels.clone().text());
    const channel = ((await channels.json()) as { items: { id: string; displayName: string }[] }).items.find((c) => c.displayName === 'General')!.id;
    const path = `/teams/${team}/channels/${encodeURIComponent(channel)}/messages`;
    const post = () => action('POST', path, { body: { contentType: 'text', content: 'Evidence is due Friday' } }, { 'idempotency-key': 'teams-1' });
    const first = await post();
    assert.equal(first.status, 201, await first.clone().text());
    const message = (await first.json()) as { id: string };
    assert.equal((await post()).headers.get('idempotent-replayed'), 'true');
    const reply = await action('POST', `${path}/${message.id}/replies`, { body: { contentType: 'text', content: 'On it' } }, { 'idempotency-key': 'teams-reply-1' });
    assert.equal(reply.status, 201);

    const reader = (await appWithRoles(kit.emulator, CONTOSO, ['ChannelMessage.Read.All'])).token;
    const inChannel = await graphGet(kit.emulator, `/teams/${team}/channels/${encodeURIComponent(channel)}/messages`, reader);
    assert.equal((inChannel.body.value as { body: { content: string } }[]).filter((m) => m.body.content === 'Evidence is due Friday').length, 1, 'posted once');
    const replies = await graphGet(kit.emulator, `/teams/${team}/channels/${encodeURIComponent(channel)}/messages/${message.id}/replies`, reader);
    assert.deepEqual((replies.body.value as { body: { content: string } }[]).map((m) => m.body.content), ['On it']);

    const asApp = await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/actions${path}`, { mode: 'application', body: { contentType: 'text', content: 'as the app' } });
    assert.equal(asApp.status, 422);
    const problem = (await asApp.json()) as { code: string; detail: string };
    assert.equal(problem.code, 'action_mode_unsupported');
    assert.match(problem.detail, /Teamwork\.Migrate\.All/);

    const dana = await userToken(kit.emulator, DANA, 'User.Read Chat.ReadWrite', undefined, PASSWORD);
    const ids = await Promise.all([DANA, LEE].map(async (upn) => (await graphGet(kit.emulator, `/users/${upn}`, (await appWithRoles(kit.emulator, CONTOSO, ['User.Read.All'])).token)).body.id as string));
    const chat = await kit.emulator.fetch(`${kit.emulator.url}/v1.0/chats`, { method: 'POST', headers: { authorization: `Bearer ${dana}`, 'content-type': 'application/json' }, body: JSON.stringify({ chatType: 'oneOnOne', members: ids.map((id) => ({ 'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${id}')` })) }) });
    const chatId = ((await chat.json()) as { id: string }).id;
    const sent = await action('POST', `/chats/${encodeURIComponent(chatId)}/messages`, { body: { contentType: 'text', content: 'Hello Lee' } }, { 'idempotency-key': 'chat-1' });
    assert.equal(sent.status, 201, await sent.clone().text());
    assert.equal(await audited('action.chat_message_sent'), 1);
  });

  it('a service the workspace did not enable is refused naming it; no acting user is refused', async () => {
    const other = await kit.workspace('No calendar', { azureTenantId: CONTOSO });
    const refused = await kit.api(other.apiKey, 'GET', `/api/v1/workspaces/${other.id}/actions/calendar/events`, undefined, asDana);
    assert.equal(refused.status, 403);
    assert.match(((await refused.json()) as { detail: string }).detail, /Outlook calendar \(delegated\)/);
    const anonymous = await kit.api(ws.apiKey, 'GET', `/api/v1/workspaces/${ws.id}/actions/mail/messages`);
    assert.equal(((await anonymous.json()) as { code: string }).code, 'acting_user_required');
  });
});
