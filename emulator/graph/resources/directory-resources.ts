// Directory objects as Microsoft Graph v1.0 returns them, built from the emulated directory.
//  - user: https://learn.microsoft.com/graph/api/resources/user (default properties: "List users" / "Get user")
//  - group: https://learn.microsoft.com/graph/api/resources/group
//  - organization: https://learn.microsoft.com/graph/api/resources/organization
//  - application (passwordCredential, keyCredential): https://learn.microsoft.com/graph/api/resources/application,
//    .../resources/passwordcredential, .../resources/keycredential
//  - servicePrincipal: https://learn.microsoft.com/graph/api/resources/serviceprincipal, .../api/serviceprincipal-get
//  - subscribedSku: https://learn.microsoft.com/graph/api/resources/subscribedsku
import { graphAppId } from '../../identity/graph-resource.js';
import { getPermission } from '../../permissions/graph-permissions.js';
import { deterministicGuid } from '../../state/deterministic-id.js';
import type { Application, Group, ServicePrincipal, Tenant, User } from '../../state/directory-types.js';
import type { GraphObject, ResourceShape } from '../odata-query.js';
import { tenantCreatedDateTime } from '../graph-data.js';

export const userShape: ResourceShape = {
  type: 'microsoft.graph.user',
  properties: [
    'id', 'businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName',
    'accountEnabled', 'userType', 'createdDateTime', 'mailNickname', 'usageLocation', 'department', 'onPremisesSyncEnabled', 'signInActivity',
    // $select-only properties of https://learn.microsoft.com/graph/api/resources/user that compliance reads.
    'onPremisesImmutableId', 'assignedLicenses',
  ],
  // The properties Graph returns without $select ("Get user" / "List users", v1.0).
  defaults: ['businessPhones', 'displayName', 'givenName', 'jobTitle', 'mail', 'mobilePhone', 'officeLocation', 'preferredLanguage', 'surname', 'userPrincipalName', 'id'],
  filterable: ['displayName', 'userPrincipalName', 'mail', 'givenName', 'surname', 'jobTitle', 'accountEnabled', 'userType', 'id', 'onPremisesSyncEnabled'],
};

export function userResource(user: User, tenant: Tenant): GraphObject {
  return {
    id: user.id,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName ?? null,
    jobTitle: user.jobTitle ?? null,
    mail: user.mail ?? null,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: 'en-US',
    surname: user.surname ?? null,
    userPrincipalName: user.userPrincipalName,
    accountEnabled: user.accountEnabled,
    userType: 'Member',
    createdDateTime: tenantCreatedDateTime(tenant),
    mailNickname: user.userPrincipalName.split('@')[0]!,
    usageLocation: 'US',
    department: null,
    onPremisesImmutableId: null,
    assignedLicenses: [],
  };
}

/** A member in a directoryObject collection carries its type (https://learn.microsoft.com/graph/api/group-list-members). */
export const userAsDirectoryObject = (user: User, tenant: Tenant): GraphObject => ({ '@odata.type': '#microsoft.graph.user', ...userResource(user, tenant) });

// A group's default properties in the order Graph answers them (group-list / group-get v1.0 responses; the group
// resource's "Returned by default"): the on-premises block between membershipRuleProcessingState and
// preferredDataLocation, the provisioning error lists last. Cloud-only groups have null on-premises values.
const groupOnPremisesProperties = [
  'onPremisesDomainName', 'onPremisesLastSyncDateTime', 'onPremisesNetBiosName', 'onPremisesSamAccountName', 'onPremisesSecurityIdentifier', 'onPremisesSyncEnabled',
];

export const groupShape: ResourceShape = {
  type: 'microsoft.graph.group',
  properties: [
    'id', 'deletedDateTime', 'classification', 'createdDateTime', 'creationOptions', 'description', 'displayName', 'expirationDateTime', 'groupTypes',
    'isAssignableToRole', 'mail', 'mailEnabled', 'mailNickname', 'membershipRule', 'membershipRuleProcessingState', ...groupOnPremisesProperties,
    'preferredDataLocation', 'preferredLanguage', 'proxyAddresses', 'renewedDateTime', 'resourceBehaviorOptions', 'resourceProvisioningOptions',
    'securityEnabled', 'securityIdentifier', 'theme', 'visibility', 'onPremisesProvisioningErrors', 'serviceProvisioningErrors',
  ],
  defaults: [
    'id', 'deletedDateTime', 'classification', 'createdDateTime', 'creationOptions', 'description', 'displayName', 'expirationDateTime', 'groupTypes',
    'isAssignableToRole', 'mail', 'mailEnabled', 'mailNickname', 'membershipRule', 'membershipRuleProcessingState', ...groupOnPremisesProperties,
    'preferredDataLocation', 'preferredLanguage', 'proxyAddresses', 'renewedDateTime', 'resourceBehaviorOptions', 'resourceProvisioningOptions',
    'securityEnabled', 'securityIdentifier', 'theme', 'visibility', 'onPremisesProvisioningErrors', 'serviceProvisioningErrors',
  ],
  filterable: ['displayName', 'mailNickname', 'mail', 'id', 'securityEnabled', 'mailEnabled'],
};

/** Every emulated group is a Microsoft 365 (Unified) group with a team, so Teams and SharePoint have data. */
export function groupResource(group: Group, tenant: Tenant): GraphObject {
  const mail = `${group.mailNickname}@${tenant.domains[0]}`;
  return {
    id: group.id,
    deletedDateTime: null,
    classification: null,
    createdDateTime: tenantCreatedDateTime(tenant),
    creationOptions: ['Team'],
    description: `${group.displayName} team`,
    displayName: group.displayName,
    expirationDateTime: null,
    groupTypes: ['Unified'],
    isAssignableToRole: null,
    mail,
    mailEnabled: true,
    mailNickname: group.mailNickname,
    membershipRule: null,
    membershipRuleProcessingState: null,
    onPremisesDomainName: null,
    onPremisesLastSyncDateTime: null,
    onPremisesNetBiosName: null,
    onPremisesSamAccountName: null,
    onPremisesSecurityIdentifier: null,
    onPremisesSyncEnabled: null,
    preferredDataLocation: null,
    preferredLanguage: null,
    proxyAddresses: [`SMTP:${mail}`],
    renewedDateTime: tenantCreatedDateTime(tenant),
    resourceBehaviorOptions: [],
    resourceProvisioningOptions: ['Team'],
    securityEnabled: false,
    securityIdentifier: `S-1-12-1-${parseInt(group.id.slice(0, 8), 16)}`,
    theme: null,
    visibility: 'Private',
    onPremisesProvisioningErrors: [],
    serviceProvisioningErrors: [],
  };
}

export const organizationShape: ResourceShape = {
  type: 'microsoft.graph.organization',
  properties: [
    'id', 'deletedDateTime', 'businessPhones', 'city', 'country', 'countryLetterCode', 'createdDateTime', 'displayName', 'marketingNotificationEmails',
    'onPremisesLastSyncDateTime', 'onPremisesSyncEnabled', 'postalCode', 'preferredLanguage', 'privacyProfile', 'securityComplianceNotificationMails',
    'securityComplianceNotificationPhones', 'state', 'street', 'technicalNotificationMails', 'tenantType', 'verifiedDomains', 'assignedPlans',
  ],
  defaults: [
    'id', 'deletedDateTime', 'businessPhones', 'city', 'country', 'countryLetterCode', 'createdDateTime', 'displayName', 'marketingNotificationEmails',
    'onPremisesLastSyncDateTime', 'onPremisesSyncEnabled', 'postalCode', 'preferredLanguage', 'privacyProfile', 'securityComplianceNotificationMails',
    'securityComplianceNotificationPhones', 'state', 'street', 'technicalNotificationMails', 'tenantType', 'verifiedDomains', 'assignedPlans',
  ],
};

export function organizationResource(tenant: Tenant): GraphObject {
  return {
    id: tenant.id,
    deletedDateTime: null,
    businessPhones: [],
    city: 'Redmond',
    country: null,
    countryLetterCode: 'US',
    createdDateTime: tenantCreatedDateTime(tenant),
    displayName: tenant.displayName,
    marketingNotificationEmails: [],
    onPremisesLastSyncDateTime: null,
    onPremisesSyncEnabled: null,
    postalCode: '98052',
    preferredLanguage: 'en',
    privacyProfile: null,
    securityComplianceNotificationMails: [],
    securityComplianceNotificationPhones: [],
    state: 'WA',
    street: '1 Emulator Way',
    technicalNotificationMails: [`admin@${tenant.domains[0]}`],
    tenantType: 'AAD',
    verifiedDomains: tenant.domains.map((name, i) => ({
      capabilities: 'Email, OfficeCommunicationsOnlineService',
      isDefault: i === 0,
      isInitial: i === 0,
      name,
      type: 'Managed',
    })),
    assignedPlans: [],
  };
}

export const applicationShape: ResourceShape = {
  type: 'microsoft.graph.application',
  properties: [
    'id', 'appId', 'createdDateTime', 'deletedDateTime', 'displayName', 'description', 'publisherDomain', 'signInAudience', 'identifierUris',
    'keyCredentials', 'passwordCredentials', 'requiredResourceAccess', 'web', 'spa', 'publicClient', 'tags',
  ],
  defaults: [
    'id', 'appId', 'createdDateTime', 'deletedDateTime', 'displayName', 'description', 'publisherDomain', 'signInAudience', 'identifierUris',
    'keyCredentials', 'passwordCredentials', 'requiredResourceAccess', 'web', 'spa', 'publicClient', 'tags',
  ],
};

/** Only the permission ids are in requiredResourceAccess; names the table does not know are left out. */
function resourceAccess(app: Application) {
  const ids = [
    ...app.requiredGraphAccess.delegated.map((name) => ({ id: getPermission(name, 'delegated')?.id, type: 'Scope' })),
    ...app.requiredGraphAccess.application.map((name) => ({ id: getPermission(name, 'application')?.id, type: 'Role' })),
  ].filter((a): a is { id: string; type: string } => a.id !== undefined);
  return ids.length > 0 ? [{ resourceAppId: graphAppId, resourceAccess: ids }] : [];
}

export function applicationResource(app: Application, tenant: Tenant): GraphObject {
  return {
    id: app.id,
    appId: app.appId,
    createdDateTime: tenantCreatedDateTime(tenant),
    deletedDateTime: null,
    displayName: app.displayName,
    description: null,
    publisherDomain: tenant.domains[0],
    signInAudience: app.signInAudience,
    identifierUris: [],
    // Graph never returns secret values: secretText is null outside addPassword's response.
    passwordCredentials: app.passwordCredentials.map((c) => ({
      customKeyIdentifier: null,
      displayName: c.displayName ?? null,
      endDateTime: c.endDateTime,
      hint: c.hint,
      keyId: c.keyId,
      secretText: null,
      startDateTime: c.startDateTime,
    })),
    keyCredentials: app.keyCredentials.map((c) => ({
      customKeyIdentifier: c.thumbprint,
      displayName: c.displayName ?? null,
      endDateTime: c.endDateTime,
      key: null,
      keyId: c.keyId,
      startDateTime: c.startDateTime,
      type: 'AsymmetricX509Cert',
      usage: 'Verify',
    })),
    requiredResourceAccess: resourceAccess(app),
    web: { homePageUrl: null, logoutUrl: null, redirectUris: app.redirectUris, implicitGrantSettings: { enableAccessTokenIssuance: false, enableIdTokenIssuance: false } },
    spa: { redirectUris: app.spaRedirectUris ?? [] },
    publicClient: { redirectUris: app.publicClientRedirectUris ?? [] },
    tags: [],
  };
}

export const servicePrincipalShape: ResourceShape = {
  type: 'microsoft.graph.servicePrincipal',
  properties: [
    'id', 'deletedDateTime', 'accountEnabled', 'alternativeNames', 'appDisplayName', 'appDescription', 'appId', 'applicationTemplateId', 'appOwnerOrganizationId',
    'appRoleAssignmentRequired', 'createdDateTime', 'description', 'disabledByMicrosoftStatus', 'displayName', 'homepage', 'loginUrl', 'logoutUrl', 'notes',
    'notificationEmailAddresses', 'preferredSingleSignOnMode', 'replyUrls', 'servicePrincipalNames', 'servicePrincipalType', 'signInAudience', 'tags',
    'appRoles', 'oauth2PermissionScopes', 'keyCredentials', 'passwordCredentials',
  ],
  defaults: [
    'id', 'deletedDateTime', 'accountEnabled', 'alternativeNames', 'appDisplayName', 'appDescription', 'appId', 'applicationTemplateId', 'appOwnerOrganizationId',
    'appRoleAssignmentRequired', 'createdDateTime', 'description', 'disabledByMicrosoftStatus', 'displayName', 'homepage', 'loginUrl', 'logoutUrl', 'notes',
    'notificationEmailAddresses', 'preferredSingleSignOnMode', 'replyUrls', 'servicePrincipalNames', 'servicePrincipalType', 'signInAudience', 'tags',
    'appRoles', 'oauth2PermissionScopes', 'keyCredentials', 'passwordCredentials',
  ],
};

/**
 * The enterprise application of an app in one tenant. `appRoleAssignmentRequired` is that tenant's "Assignment
 * required?"; `appOwnerOrganizationId` is the app's home tenant; `replyUrls` mirror the registration's redirect URIs.
 * The emulator never disables a service principal, so `accountEnabled` is always true.
 */
export function servicePrincipalResource(sp: ServicePrincipal, app: Application | undefined, tenant: Tenant): GraphObject {
  return {
    id: sp.id,
    deletedDateTime: null,
    accountEnabled: true,
    alternativeNames: [],
    appDisplayName: app?.displayName ?? sp.displayName,
    appDescription: null,
    appId: sp.appId,
    applicationTemplateId: null,
    appOwnerOrganizationId: app?.tenantId ?? null,
    appRoleAssignmentRequired: sp.appRoleAssignmentRequired,
    createdDateTime: tenantCreatedDateTime(tenant),
    description: null,
    disabledByMicrosoftStatus: null,
    displayName: sp.displayName,
    homepage: null,
    loginUrl: null,
    logoutUrl: null,
    notes: null,
    notificationEmailAddresses: [],
    preferredSingleSignOnMode: null,
    replyUrls: app ? [...app.redirectUris, ...(app.spaRedirectUris ?? []), ...(app.publicClientRedirectUris ?? [])] : [],
    servicePrincipalNames: [sp.appId],
    servicePrincipalType: 'Application',
    signInAudience: app?.signInAudience ?? 'AzureADMyOrg',
    tags: ['WindowsAzureActiveDirectoryIntegratedApp'],
    appRoles: [],
    oauth2PermissionScopes: [],
    keyCredentials: [],
    passwordCredentials: [],
  };
}

export const subscribedSkuShape: ResourceShape = {
  type: 'microsoft.graph.subscribedSku',
  properties: ['accountId', 'accountName', 'appliesTo', 'capabilityStatus', 'consumedUnits', 'id', 'prepaidUnits', 'servicePlans', 'skuId', 'skuPartNumber', 'subscriptionIds'],
  defaults: ['accountId', 'accountName', 'appliesTo', 'capabilityStatus', 'consumedUnits', 'id', 'prepaidUnits', 'servicePlans', 'skuId', 'skuPartNumber', 'subscriptionIds'],
};

// SKU and service plan ids as Microsoft lists them in "Product names and service plan identifiers for licensing"
// (https://learn.microsoft.com/entra/identity/users/licensing-service-plan-reference).
const skus = [
  {
    skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900',
    skuPartNumber: 'ENTERPRISEPACK',
    plans: [
      { servicePlanId: 'efb87545-963c-4e0d-99df-69c6916d9eb0', servicePlanName: 'EXCHANGE_S_ENTERPRISE' },
      { servicePlanId: '5dbe027f-2339-4123-9542-606e4d348a72', servicePlanName: 'SHAREPOINTENTERPRISE' },
      { servicePlanId: '57ff2da0-773e-42df-b2af-ffb7a2317929', servicePlanName: 'TEAMS1' },
    ],
  },
  // Microsoft Entra ID P1 and P2: which one a tenant holds decides what applies (sign-in logs need P1, PIM P2).
  {
    skuId: '078d2b04-f1bd-4111-bbd4-b4b1b354cef4',
    skuPartNumber: 'AAD_PREMIUM',
    entra: 'P1',
    plans: [
      { servicePlanId: '41781fb2-bc02-4b7c-bd55-b576c07bb09d', servicePlanName: 'AAD_PREMIUM' },
      { servicePlanId: '8a256a2b-b617-496d-b51b-e76466e88db0', servicePlanName: 'MFA_PREMIUM' },
    ],
  },
  {
    skuId: '84a661c4-e949-4bd2-a560-ed7766fcaf2b',
    skuPartNumber: 'AAD_PREMIUM_P2',
    entra: 'P2',
    plans: [
      { servicePlanId: '41781fb2-bc02-4b7c-bd55-b576c07bb09d', servicePlanName: 'AAD_PREMIUM' },
      { servicePlanId: '8a256a2b-b617-496d-b51b-e76466e88db0', servicePlanName: 'MFA_PREMIUM' },
      { servicePlanId: 'eec0eb4f-6444-4f95-aba0-50c24d67f998', servicePlanName: 'AAD_PREMIUM_P2' },
    ],
  },
];

/** The tenant's SKUs: Office 365 E3 always, Entra ID P1 / P2 as its security configuration holds them. */
export function subscribedSkuResources(tenant: Tenant, users: readonly User[], licences: { entraIdP1: boolean; entraIdP2: boolean }): GraphObject[] {
  const enabled = Math.max(25, Math.ceil(users.length / 25) * 25);
  const held = skus.filter((sku) => !('entra' in sku) || (sku.entra === 'P1' ? licences.entraIdP1 : licences.entraIdP2));
  return held.map((sku) => ({
    accountId: tenant.id,
    accountName: tenant.displayName,
    appliesTo: 'User',
    capabilityStatus: 'Enabled',
    consumedUnits: users.filter((u) => u.accountEnabled).length,
    id: `${tenant.id}_${sku.skuId}`,
    prepaidUnits: { enabled, lockedOut: 0, suspended: 0, warning: 0 },
    servicePlans: sku.plans.map((p) => ({ ...p, provisioningStatus: 'Success', appliesTo: 'User' })),
    skuId: sku.skuId,
    skuPartNumber: sku.skuPartNumber,
    subscriptionIds: [deterministicGuid(`subscription/${tenant.id}/${sku.skuPartNumber}`)],
  }));
}
