// Outlook mail through the emulator's Graph: sendMail answers 202 and the message is in the recipient's Inbox and
// the sender's Sent Items (user-sendmail, user-list-messages, mailfolder-list-messages, message-get); Microsoft's
// errors for a message without recipients; Mail.Send / Mail.Read enforced; a delegated token reads only its own
// mailbox; a subscription on the Inbox is notified of the new message.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startEmulator, type EmulatorHandle } from '../../harness.js';
import { appWithRoles, graphGet, userToken } from './graph-test-client.js';

let emulator: EmulatorHandle;
let tid: string;
let dana: string;
const danaUpn = 'dana@contoso.onmicrosoft.com';
const leeUpn = 'lee@contoso.onmicrosoft.com';

before(async () => {
  emulator = await startEmulator({ autoSignIn: true, autoConsent: true });
  tid = emulator.tenantId!;
  dana = await userToken(emulator, danaUpn, 'User.Read Mail.Send Mail.Read');
});
after(async () => emulator?.close());

async function post(path: string, token: string, body: unknown) {
  const response = await emulator.fetch(`${emulator.url}/v1.0${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

const message = (subject: string, to = leeUpn) => ({ message: { subject, body: { contentType: 'Text', content: `About ${subject}` }, toRecipients: [{ emailAddress: { address: to } }] } });

describe('Outlook mail in the emulator', () => {
  test('sendMail answers 202 with no body; the message is in the recipient’s Inbox and the sender’s Sent Items', async () => {
    const sent = await post('/me/sendMail', dana, message('Quarterly access review'));
    assert.equal(sent.status, 202);
    assert.equal(sent.body, undefined);

    const reader = await appWithRoles(emulator, tid, ['Mail.Read']);
    const inbox = await graphGet(emulator, `/users/${leeUpn}/mailFolders/inbox/messages`, reader.token);
    assert.equal(inbox.status, 200, JSON.stringify(inbox.body));
    const received = inbox.body.value.find((m: { subject: string }) => m.subject === 'Quarterly access review');
    assert.ok(received, JSON.stringify(inbox.body));
    assert.equal(received.from.emailAddress.address, (await graphGet(emulator, '/me', dana)).body.mail, 'sent from the sender’s mail address');
    assert.equal(received.isRead, false);
    assert.equal(received.bodyPreview, 'About Quarterly access review');

    const sentItems = await graphGet(emulator, '/me/mailFolders/sentitems/messages', dana);
    const copy = sentItems.body.value.find((m: { subject: string }) => m.subject === 'Quarterly access review');
    assert.ok(copy);
    const single = await graphGet(emulator, `/me/messages/${copy.id}`, dana);
    assert.equal(single.status, 200);
    assert.equal(single.body.id, copy.id);
  });

  test('saveToSentItems false keeps no copy; mail to an outside address leaves the organisation', async () => {
    const sent = await post('/me/sendMail', dana, { ...message('Not kept', 'someone@fabrikam.example'), saveToSentItems: false });
    assert.equal(sent.status, 202);
    const sentItems = await graphGet(emulator, '/me/mailFolders/sentitems/messages', dana);
    assert.ok(!sentItems.body.value.some((m: { subject: string }) => m.subject === 'Not kept'));
  });

  test('no recipients: 400 ErrorInvalidRecipients; no Mail.Send: 403', async () => {
    const none = await post('/me/sendMail', dana, { message: { subject: 'x', toRecipients: [] } });
    assert.equal(none.status, 400);
    assert.equal(none.body.error.code, 'ErrorInvalidRecipients');
    const readOnly = await appWithRoles(emulator, tid, ['Mail.Read']);
    const refused = await post(`/users/${danaUpn}/sendMail`, readOnly.token, message('refused'));
    assert.equal(refused.status, 403);
  });

  test('a delegated token reads only its own mailbox through /users/{id}', async () => {
    const other = await graphGet(emulator, `/users/${leeUpn}/messages`, dana);
    assert.equal(other.status, 403);
    assert.equal(other.body.error.code, 'ErrorAccessDenied');
  });

  test('an application token with Mail.Send sends as any user of the tenant', async () => {
    const sender = await appWithRoles(emulator, tid, ['Mail.Send', 'Mail.Read']);
    const sent = await post(`/users/${leeUpn}/sendMail`, sender.token, message('From the app', danaUpn));
    assert.equal(sent.status, 202);
    const inbox = await graphGet(emulator, '/me/mailFolders/inbox/messages', dana);
    assert.ok(inbox.body.value.some((m: { subject: string }) => m.subject === 'From the app'));
  });
});

describe('Outlook drafts in the emulator', () => {
  test('POST /me/messages saves a draft (201, isDraft) in Drafts only; Mail.ReadWrite is needed (user-post-messages)', async () => {
    const writer = await userToken(emulator, danaUpn, 'User.Read Mail.ReadWrite');
    const draft = await post('/me/messages', writer, { subject: 'Draft of the audit reply', body: { contentType: 'Text', content: 'Not yet' }, toRecipients: [{ emailAddress: { address: leeUpn } }] });
    assert.equal(draft.status, 201, JSON.stringify(draft.body));
    assert.equal(draft.body.isDraft, true);
    assert.equal(draft.body.sentDateTime, null);
    const drafts = await graphGet(emulator, '/me/mailFolders/drafts/messages', writer);
    assert.ok(drafts.body.value.some((m: { id: string }) => m.id === draft.body.id));
    const reader = await appWithRoles(emulator, tid, ['Mail.Read']);
    const leeInbox = await graphGet(emulator, `/users/${leeUpn}/mailFolders/inbox/messages?$top=999`, reader.token);
    assert.ok(!leeInbox.body.value.some((m: { subject: string }) => m.subject === 'Draft of the audit reply'), 'a draft is not delivered');
    assert.equal((await post('/me/messages', dana, { subject: 'x' })).status, 403, 'Mail.Send and Mail.Read do not write drafts');
  });
});
