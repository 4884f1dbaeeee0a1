// Access-review rows from a snapshot: transitive groups, directory roles (direct, PIM-eligible, through a
// role-assignable group), MFA registration, licences, last sign-in; the filters; CSV that a spreadsheet cannot
// run as a formula; and an export that pulls rows lazily (streamed, never the whole document at once).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accessReviewRows, type AccessReviewRow } from '../../src/features/compliance/access-review-rows.js';
import { csvField, csvStream, jsonStream } from '../../src/features/compliance/access-review-format.js';
import type { TenantSnapshot } from '../../src/features/compliance/snapshot.js';
import { ADMINS_GROUP, compliantSnapshot } from './snapshot-fixtures.js';

function reviewSnapshot(): TenantSnapshot {
  const snapshot = compliantSnapshot();
  const directory = snapshot.areas.directory!;
  const plain = directory.users!.find((u) => u.id === 'u-plain')!;
  // Graph returns signInActivity only with AuditLog.Read.All, and assignedLicenses as sku ids.
  plain.signInActivity = { lastSignInDateTime: '2026-11-30T08:15:00Z' };
  plain.assignedLicenses = [{ skuId: 'sku-e5-id', disabledPlans: [] }];
  directory.subscribedSkus![0]!.skuId = 'sku-e5-id';
  directory.groups!.push({ id: 'g-sales', displayName: 'Sales', members: ['u-plain', 'u-guest', 'g-nested'] });
  snapshot.areas.authenticationMethods!.userRegistrationDetails!.find((r) => r.id === 'u-plain')!.methodsRegistered = ['microsoftAuthenticatorPush', 'fido2'];
  return snapshot;
}

const byId = (rows: AccessReviewRow[], id: string) => rows.find((r) => r.userId === id)!;

describe('access-review rows', () => {
  it('lists every user with transitive groups, roles, MFA methods, licences and last sign-in', () => {
    const rows = [...accessReviewRows(reviewSnapshot())];
    assert.equal(rows.length, 8);
    const plain = byId(rows, 'u-plain');
    assert.deepEqual(
      { groups: plain.groups, licences: plain.licences, mfa: plain.mfaMethods, lastSignIn: plain.lastSignInDateTime, privileged: plain.privileged, type: plain.userType },
      { groups: ['Sales'], licences: ['SPE_E5'], mfa: ['microsoftAuthenticatorPush', 'fido2'], lastSignIn: '2026-11-30T08:15:00Z', privileged: false, type: 'Member' },
    );
    // Active and PIM-eligible assignments both count; a role held by a role-assignable group reaches its members.
    assert.deepEqual(byId(rows, 'u-ua-1').directoryRoles, ['User Administrator', 'User Administrator (eligible)']);
    assert.deepEqual(byId(rows, 'u-ga-1').directoryRoles, ['Global Administrator (eligible)']);
    const groupAdmin = byId(rows, 'u-ua-2');
    assert.deepEqual([groupAdmin.groups, groupAdmin.directoryRoles, groupAdmin.privileged], [['Helpdesk admins'], ['User Administrator (eligible)'], true]);
    assert.ok(!rows.some((r) => r.userId === ADMINS_GROUP), 'groups are not users under review');
    // Not collected is not "never": no signInActivity reads as null, not as a date.
    assert.equal(byId(rows, 'u-ga-1').lastSignInDateTime, null);
  });

  it('exports only the review columns: secret material on a user object never reaches a row', () => {
    const snapshot = reviewSnapshot();
    Object.assign(snapshot.areas.directory!.users![0]!, { passwordProfile: { password: 'Hunter2-secret!' }, onPremisesImmutableId: 'immutable-secret' });
    const text = JSON.stringify([...accessReviewRows(snapshot)]);
    assert.doesNotMatch(text, /Hunter2-secret|immutable-secret|passwordProfile/);
  });

  it('filters guests, disabled accounts, users without MFA and privileged users', () => {
    const ids = (filter: Parameters<typeof accessReviewRows>[1]) => [...accessReviewRows(reviewSnapshot(), filter)].map((r) => r.userId).sort();
    assert.deepEqual(ids({ userType: 'Guest' }), ['u-guest']);
    assert.deepEqual(ids({ enabled: false }), ['u-disabled']);
    assert.deepEqual(ids({ withoutMfa: true }), ['u-disabled', 'u-guest']);
    assert.deepEqual(ids({ privileged: true }), ['u-ga-1', 'u-ga-2', 'u-ua-1', 'u-ua-2']);
    assert.deepEqual(ids({ userType: 'Member', withoutMfa: true }), ['u-disabled']);
  });

  it('writes CSV by RFC 4180 and neutralises cells a spreadsheet would run as formulas (OWASP CSV injection)', () => {
    assert.equal(csvField('Pat "P" Plain, Sr.'), '"Pat ""P"" Plain, Sr."');
    assert.equal(csvField('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
    assert.equal(csvField('@SUM(A1)'), "'@SUM(A1)");
    assert.equal(csvField(['Sales', 'Helpdesk admins']), 'Sales; Helpdesk admins');
    assert.equal(csvField(null), '');
  });

  it('streams: the first bytes leave before the rows after them are produced', async () => {
    let produced = 0;
    const template = [...accessReviewRows(reviewSnapshot())][0]!;
    function* many(): Generator<AccessReviewRow> {
      for (let i = 0; i < 100_000; i++) {
        produced++;
        yield { ...template, userId: `u-${i}` };
      }
    }
    const stream = csvStream(many(), false);
    const iterator = stream[Symbol.asyncIterator]();
    const first = String((await iterator.next()).value);
    assert.match(first, /^userId,displayName,userPrincipalName,accountEnabled,userType,lastSignInDateTime/);
    assert.ok(produced < 100_000, `only a batch is produced before the first read (produced ${produced})`);
    stream.destroy();
  });

  it('writes JSON that parses to the rows, with the head fields first', async () => {
    const rows = [...accessReviewRows(reviewSnapshot())];
    let text = '';
    for await (const chunk of jsonStream(rows, { snapshotId: 'snap_x' })) text += String(chunk);
    const parsed = JSON.parse(text) as { snapshotId: string; items: AccessReviewRow[] };
    assert.equal(parsed.snapshotId, 'snap_x');
    assert.deepEqual(parsed.items, rows);
    let empty = '';
    for await (const chunk of jsonStream([], {})) empty += String(chunk);
    assert.deepEqual(JSON.parse(empty), { items: [] });
  });
});
