// `--seed demo`: a deterministic organisation, the same on every start, so product tests and the hub's `demo`
// command can rely on fixed ids, names and credentials (documented in README.md's emulator section).
import { deterministicGuid } from './deterministic-id.js';
import type { DirectoryStore } from './directory-store.js';

export const demoSeedFacts = {
  tenantId: 'c0a7e5a0-5e3d-4b7a-9a65-7c0e2f4d1a01',
  domain: 'contoso.onmicrosoft.com',
  otherTenantId: 'fab71ca0-2d4e-4c1b-8e3f-6a9b0c1d2e02',
  otherDomain: 'fabrikam.onmicrosoft.com',
  appId: '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60',
  clientSecret: 'Dem8Q~m365hub-demo-client-secret-0000001',
  password: 'Passw0rd!',
  redirectUris: ['http://127.0.0.1:3000/auth/m365/callback', 'http://localhost:3000/auth/m365/callback'],
} as const;

const demoDelegatedPermissions = ['openid', 'profile', 'email', 'offline_access', 'User.Read', 'Files.ReadWrite.All', 'Sites.Read.All', 'Mail.Send', 'Calendars.ReadWrite', 'ChannelMessage.Send'];
// ConsentRequest.Read.All lets the demo hub list its users' pending admin consent requests (Contoso has the workflow on).
const demoApplicationPermissions = ['User.Read.All', 'Group.Read.All', 'Directory.Read.All', 'Policy.Read.All', 'Reports.Read.All', 'AuditLog.Read.All', 'SecurityEvents.Read.All', 'Sites.Read.All', 'Files.Read.All', 'ConsentRequest.Read.All', 'RoleManagement.Read.Directory', 'SharePointTenantSettings.Read.All', 'Application.Read.All'];

const contosoPeople = [
  { local: 'admin', displayName: 'Avery Admin', givenName: 'Avery', surname: 'Admin', jobTitle: 'IT Administrator', isAdmin: true },
  { local: 'dana', displayName: 'Dana Reyes', givenName: 'Dana', surname: 'Reyes', jobTitle: 'Engineering Manager', mail: 'dana.reyes@example.com' },
  { local: 'lee', displayName: 'Lee Chen', givenName: 'Lee', surname: 'Chen', jobTitle: 'Software Engineer' },
  { local: 'sam', displayName: 'Sam Patel', givenName: 'Sam', surname: 'Patel', jobTitle: 'Finance Analyst' },
  { local: 'jordan', displayName: 'Jordan Kim', givenName: 'Jordan', surname: 'Kim', jobTitle: 'Compliance Officer' },
];

export interface SeedSummary {
  name: 'demo';
  tenant: { id: string; domain: string; displayName: string; adminConsentWorkflow: boolean };
  otherTenant: { id: string; domain: string; displayName: string; adminConsentWorkflow: boolean };
  password: string;
  admin: { id: string; userPrincipalName: string; password: string };
  users: { id: string; userPrincipalName: string; displayName: string; password: string; isAdmin: boolean; tenantId: string; accountEnabled: boolean }[];
  groups: { id: string; displayName: string; memberIds: string[] }[];
  application: { appId: string; displayName: string; clientSecret: string; signInAudience: string; redirectUris: string[]; delegatedPermissions: string[]; applicationPermissions: string[] };
}

export function seedDemo(directory: DirectoryStore, options: { users?: number; now: number }): SeedSummary {
  const f = demoSeedFacts;
  const contoso = directory.createTenant({ id: f.tenantId, displayName: 'Contoso', domain: f.domain });
  const fabrikam = directory.createTenant({ id: f.otherTenantId, displayName: 'Fabrikam', domain: f.otherDomain });

  const users = contosoPeople.map((p) =>
    directory.createUser(contoso.id, {
      id: deterministicGuid(`user/contoso/${p.local}`),
      userPrincipalName: `${p.local}@${f.domain}`,
      displayName: p.displayName,
      givenName: p.givenName,
      surname: p.surname,
      jobTitle: p.jobTitle,
      isAdmin: p.isAdmin ?? false,
      password: f.password,
      ...(p.mail ? { mail: p.mail } : {}),
    }),
  );
  for (let i = 1; i <= (options.users ?? 0); i++) {
    const local = `user${String(i).padStart(3, '0')}`;
    users.push(directory.createUser(contoso.id, { id: deterministicGuid(`user/contoso/${local}`), userPrincipalName: `${local}@${f.domain}`, displayName: `Demo User ${i}`, password: f.password }));
  }
  // Fabrikam: a second organisation for multi-tenant consent; Dana there shares Contoso Dana's email address but is
  // a different identity (own oid), as two tenants' users always are.
  users.push(
    directory.createUser(fabrikam.id, { id: deterministicGuid('user/fabrikam/admin'), userPrincipalName: `admin@${f.otherDomain}`, displayName: 'Fabrikam Admin', isAdmin: true, password: f.password }),
    directory.createUser(fabrikam.id, { id: deterministicGuid('user/fabrikam/dana'), userPrincipalName: `dana@${f.otherDomain}`, displayName: 'Dana Reyes (Fabrikam)', mail: 'dana.reyes@example.com', password: f.password }),
  );

  const byLocal = (local: string) => users.find((u) => u.userPrincipalName === `${local}@${f.domain}`)!.id;
  const contosoIds = users.filter((u) => u.tenantId === contoso.id).map((u) => u.id);
  const groups = [
    directory.createGroup(contoso.id, { id: deterministicGuid('group/all-staff'), displayName: 'All Staff', mailNickname: 'allstaff', memberIds: contosoIds }),
    directory.createGroup(contoso.id, { id: deterministicGuid('group/engineering'), displayName: 'Engineering', memberIds: [byLocal('dana'), byLocal('lee')] }),
    directory.createGroup(contoso.id, { id: deterministicGuid('group/finance'), displayName: 'Finance', memberIds: [byLocal('sam'), byLocal('jordan')] }),
    directory.createGroup(contoso.id, { id: deterministicGuid('group/it-admins'), displayName: 'IT Admins', mailNickname: 'itadmins', memberIds: [byLocal('admin')] }),
  ];

  const app = directory.createApplication(contoso.id, {
    appId: f.appId,
    id: deterministicGuid('application/demo'),
    displayName: 'm365hub demo',
    signInAudience: 'AzureADMultipleOrgs',
    redirectUris: [...f.redirectUris],
    requiredGraphAccess: { delegated: demoDelegatedPermissions, application: demoApplicationPermissions },
  });
  directory.addSecret(contoso.id, app.appId, { displayName: 'demo secret', secretText: f.clientSecret }, options.now);
  // Contoso has turned on the admin consent workflow, so its users can ask for approval of what they may not
  // consent to themselves; Fabrikam keeps Microsoft's default (off) and shows "Need admin approval".
  directory.setAdminConsentWorkflow(contoso.id, { isEnabled: true });
  // Contoso's admin has consented to everything the demo app lists, as an admin does once after registering it.
  directory.grantDelegated(contoso.id, app.appId, demoDelegatedPermissions);
  directory.grantApplication(contoso.id, app.appId, demoApplicationPermissions);
  // …and the Office 365 Management APIs' ActivityFeed.Read, so the demo can read Contoso's audit activity feed.
  directory.grantApplication(contoso.id, app.appId, ['ActivityFeed.Read']);

  return {
    name: 'demo',
    tenant: { id: contoso.id, domain: f.domain, displayName: contoso.displayName, adminConsentWorkflow: true },
    otherTenant: { id: fabrikam.id, domain: f.otherDomain, displayName: fabrikam.displayName, adminConsentWorkflow: false },
    password: f.password,
    admin: { id: byLocal('admin'), userPrincipalName: `admin@${f.domain}`, password: f.password },
    users: users.map((u) => ({ id: u.id, userPrincipalName: u.userPrincipalName, displayName: u.displayName, password: f.password, isAdmin: directory.isAdmin(u), tenantId: u.tenantId, accountEnabled: u.accountEnabled })),
    groups: groups.map((g) => ({ id: g.id, displayName: g.displayName, memberIds: g.memberIds })),
    application: {
      appId: app.appId,
      displayName: app.displayName,
      clientSecret: f.clientSecret,
      signInAudience: app.signInAudience,
      redirectUris: app.redirectUris,
      delegatedPermissions: demoDelegatedPermissions,
      applicationPermissions: demoApplicationPermissions,
    },
  };
}
