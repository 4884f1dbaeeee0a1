// The permission catalogue: the facts other layers rely on (scopes asked for, what counts as missing, the guide).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  PERMISSION_CATALOGUE,
  SERVICES,
  MODES,
  PermissionCatalogueError,
  applicationScope,
  delegatedScopes,
  missingPermissions,
  requiredPermissions,
  resourceScopes,
} from '../../src/microsoft/identity/permission-catalogue.js';
import { setupGuide } from '../../src/microsoft/identity/setup-guide.js';

describe('permission catalogue', () => {
  it('cites Microsoft for every permission: the Graph reference anchor and the API page of the call', () => {
    for (const service of SERVICES) {
      for (const mode of MODES) {
        const entry = PERMISSION_CATALOGUE[service][mode];
        assert.ok(entry.permissions.length > 0 || entry.unsupported || entry.note, `${service}/${mode} has neither permissions nor an explanation`);
        for (const p of entry.permissions) {
          assert.equal(p.type, mode === 'delegated' ? 'Scope' : 'Role', `${service}/${mode}/${p.name}`);
          assert.ok(p.why.endsWith('.') && p.why.length > 20, `${p.name} explains why`);
          assert.match(p.apiDocUrl, /^https:\/\/learn\.microsoft\.com\/en-us\//);
          if (p.resource === 'graph') assert.equal(p.referenceUrl, `https://learn.microsoft.com/en-us/graph/permissions-reference#${p.name.toLowerCase()}`);
          assert.ok(!p.satisfiedBy.includes(p.name));
        }
      }
    }
  });

  it("agrees on admin consent with the emulator's table where both know the permission (same Microsoft source)", () => {
    const emulator = JSON.parse(readFileSync(new URL('../../emulator/permissions/graph-permissions.json', import.meta.url), 'utf8')) as {
      permissions: { name: string; kind: 'delegated' | 'application'; adminConsentRequired?: boolean }[];
    };
    let compared = 0;
    for (const service of SERVICES) {
      for (const mode of MODES) {
        for (const p of PERMISSION_CATALOGUE[service][mode].permissions.filter((x) => x.resource === 'graph')) {
          const fact = emulator.permissions.find((e) => e.name === p.name && e.kind === mode);
          if (fact?.adminConsentRequired === undefined) continue;
          compared++;
          assert.equal(p.adminConsentRequired, fact.adminConsentRequired, `${mode} ${p.name}`);
        }
      }
    }
    assert.ok(compared >= 8, `compared ${compared}`);
  });

  it('lists each permission once across services, remembering every service that needs it', () => {
    const required = requiredPermissions(['teams-files', 'onedrive', 'directory', 'compliance'], 'application');
    const filesReadAll = required.filter((p) => p.name === 'Files.Read.All');
    assert.equal(filesReadAll.length, 1);
    assert.deepEqual(filesReadAll[0]!.services, ['onedrive', 'teams-files']);
    assert.deepEqual(required.find((p) => p.name === 'User.Read.All')!.services, ['directory', 'compliance']);
  });

  it('refuses a service mode Microsoft does not offer and an unknown service, with stable codes', () => {
    assert.throws(() => requiredPermissions(['teams-messages'], 'application'), (e: unknown) => e instanceof PermissionCatalogueError && e.code === 'service_mode_not_supported');
    assert.throws(() => requiredPermissions(['gmail' as never], 'delegated'), (e: unknown) => e instanceof PermissionCatalogueError && e.code === 'unknown_service');
  });

  it('asks for sign-in, offline_access and resource-qualified scopes; OneDrive reads, links and opens shared files', () => {
    assert.deepEqual(delegatedScopes(['onedrive', 'mail']), [
      'openid',
      'profile',
      'offline_access',
      'https://graph.microsoft.com/Files.Read',
      'https://graph.microsoft.com/Files.ReadWrite',
      'https://graph.microsoft.com/Files.Read.All',
      'https://graph.microsoft.com/Mail.Send',
      'https://graph.microsoft.com/Mail.ReadWrite',
    ]);
    assert.deepEqual(resourceScopes(['calendar'], 'graph'), ['https://graph.microsoft.com/Calendars.ReadWrite']);
    assert.equal(applicationScope(), 'https://graph.microsoft.com/.default');
  });

  it('offers Dynamics 365 with a service principal only (application mode)', () => {
    assert.throws(() => delegatedScopes(['dynamics'], { dynamicsOrg: 'contoso' }), (e: unknown) => e instanceof PermissionCatalogueError && e.code === 'service_mode_not_supported');
    assert.match(PERMISSION_CATALOGUE.dynamics.delegated.unsupported ?? '', /service principal/);
    assert.deepEqual(requiredPermissions(['dynamics'], 'application'), []);
  });

  it('counts a higher-privileged grant as covering the least-privileged requirement, and matches by type', () => {
    const required = requiredPermissions(['onedrive', 'mail'], 'delegated');
    assert.deepEqual(missingPermissions(required, { scp: ['files.readwrite.all', 'Mail.Send', 'Mail.ReadWrite'], roles: [] }), []);
    assert.deepEqual(
      missingPermissions(required, { scp: ['User.Read'], roles: ['Files.Read.All', 'Mail.Send'] }).map((p) => p.name),
      ['Files.Read', 'Files.ReadWrite', 'Files.Read.All', 'Mail.Send', 'Mail.ReadWrite'],
    );
    const app = requiredPermissions(['sharepoint'], 'application');
    assert.deepEqual(missingPermissions(app, { scp: [], roles: ['Sites.Read.All'] }), []);
  });
});

describe('setup guide', () => {
  it('says the Web platform, the exact redirect URI, every permission with its type, and admin consent when needed', () => {
    const guide = setupGuide({
      services: [{ service: 'onedrive', modes: ['delegated', 'application'] }, { service: 'mail', modes: ['delegated'] }],
      redirectUri: 'https://hub.example.com/auth/m365/callback',
      tenant: 'c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01',
    });
    const kinds = guide.steps.map((s) => s.kind);
    assert.deepEqual(kinds, ['register-app', 'platform', 'credential', 'api-permissions', 'user-assignment', 'api-permissions', 'admin-consent']);
    const platform = guide.steps[1]!;
    assert.ok(platform.kind === 'platform' && platform.platform === 'Web' && platform.redirectUri === 'https://hub.example.com/auth/m365/callback');
    assert.ok(guide.steps[0]!.kind === 'register-app' && guide.steps[0]!.supportedAccountTypes === 'single-tenant');
    const consent = guide.steps.at(-1)!;
    assert.ok(consent.kind === 'admin-consent');
    assert.deepEqual(consent.permissions.map((p) => `${p.type}:${p.name}`), ['Role:Files.Read.All']);
    assert.match(guide.markdown, /Redirect URI: https:\/\/hub\.example\.com\/auth\/m365\/callback/);
    assert.match(guide.markdown, /\| Microsoft Graph \| `Mail\.Send` \| Delegated \| no \|/);
  });

  // The seed's list starts with them; Microsoft lists them under Microsoft Graph → OpenId permissions.
  it('lists openid, offline_access and profile first for delegated connections, each with why', () => {
    const guide = setupGuide({ services: [{ service: 'onedrive', modes: ['delegated'] }], redirectUri: 'https://h/cb' });
    const delegatedStep = guide.steps.find((s) => s.kind === 'api-permissions' && s.mode === 'delegated');
    assert.ok(delegatedStep?.kind === 'api-permissions');
    assert.deepEqual(delegatedStep.permissions.map((p) => p.name), ['openid', 'offline_access', 'profile', 'Files.Read', 'Files.ReadWrite', 'Files.Read.All']);
    for (const p of delegatedStep.permissions) assert.ok(p.why.length > 20, p.name);
    assert.match(guide.markdown, /`offline_access` \| Delegated \| no \| Gives m365hub a refresh token/);
    const app = setupGuide({ services: [{ service: 'directory', modes: ['application'] }], redirectUri: 'https://h/cb' });
    assert.ok(!app.markdown.includes('openid'), 'an application-only integration signs nobody in');
  });

  it('says how to set Enterprise application user assignment ("Assignment required?") when users connect', () => {
    const guide = setupGuide({ services: [{ service: 'onedrive', modes: ['delegated'] }], redirectUri: 'https://h/cb' });
    const step = guide.steps.find((s) => s.kind === 'user-assignment');
    assert.ok(step);
    assert.match(step.detail, /Enterprise applications → this app → Properties → "Assignment required\?"/);
    assert.match(step.detail, /AADSTS50105/);
    assert.ok(!setupGuide({ services: [{ service: 'directory', modes: ['application'] }], redirectUri: 'https://h/cb' }).steps.some((s) => s.kind === 'user-assignment'));
  });

  it('has no admin consent step when nothing needs it, and multi-tenant registration without a tenant', () => {
    const guide = setupGuide({ services: [{ service: 'onedrive', modes: ['delegated'] }], redirectUri: 'https://h/cb' });
    assert.ok(!guide.steps.some((s) => s.kind === 'admin-consent'));
    assert.ok(guide.steps[0]!.kind === 'register-app' && guide.steps[0]!.supportedAccountTypes === 'multi-tenant');
  });

  it('explains a service mode without API permissions instead of listing nothing', () => {
    const guide = setupGuide({ services: [{ service: 'teams-messages', modes: ['application'] }, { service: 'dynamics', modes: ['application'] }], redirectUri: 'https://h/cb' });
    const notes = guide.steps.filter((s) => s.kind === 'note').map((s) => s.detail);
    assert.equal(notes.length, 2);
    assert.match(notes[0]!, /delegated mode/);
    assert.match(notes[1]!, /application user/);
  });
});
