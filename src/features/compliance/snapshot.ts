// The hub's tenant snapshot: one object per area, each holding Graph's own camelCase objects exactly as Graph
// returns them (only the `$select`ed properties), so a snapshot can be written by hand from Graph Explorer output
// and assessed offline (`m365hub assess --snapshot FILE`). docs/compliance.md documents the format.
// Graph objects are typed loosely on purpose: a malformed object must reach a rule as data (the rule reports
// `error`), never stop the parse of the whole snapshot.

import { COMPLIANCE_AREA_LABELS, type ComplianceAreaName } from '../../contract/compliance-areas.js';
import type { StoredAreaBody } from './snapshot-area-body.js';

export const SNAPSHOT_FORMAT = 'm365hub.snapshot';
export const SNAPSHOT_VERSION = 1;

export type GraphObject = Record<string, unknown>;

/** An area the hub could not read: the permission to grant, or the failure it met. */
export interface AreaFault {
  status: 'permission_error' | 'error';
  /** Microsoft Graph application permission that would let the collector read this area. */
  permission?: string;
  message: string;
}

export interface DirectoryArea {
  /** GET /users ($select id,displayName,userPrincipalName,userType,accountEnabled,onPremisesImmutableId,onPremisesSyncEnabled). */
  users?: GraphObject[];
  /** GET /groups; `members` holds the ids of the group's transitive members (GET /groups/{id}/transitiveMembers). */
  groups?: GraphObject[];
  /** GET /domains. */
  domains?: GraphObject[];
  /** GET /subscribedSkus (servicePlans decide Entra ID P1 / P2). */
  subscribedSkus?: GraphObject[];
}

export interface AuthenticationMethodsArea {
  /** GET /policies/authenticationMethodsPolicy with its authenticationMethodConfigurations. */
  policy?: GraphObject;
  /** GET /reports/authenticationMethods/userRegistrationDetails. */
  userRegistrationDetails?: GraphObject[];
}

export interface RolesArea {
  /** GET /roleManagement/directory/roleDefinitions. */
  roleDefinitions?: GraphObject[];
  /** GET /roleManagement/directory/roleAssignments (active assignments, PIM-made or not). */
  roleAssignments?: GraphObject[];
  /** GET /roleManagement/directory/roleAssignmentSchedules (PIM: start and expiry of active assignments). */
  roleAssignmentSchedules?: GraphObject[];
  /** GET /roleManagement/directory/roleEligibilitySchedules (PIM eligible assignments). */
  roleEligibilitySchedules?: GraphObject[];
  /** GET /policies/roleManagementPolicyAssignments?$filter=scopeId eq '/' and scopeType eq 'DirectoryRole'&$expand=policy($expand=rules). */
  roleManagementPolicyAssignments?: GraphObject[];
}

export interface ConditionalAccessArea {
  /** GET /identity/conditionalAccess/policies. */
  policies?: GraphObject[];
}

export interface AuthorizationArea {
  /** GET /policies/authorizationPolicy. */
  authorizationPolicy?: GraphObject;
  /** GET /groupSettings (directory settings such as "Consent Policy Settings"). */
  groupSettings?: GraphObject[];
  /** GET /servicePrincipals/{id}/delegatedPermissionClassifications of Microsoft Graph's service principal. */
  delegatedPermissionClassifications?: GraphObject[];
}

export interface SharePointArea {
  /** GET /admin/sharepoint/settings. */
  settings?: GraphObject;
}

export interface SecureScoreArea {
  /** GET /security/secureScores (newest first or not; rules sort by createdDateTime). */
  secureScores?: GraphObject[];
  /** GET /security/secureScoreControlProfiles. */
  controlProfiles?: GraphObject[];
}

export interface SnapshotAreas {
  directory: DirectoryArea;
  authenticationMethods: AuthenticationMethodsArea;
  roles: RolesArea;
  conditionalAccess: ConditionalAccessArea;
  authorization: AuthorizationArea;
  sharePoint: SharePointArea;
  secureScore: SecureScoreArea;
}

export type AreaName = keyof SnapshotAreas;
/** Every area, in the order a sync reads them: the contract's list, checked here to be exactly the snapshot's areas. */
export const AREA_NAMES = Object.keys(COMPLIANCE_AREA_LABELS) as readonly AreaName[];
type SameAreas = [AreaName] extends [ComplianceAreaName] ? ([ComplianceAreaName] extends [AreaName] ? true : never) : never;
const sameAreas: SameAreas = true;
void sameAreas;

export interface TenantSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  tenantId?: string;
  collectedAt?: string;
  /** An area absent here was not collected; a fault says why it could not be. */
  areas: Partial<SnapshotAreas>;
  faults?: Partial<Record<AreaName, AreaFault>>;
}

/**
 * A snapshot on its way to storage (appendSnapshot): a sync's large lists are already held as canonical text
 * (canonical-list.ts) rather than as the objects a TenantSnapshot holds; stored, both read back alike.
 */
export interface StorableSnapshot extends Omit<TenantSnapshot, 'areas'> {
  areas: Partial<Record<AreaName, object>>;
  /**
   * Stored bodies (storedAreaBody) of areas already under way: a sync hashes and compresses an area while it reads
   * the next one. appendSnapshot makes the others itself.
   */
  storedBodies?: Partial<Record<AreaName, Promise<StoredAreaBody>>>;
}
