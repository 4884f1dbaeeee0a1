import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { openPickerSession, PickerOriginNotAllowed, pickerSigningKeys, verifyPickerSession } from '../../src/features/picker/index.js';

const keys = pickerSigningKeys([{ key: randomBytes(32) }]);
const now = new Date('2026-12-05T14:00:00Z');
const request = { workspaceId: 'ws_a', externalUserId: 'user-1', entityType: 'requirement', entityId: 'REQ-7', origin: 'https://app.example.com', mode: 'copy' as const };
const context = { keys, allowedOrigins: ['https://app.example.com'], hubOrigin: 'https://hub.example.com/ignored/path', now };

test("a session's URL is the hub's picker page with the token in its path, and the token carries the request", () => {
  const { url, expiresAt } = openPickerSession(request, context);
  const parsed = new URL(url);
  assert.equal(parsed.origin, 'https://hub.example.com');
  assert.equal(parsed.search, '', 'nothing in the query string, where proxies log it');
  const [, page, token] = parsed.pathname.split('/');
  assert.equal(page, 'picker');
  assert.equal(expiresAt, '2026-12-05T14:10:00.000Z');
  const claims = verifyPickerSession(token!, keys, 'ws_a', now);
  assert.deepEqual({ ...claims, expiresAt: undefined }, { ...request, expiresAt: undefined });
});

test('an opener origin the workspace does not allow is refused, and no session is signed for it', () => {
  assert.throws(() => openPickerSession({ ...request, origin: 'https://evil.example.net' }, context), PickerOriginNotAllowed);
  assert.throws(() => openPickerSession(request, { ...context, allowedOrigins: [] }), (e: unknown) => e instanceof PickerOriginNotAllowed && e.code === 'picker_origin_not_allowed');
});
