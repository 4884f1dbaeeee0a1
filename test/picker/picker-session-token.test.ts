import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import {
  PICKER_SESSION_TTL_MS,
  PickerSessionError,
  allowedPickerOrigin,
  pickerSigningKeys,
  signPickerSession,
  verifyPickerSession,
} from '../../src/features/picker/picker-session-token.js';

const keys = pickerSigningKeys([{ key: randomBytes(32) }]);
const now = new Date('2026-12-05T14:00:00Z');
const claims = { workspaceId: 'ws_a', externalUserId: 'user-1', entityType: 'requirement', entityId: 'REQ-7', origin: 'https://app.example.com', mode: 'both' as const };

const refused = (code: string) => (error: unknown) => error instanceof PickerSessionError && error.code === code;

test('a session verifies for its workspace and carries every claim, expiring after 10 minutes', () => {
  const { token, expiresAt } = signPickerSession(claims, keys, now);
  assert.equal(expiresAt.getTime() - now.getTime(), PICKER_SESSION_TTL_MS);
  assert.deepEqual(verifyPickerSession(token, keys, 'ws_a', new Date(now.getTime() + 60_000)), { ...claims, expiresAt: expiresAt.getTime() });
});

test('replaying an expired session is refused as expired', () => {
  const { token, expiresAt } = signPickerSession(claims, keys, now);
  assert.throws(() => verifyPickerSession(token, keys, 'ws_a', expiresAt), refused('picker_session_expired'));
});

test('a tampered payload (another user or record swapped in) is refused before it is read', () => {
  const { token } = signPickerSession(claims, keys, now);
  const [version, , signature] = token.split('.');
  const forged = Buffer.from(JSON.stringify({ ...claims, externalUserId: 'victim', expiresAt: now.getTime() + 3_600_000 })).toString('base64url');
  assert.throws(() => verifyPickerSession(`${version}.${forged}.${signature}`, keys, 'ws_a', now), refused('picker_session_tampered'));
});

test('a tampered signature, and a session signed with a key the hub does not hold, are refused', () => {
  const { token } = signPickerSession(claims, keys, now);
  // The signature's first character carries six whole bits (its last one carries padding bits a decoder ignores).
  const [version, payload, signature] = token.split('.') as [string, string, string];
  const flipped = `${version}.${payload}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
  assert.throws(() => verifyPickerSession(flipped, keys, 'ws_a', now), refused('picker_session_tampered'));
  const foreign = signPickerSession(claims, pickerSigningKeys([{ key: randomBytes(32) }]), now).token;
  assert.throws(() => verifyPickerSession(foreign, keys, 'ws_a', now), refused('picker_session_tampered'));
});

test("another workspace's session used on this workspace is refused", () => {
  const { token } = signPickerSession({ ...claims, workspaceId: 'ws_b' }, keys, now);
  assert.throws(() => verifyPickerSession(token, keys, 'ws_a', now), refused('picker_session_wrong_workspace'));
});

test('malformed and oversized tokens are refused without parsing', () => {
  for (const bad of ['', 'pk1', 'pk1..', 'pk2.e30.AAAA', 'x'.repeat(5000), `pk1.${'a'.repeat(5000)}.b`]) {
    assert.throws(() => verifyPickerSession(bad, keys, 'ws_a', now), refused('picker_session_malformed'), bad.slice(0, 20));
  }
});

test('after a key rotation, sessions signed with the previous key still verify; new ones use the newest key', () => {
  const old = pickerSigningKeys([{ key: randomBytes(32) }]);
  const rotated = [...keys, ...old];
  const { token } = signPickerSession(claims, old, now);
  assert.equal(verifyPickerSession(token, rotated, 'ws_a', now).externalUserId, 'user-1');
  const fresh = signPickerSession(claims, rotated, now).token;
  assert.equal(verifyPickerSession(fresh, keys, 'ws_a', now).entityId, 'REQ-7');
});

test('the refusal message tells how to fix it and never contains the token', () => {
  const { token, expiresAt } = signPickerSession(claims, keys, now);
  try {
    verifyPickerSession(token, keys, 'ws_a', expiresAt);
    assert.fail('expected a refusal');
  } catch (error) {
    assert.ok(error instanceof PickerSessionError);
    assert.match(error.message, /picker\/sessions/);
    assert.ok(!error.message.includes(token.split('.')[2]!));
  }
});

test('an opener origin not among the allowed ones is refused; exact origins only', () => {
  const allowed = ['https://app.example.com', 'http://localhost:5173/'];
  assert.equal(allowedPickerOrigin('https://app.example.com', allowed), 'https://app.example.com');
  assert.equal(allowedPickerOrigin('http://localhost:5173', allowed), 'http://localhost:5173');
  for (const bad of ['https://evil.example.com', 'https://app.example.com.evil.net', 'http://app.example.com', 'https://app.example.com/path', 'null', '*', 'javascript:alert(1)', 'https://u:p@app.example.com']) {
    assert.equal(allowedPickerOrigin(bad, allowed), undefined, bad);
  }
  assert.equal(allowedPickerOrigin('https://app.example.com', ['not a url']), undefined);
});
