// Control API for the tenant security configuration (not Microsoft's surface): tests and demos change it on
// purpose to create drift a compliance product must notice. Every change is in the next Graph read; role and
// conditional access changes also leave a directoryAudits entry, as the Entra admin center's would.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { deterministicGuid } from '../state/deterministic-id.js';
import { findBuiltInRole, roleIds } from '../state/directory-role-catalogue.js';
import { DirectoryError } from '../state/directory-errors.js';
import type { User } from '../state/directory-types.js';
import type { EmulatorContext } from '../server/emulator-context.js';
import { authenticationMethodNames, type DirectoryAuditRecord, type SecurityConfigSnapshot, type TenantSecurityConfig } from '../state/security-config.js';
import { lowClassifications } from '../state/permission-classifications.js';
import { conditionalAccessRecord } from '../state/security-seed.js';
import { secureScoreControls } from '../graph/resources/compliance-resources.js';
import { randomUUID } from 'node:crypto';

const guidList = z.array(z.string());
const caState = z.enum(['enabled', 'disabled', 'enabledForReportingButNotEnforced']);
const caUsers = {
  includeUsers: guidList.optional(),
  excludeUsers: guidList.optional(),
  includeGroups: guidList.optional(),
  excludeGroups: guidList.optional(),
  includeRoles: guidList.optional(),
  excludeRoles: guidList.optional(),
  clientAppTypes: z.array(z.string()).optional(),
  includeLocations: guidList.optional(),
  excludeLocations: guidList.optional(),
};
const newCaBody = z.object({ displayName: z.string().min(1), state: caState, builtInControls: z.array(z.enum(['mfa', 'block', 'compliantDevice', 'domainJoinedDevice', 'approvedApplication', 'compliantApplication', 'passwordChange'])).min(1), ...caUsers }).strict();
const caChangesBody = z.object({ displayName: z.string().min(1).optional(), state: caState.optional(), builtInControls: z.array(z.string()).min(1).optional(), ...caUsers }).strict();
const licencesBody = z.object({ entraIdP1: z.boolean(), entraIdP2: z.boolean() }).strict();
const securityDefaultsBody = z.object({ isEnabled: z.boolean() }).strict();
const userSecurityBody = z
  .object({
    methods: z.array(z.enum(authenticationMethodNames)).optional(),
    userType: z.enum(['Member', 'Guest']).optional(),
    onPremisesSyncEnabled: z.boolean().optional(),
    lastSignInDateTime: z.iso.datetime().optional(),
  })
  .strict();
const secureScoreBody = z.object({ controlScores: z.record(z.string(), z.number().min(0)) }).strict();
const roleAssignmentBody = z.object({ userId: z.string().min(1), roleDefinitionId: z.string().optional() }).strict();
const eligibilityBody = z.object({ userId: z.string().min(1), roleDefinitionId: z.string().min(1), endDateTime: z.iso.datetime().nullable().optional() }).strict();
const roleSettingsBody = z
  .object({
    requireApprovalOnActivation: z.boolean().optional(),
    requireMfaOnActivation: z.boolean().optional(),
    requireJustificationOnActivation: z.boolean().optional(),
    maximumActivationDuration: z.string().regex(/^PT\d+H$/, 'an ISO 8601 duration in hours, e.g. PT8H').optional(),
    eligibilityExpirationRequired: z.boolean().optional(),
  })
  .strict();
const classificationsBody = z.object({ low: z.array(z.string().min(1)).max(200) }).strict();

const authorizationPolicyBody = z
  .object({
    allowInvitesFrom: z.enum(['none', 'adminsAndGuestInviters', 'adminsGuestInvitersAndAllMembers', 'everyone']).optional(),
    allowedToUseSSPR: z.boolean().optional(),
    allowEmailVerifiedUsersToJoinOrganization: z.boolean().optional(),
    blockMsolPowerShell: z.boolean().optional(),
    guestUserRoleId: z.string().optional(),
    allowedToCreateApps: z.boolean().optional(),
    allowedToCreateSecurityGroups: z.boolean().optional(),
    allowedToCreateTenants: z.boolean().optional(),
    allowedToReadOtherUsers: z.boolean().optional(),
    permissionGrantPoliciesAssigned: z.array(z.string()).optional(),
  })
  .strict();
const methodsPolicyBody = z
  .object({ policyMigrationState: z.enum(['preMigration', 'migrationInProgress', 'migrationComplete']).optional(), configurations: z.record(z.string(), z.enum(['enabled', 'disabled'])).optional() })
  .strict();

type Tid = { Params: { tid: string } };
type TidId = { Params: { tid: string; id: string } };

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body ?? {});
  if (!result.success) throw new DirectoryError(400, z.prettifyError(result.error));
  return result.data;
}

const defined = <T extends object>(value: T) => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function registerSecurityConfigRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const { directory, security } = ctx;
  const tenantOf = (tid: string) => directory.requireTenant(tid).id;

  /** The first Global Administrator, as the admin who made the change in the audit log. */
  const audit = (config: TenantSecurityConfig, entry: Omit<DirectoryAuditRecord, 'id' | 'activityDateTime' | 'result' | 'initiatedByUserId'>) => {
    const initiator = ctx.roles.members(config.tenantId, roleIds.globalAdministrator)[0];
    config.directoryAudits.push({ id: `Directory_${randomUUID()}`, activityDateTime: iso(ctx.clock.now()), result: 'success', initiatedByUserId: initiator?.id ?? null, ...entry });
  };
  const roleOf = (id: string) => {
    const role = findBuiltInRole(id);
    if (!role) throw new DirectoryError(400, `roleDefinitionId ${id} is not a built-in role the emulator knows (GET /v1.0/roleManagement/directory/roleDefinitions lists them)`);
    return role;
  };
  const userIn = (tenantId: string, idOrUpn: string): User => directory.requireUser(tenantId, idOrUpn);

  app.get('/_emulator/securityConfig', async () => security.snapshot());
  app.post('/_emulator/securityConfig', async (request, reply) => {
    try {
      security.load(request.body as SecurityConfigSnapshot);
    } catch (error) {
      throw new DirectoryError(400, (error as Error).message);
    }
    return reply.code(204).send();
  });
  app.get<Tid>('/_emulator/tenants/:tid/securityConfig', async (request) => security.of(tenantOf(request.params.tid)));

  app.put<Tid>('/_emulator/tenants/:tid/licences', async (request) => {
    const body = parse(licencesBody, request.body);
    return security.change(tenantOf(request.params.tid), (c) => (c.licences = body));
  });
  app.put<Tid>('/_emulator/tenants/:tid/securityDefaults', async (request) => {
    const { isEnabled } = parse(securityDefaultsBody, request.body);
    return security.change(tenantOf(request.params.tid), (c) => {
      c.securityDefaultsEnabled = isEnabled;
      audit(c, { activityDisplayName: 'Update policy', category: 'Policy', operationType: 'Update', targets: [{ id: '00000000-0000-0000-0000-000000000005', displayName: 'Security Defaults', type: 'Policy' }] });
      return { isEnabled };
    });
  });
  app.patch<Tid>('/_emulator/tenants/:tid/authorizationPolicy', async (request) => {
    const body = defined(parse(authorizationPolicyBody, request.body));
    return security.change(tenantOf(request.params.tid), (c) => Object.assign(c.authorizationPolicy, body));
  });
  // Replaces the tenant's classifications: the permission names users may consent to when user consent is limited to
  // low-impact permissions (an empty list classifies nothing).
  app.put<Tid>('/_emulator/tenants/:tid/delegatedPermissionClassifications', async (request) => {
    const { low } = parse(classificationsBody, request.body);
    const tenantId = tenantOf(request.params.tid);
    const records = lowClassifications(tenantId, low);
    return security.change(tenantId, (c) => (c.delegatedPermissionClassifications = records));
  });
  app.patch<Tid>('/_emulator/tenants/:tid/authenticationMethodsPolicy', async (request) => {
    const body = parse(methodsPolicyBody, request.body);
    return security.change(tenantOf(request.params.tid), (c) => {
      for (const [id, state] of Object.entries(body.configurations ?? {})) {
        const found = c.authenticationMethods.configurations.find((m) => m.id.toLowerCase() === id.toLowerCase());
        if (!found) throw new DirectoryError(400, `unknown authentication method configuration '${id}' (${c.authenticationMethods.configurations.map((m) => m.id).join(', ')})`);
        found.state = state;
      }
      if (body.policyMigrationState) c.authenticationMethods.policyMigrationState = body.policyMigrationState;
      return c.authenticationMethods;
    });
  });

  app.post<Tid>('/_emulator/tenants/:tid/conditionalAccessPolicies', async (request, reply) => {
    const body = parse(newCaBody, request.body);
    const tenantId = tenantOf(request.params.tid);
    const record = conditionalAccessRecord(randomUUID(), body, iso(ctx.clock.now()));
    security.change(tenantId, (c) => {
      c.conditionalAccessPolicies.push(record);
      audit(c, { activityDisplayName: 'Add conditional access policy', category: 'Policy', operationType: 'Add', targets: [{ id: record.id, displayName: record.displayName, type: 'Policy' }] });
    });
    return reply.code(201).send(record);
  });
  app.patch<TidId>('/_emulator/tenants/:tid/conditionalAccessPolicies/:id', async (request) => {
    const body = parse(caChangesBody, request.body);
    return security.change(tenantOf(request.params.tid), (c) => {
      const policy = c.conditionalAccessPolicies.find((p) => p.id === request.params.id.toLowerCase());
      if (!policy) throw new DirectoryError(404, `no conditional access policy ${request.params.id}`);
      if (body.displayName) policy.displayName = body.displayName;
      if (body.state) policy.state = body.state;
      if (body.builtInControls) policy.grantControls = { ...(policy.grantControls ?? { operator: 'OR', customAuthenticationFactors: [], termsOfUse: [] }), builtInControls: body.builtInControls };
      const users = policy.conditions.users as Record<string, string[]>;
      for (const key of ['includeUsers', 'excludeUsers', 'includeGroups', 'excludeGroups', 'includeRoles', 'excludeRoles'] as const) if (body[key]) users[key] = body[key];
      if (body.clientAppTypes) policy.conditions.clientAppTypes = body.clientAppTypes;
      if (body.includeLocations || body.excludeLocations) {
        const current = (policy.conditions.locations as { includeLocations: string[]; excludeLocations: string[] } | null) ?? { includeLocations: [], excludeLocations: [] };
        policy.conditions.locations = { includeLocations: body.includeLocations ?? current.includeLocations, excludeLocations: body.excludeLocations ?? current.excludeLocations };
      }
      policy.modifiedDateTime = iso(ctx.clock.now());
      audit(c, { activityDisplayName: 'Update conditional access policy', category: 'Policy', operationType: 'Update', targets: [{ id: policy.id, displayName: policy.displayName, type: 'Policy' }] });
      return policy;
    });
  });
  app.delete<TidId>('/_emulator/tenants/:tid/conditionalAccessPolicies/:id', async (request, reply) => {
    security.change(tenantOf(request.params.tid), (c) => {
      const policy = c.conditionalAccessPolicies.find((p) => p.id === request.params.id.toLowerCase());
      if (!policy) throw new DirectoryError(404, `no conditional access policy ${request.params.id}`);
      c.conditionalAccessPolicies = c.conditionalAccessPolicies.filter((p) => p !== policy);
      audit(c, { activityDisplayName: 'Delete conditional access policy', category: 'Policy', operationType: 'Delete', targets: [{ id: policy.id, displayName: policy.displayName, type: 'Policy' }] });
    });
    return reply.code(204).send();
  });

  // A user's registered methods, guest / on-premises facts and last sign-in.
  app.patch<TidId>('/_emulator/tenants/:tid/users/:id/security', async (request) => {
    const tenantId = tenantOf(request.params.tid);
    const user = userIn(tenantId, request.params.id);
    const body = defined(parse(userSecurityBody, request.body));
    // userType and onPremisesSyncEnabled are user properties: the next users delta round must return this user.
    ctx.deltaTokens.journal.record(tenantId, 'users', user.id);
    return security.change(tenantId, (c) => (c.users[user.id] = { ...c.users[user.id], ...body }));
  });

  app.put<Tid>('/_emulator/tenants/:tid/secureScore', async (request) => {
    const { controlScores } = parse(secureScoreBody, request.body);
    for (const [name, score] of Object.entries(controlScores)) {
      const control = secureScoreControls.find((c) => c.controlName === name);
      if (!control) throw new DirectoryError(400, `unknown Secure Score control '${name}' (${secureScoreControls.map((c) => c.controlName).join(', ')})`);
      if (score > control.max) throw new DirectoryError(400, `${name} scores at most ${control.max}`);
    }
    return security.change(tenantOf(request.params.tid), (c) => Object.assign(c.secureScoreOverrides, controlScores));
  });

  // Active directory role assignments (the user's `wids`); Global Administrator unless roleDefinitionId names another.
  app.post<Tid>('/_emulator/tenants/:tid/roleAssignments', async (request, reply) => {
    const tenantId = tenantOf(request.params.tid);
    const body = parse(roleAssignmentBody, request.body);
    const role = roleOf(body.roleDefinitionId ?? roleIds.globalAdministrator);
    const user = userIn(tenantId, body.userId);
    ctx.roles.assign(tenantId, user, role.templateId);
    security.change(tenantId, (c) => audit(c, { activityDisplayName: 'Add member to role', category: 'RoleManagement', operationType: 'Assign', targets: [{ id: user.id, displayName: user.displayName, type: 'User' }, { id: role.templateId, displayName: role.displayName, type: 'Role' }] }));
    return reply.code(201).send({ principalId: user.id, roleDefinitionId: role.templateId });
  });
  app.delete<{ Params: { tid: string; roleId: string; userId: string } }>('/_emulator/tenants/:tid/roleAssignments/:roleId/:userId', async (request, reply) => {
    const tenantId = tenantOf(request.params.tid);
    const role = roleOf(request.params.roleId);
    const user = userIn(tenantId, request.params.userId);
    if (!user.directoryRoles.includes(role.templateId)) throw new DirectoryError(404, `${user.userPrincipalName} does not hold ${role.displayName}`);
    ctx.roles.unassign(tenantId, user, role.templateId);
    security.change(tenantId, (c) => audit(c, { activityDisplayName: 'Remove member from role', category: 'RoleManagement', operationType: 'Unassign', targets: [{ id: user.id, displayName: user.displayName, type: 'User' }, { id: role.templateId, displayName: role.displayName, type: 'Role' }] }));
    return reply.code(204).send();
  });
  app.post<Tid>('/_emulator/tenants/:tid/roleEligibilities', async (request, reply) => {
    const tenantId = tenantOf(request.params.tid);
    const body = parse(eligibilityBody, request.body);
    const role = roleOf(body.roleDefinitionId);
    const user = userIn(tenantId, body.userId);
    const now = iso(ctx.clock.now());
    const record = { id: deterministicGuid(`eligibility/${tenantId}/${user.id}/${role.templateId}/${now}`), kind: 'eligible' as const, principalId: user.id, roleDefinitionId: role.templateId, startDateTime: now, endDateTime: body.endDateTime ?? null, createdDateTime: now };
    security.change(tenantId, (c) => c.roleSchedules.push(record));
    return reply.code(201).send(record);
  });
  app.patch<TidId>('/_emulator/tenants/:tid/roleSettings/:id', async (request) => {
    const tenantId = tenantOf(request.params.tid);
    const role = roleOf(request.params.id);
    const body = defined(parse(roleSettingsBody, request.body));
    return security.change(tenantId, (c) => {
      let settings = c.roleSettings.find((s) => s.roleDefinitionId === role.templateId);
      if (!settings) {
        settings = { roleDefinitionId: role.templateId, requireApprovalOnActivation: false, requireMfaOnActivation: true, requireJustificationOnActivation: true, maximumActivationDuration: 'PT8H', eligibilityExpirationRequired: false };
        c.roleSettings.push(settings);
      }
      return Object.assign(settings, body);
    });
  });

  // Ages every delta token of the tenant: the next delta link answers 410 and the client must sync again.
  app.post<Tid>('/_emulator/tenants/:tid/deltaTokens/expire', async (request) => ({ invalidated: ctx.deltaTokens.invalidate(tenantOf(request.params.tid)) }));
}
