// Drift between two snapshots as a person reads it: objects added / removed / changed by id, with names, field
// paths and the values before and after; a reordered Graph page is no change.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { diffSnapshots } from '../../src/features/compliance/snapshot-diff.js';
import { GLOBAL_ADMINISTRATOR } from '../../src/features/compliance/rules/privileged-roles.js';
import { BREAK_GLASS, caPolicy, compliantSnapshot, policyById } from './snapshot-fixtures.js';

describe('snapshot diff', () => {
  it('finds nothing between a snapshot and itself listed in another order', () => {
    const after = compliantSnapshot();
    after.areas.conditionalAccess!.policies!.reverse();
    after.areas.directory!.users!.reverse();
    assert.deepEqual(diffSnapshots(compliantSnapshot(), after), []);
  });

  it('names a CA policy switched to report-only, with an exclusion added, by field path and values', () => {
    const after = compliantSnapshot();
    const policy = policyById(after, 'ca-legacy');
    policy.state = 'enabledForReportingButNotEnforced';
    ((policy.conditions as { users: Record<string, unknown> }).users).excludeUsers = [BREAK_GLASS, 'u-plain'];
    const changes = diffSnapshots(compliantSnapshot(), after);
    assert.equal(changes.length, 1);
    const change = changes[0]!;
    assert.deepEqual([change.area, change.collection, change.objectId, change.objectName, change.change], ['conditionalAccess', 'policies', 'ca-legacy', 'Block legacy authentication', 'changed']);
    assert.deepEqual(change.fields, [
      { path: 'conditions.users.excludeUsers', before: [BREAK_GLASS], after: [BREAK_GLASS, 'u-plain'] },
      { path: 'state', before: 'enabled', after: 'enabledForReportingButNotEnforced' },
    ]);
  });

  it('reports an added Global Administrator assignment as role and user names, a removed policy by name, and a changed setting', () => {
    const after = compliantSnapshot();
    after.areas.roles!.roleAssignments!.push({ id: 'ra-new-ga', principalId: 'u-plain', roleDefinitionId: GLOBAL_ADMINISTRATOR, directoryScopeId: '/' });
    after.areas.conditionalAccess!.policies = after.areas.conditionalAccess!.policies!.filter((p) => p.id !== 'ca-device-code');
    after.areas.conditionalAccess!.policies.push(caPolicy('ca-new', 'Pilot policy', { state: 'disabled' }));
    after.areas.sharePoint!.settings!.sharingCapability = 'externalUserAndGuestSharing';
    const summary = diffSnapshots(compliantSnapshot(), after).map((c) => `${c.change} ${c.area}.${c.collection} ${c.objectName}${c.fields.map((f) => ` ${f.path}: ${String(f.before)} -> ${String(f.after)}`).join('')}`);
    assert.deepEqual(summary.sort(), [
      'added conditionalAccess.policies Pilot policy',
      'added roles.roleAssignments Global Administrator: Pat Plain',
      'changed sharePoint.settings settings sharingCapability: existingExternalUserSharingOnly -> externalUserAndGuestSharing',
      'removed conditionalAccess.policies Block device code flow',
    ]);
  });

  it('treats an area collected in only one snapshot as all added or all removed', () => {
    const after = compliantSnapshot();
    delete after.areas.secureScore;
    const changes = diffSnapshots(compliantSnapshot(), after);
    assert.deepEqual(changes.map((c) => [c.change, c.objectId]), [['removed', 'tenant_2026-12-04'], ['removed', 'tenant_2026-12-05']]);
  });
});
