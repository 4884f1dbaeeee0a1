// What a workspace admin registers in the Entra admin center, generated from the permission catalogue so the guide
// can never ask for something the product does not request (or miss something it does).
import {
  MODES,
  OIDC_PERMISSIONS,
  PERMISSION_CATALOGUE,
  RESOURCES,
  SERVICES,
  requiredPermissions,
  type PermissionMode,
  type RequiredPermission,
  type Service,
} from './permission-catalogue.js';
import { NATIONAL_CLOUDS, type NationalCloud } from '../../platform/config/national-clouds.js';

export interface ServiceSelection {
  service: Service;
  modes: readonly PermissionMode[];
}

export interface SetupGuideInput {
  services: readonly ServiceSelection[];
  redirectUri: string;
  /** The customer's tenant id, or blank / `organizations` for a multi-tenant app. */
  tenant?: string;
  /** Config.cloud: an app is registered in its own cloud's admin center (default: the global cloud). */
  cloud?: Pick<NationalCloud, 'name' | 'displayName' | 'entraAdminCenterUrl'>;
}

export type SetupStep =
  | { kind: 'register-app'; title: string; supportedAccountTypes: 'single-tenant' | 'multi-tenant'; detail: string }
  | { kind: 'platform'; title: string; platform: 'Web'; redirectUri: string; detail: string }
  | { kind: 'credential'; title: string; detail: string }
  | { kind: 'api-permissions'; title: string; mode: PermissionMode; permissions: RequiredPermission[]; detail: string }
  | { kind: 'admin-consent'; title: string; permissions: RequiredPermission[]; detail: string }
  | { kind: 'user-assignment'; title: string; detail: string }
  | { kind: 'note'; title: string; service: Service; mode: PermissionMode; detail: string };

export interface SetupGuide {
  steps: SetupStep[];
  markdown: string;
}

const ENTRA_REGISTER_DOC = 'https://learn.microsoft.com/en-us/entra/identity-platform/quickstart-register-app';
const ENTRA_CONSENT_DOC = 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/grant-admin-consent';
const CERTIFICATE_DOC = 'https://learn.microsoft.com/en-us/entra/identity-platform/certificate-credentials';
const ASSIGNMENT_DOC = 'https://learn.microsoft.com/en-us/entra/identity/enterprise-apps/assign-user-or-group-access-portal';

function isMultiTenant(tenant: string | undefined): boolean {
  const t = tenant?.trim().toLowerCase();
  return !t || t === 'organizations' || t === 'common';
}

function servicesFor(selections: readonly ServiceSelection[], mode: PermissionMode): Service[] {
  return selections.filter((s) => s.modes.includes(mode)).map((s) => s.service);
}

export function setupGuide(input: SetupGuideInput): SetupGuide {
  const multiTenant = isMultiTenant(input.tenant);
  const cloud = input.cloud ?? NATIONAL_CLOUDS.global;
  // An app registration lives in one cloud: one made in the global admin center cannot sign in to a national cloud.
  const adminCenter = `In the Microsoft Entra admin center (${cloud.entraAdminCenterUrl}${cloud.name === 'global' ? '' : `, ${cloud.displayName}`})`;
  const steps: SetupStep[] = [
    {
      kind: 'register-app',
      title: 'Register an application',
      supportedAccountTypes: multiTenant ? 'multi-tenant' : 'single-tenant',
      detail: multiTenant
        ? `${adminCenter}, App registrations → New registration; Supported account types: "Accounts in any organizational directory (Multitenant)".`
        : `${adminCenter}, App registrations → New registration; Supported account types: "Accounts in this organizational directory only (Single tenant)".`,
    },
    {
      kind: 'platform',
      title: 'Add the redirect URI',
      platform: 'Web',
      redirectUri: input.redirectUri,
      detail: `Authentication → Add a platform → Web; Redirect URI: ${input.redirectUri} (exactly, including the scheme and path).`,
    },
    {
      kind: 'credential',
      title: 'Add a credential',
      detail: `Certificates & secrets: add a client secret and note its expiry, or upload a certificate (preferred: ${CERTIFICATE_DOC}).`,
    },
  ];
  const consentNeeded: RequiredPermission[] = [];
  for (const mode of MODES) {
    const services = servicesFor(input.services, mode);
    if (services.length === 0) continue;
    const supported = services.filter((s) => !PERMISSION_CATALOGUE[s][mode].unsupported);
    const servicePermissions = requiredPermissions(supported, mode);
    // A delegated connection signs the user in and keeps a refresh token: openid, offline_access and profile come first.
    const permissions =
      mode === 'delegated' && servicePermissions.length > 0 ? [...OIDC_PERMISSIONS.map((p) => ({ ...p, services: [...supported] })), ...servicePermissions] : servicePermissions;
    if (permissions.length > 0) {
      steps.push({
        kind: 'api-permissions',
        title: mode === 'delegated' ? 'Add delegated permissions' : 'Add application permissions',
        mode,
        permissions,
        detail: `API permissions → Add a permission → choose the API → ${mode === 'delegated' ? 'Delegated permissions' : 'Application permissions'}, then tick each permission listed.`,
      });
      consentNeeded.push(...permissions.filter((p) => p.adminConsentRequired));
      if (mode === 'delegated') {
        steps.push({
          kind: 'user-assignment',
          title: 'Decide who may connect (user assignment)',
          detail:
            'Enterprise applications → this app → Properties → "Assignment required?". No: every user of the tenant can connect. ' +
            'Yes: only the users and groups added under Users and groups can; anyone else is stopped at Microsoft\'s sign-in (AADSTS50105), ' +
            'and Microsoft then requires an administrator to consent for users, even where user consent is allowed. ' +
            `For a multi-tenant app each customer's administrator sets this in their own tenant (${ASSIGNMENT_DOC}).`,
        });
      }
    }
    for (const service of services) {
      const entry = PERMISSION_CATALOGUE[service][mode];
      const text = entry.unsupported ?? entry.note;
      if (text) steps.push({ kind: 'note', title: `${PERMISSION_CATALOGUE[service].displayName} (${mode})`, service, mode, detail: text });
    }
  }
  if (consentNeeded.length > 0) {
    steps.push({
      kind: 'admin-consent',
      title: 'Grant admin consent',
      permissions: consentNeeded,
      detail: `An administrator of the customer's tenant must grant consent for these permissions: API permissions → "Grant admin consent", or the admin consent link m365hub shows (${ENTRA_CONSENT_DOC}).`,
    });
  }
  return { steps, markdown: renderSetupGuide(steps) };
}

function permissionRow(p: RequiredPermission): string {
  const resource = RESOURCES[p.resource].displayName;
  const type = p.type === 'Scope' ? 'Delegated' : 'Application';
  return `| ${resource} | \`${p.name}\` | ${type} | ${p.adminConsentRequired ? 'yes' : 'no'} | ${p.why} | [reference](${p.referenceUrl}), [API](${p.apiDocUrl}) |`;
}

const PERMISSION_TABLE_HEAD = ['| API | Permission | Type | Admin consent | Why | Source |', '| --- | --- | --- | --- | --- | --- |'];

export function renderSetupGuide(steps: readonly SetupStep[]): string {
  const lines: string[] = [];
  steps.forEach((step, index) => {
    lines.push(`${index + 1}. **${step.title}.** ${step.detail}`);
    if (step.kind === 'api-permissions' || step.kind === 'admin-consent') {
      lines.push('', ...PERMISSION_TABLE_HEAD.map((l) => `   ${l}`), ...step.permissions.map((p) => `   ${permissionRow(p)}`), '');
    }
  });
  return `${lines.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

/** docs/permissions.md: the whole catalogue plus the guide for every service in both modes. */
export function renderPermissionsReference(): string {
  const out: string[] = [
    '# Microsoft 365 permissions',
    '',
    '<!-- Generated from src/microsoft/identity/permission-catalogue.ts by `node --import tsx src/microsoft/identity/write-permissions-doc.ts`; a test fails when this file drifts. -->',
    '',
    'Every permission m365hub asks for, per service and mode, least privilege first. A permission listed under',
    '"also satisfied by" is accepted when a tenant already granted it. Resource ids: ' +
      `${RESOURCES.graph.displayName} \`${RESOURCES.graph.appId}\` (${RESOURCES.graph.uri}), ` +
      `${RESOURCES.dynamics.displayName} \`${RESOURCES.dynamics.appId}\` (${RESOURCES.dynamics.uri}), ` +
      `${RESOURCES.manage.displayName} \`${RESOURCES.manage.appId}\` (${RESOURCES.manage.uri}).`,
    '',
  ];
  for (const service of SERVICES) {
    const facts = PERMISSION_CATALOGUE[service];
    out.push(`## ${facts.displayName} (\`${service}\`)`, '');
    for (const mode of MODES) {
      const entry = facts[mode];
      out.push(`### ${mode === 'delegated' ? 'Delegated' : 'Application'}`, '');
      if (entry.unsupported) {
        out.push(`Not available: ${entry.unsupported}`, '');
        continue;
      }
      if (entry.permissions.length > 0) {
        out.push('| API | Permission | Type | Admin consent | Why | Also satisfied by | Source |', '| --- | --- | --- | --- | --- | --- | --- |');
        for (const p of entry.permissions) {
          const also = p.satisfiedBy.length > 0 ? p.satisfiedBy.map((n) => `\`${n}\``).join(', ') : '—';
          out.push(
            `| ${RESOURCES[p.resource].displayName} | \`${p.name}\` | ${p.type === 'Scope' ? 'Delegated' : 'Application'} | ${p.adminConsentRequired ? 'yes' : 'no'} | ${p.why} | ${also} | [reference](${p.referenceUrl}), [API](${p.apiDocUrl}) |`,
          );
        }
        out.push('');
      }
      if (entry.note) out.push(`Note: ${entry.note}`, '');
    }
  }
  const everything = SERVICES.map((service) => ({ service, modes: MODES }));
  out.push(
    '## Setup guide: every service in both modes',
    '',
    'The console shows this guide for the services a workspace selects; here with all of them, a multi-tenant app and',
    'the default redirect URI. See also ' + ENTRA_REGISTER_DOC + '.',
    '',
    setupGuide({ services: everything, redirectUri: 'https://m365hub.example.com/auth/m365/callback' }).markdown.trimEnd(),
    '',
  );
  return out.join('\n');
}
