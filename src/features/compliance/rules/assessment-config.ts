// The operator's assessment configuration. The `Aad` part has the shape of ScubaGear's configuration file, so an
// existing ScubaGear config (converted to JSON) works as it is: per policy id, the conditional access exclusions
// the operator accepts (`CapExclusions`) and the principals allowed a permanent role (`RoleExclusions`).
// `Hub` holds the thresholds of the checks beyond SCuBA.
import { AppError } from '../../../platform/errors/app-error.js';

export interface PrincipalList {
  Users?: string[];
  Groups?: string[];
}

export interface CapExclusions extends PrincipalList {
  /** Not in ScubaGear (which ignores guest exclusions): guest or external user types this policy may exclude. */
  GuestOrExternalUserTypes?: string[];
}

export interface AadPolicyConfig {
  CapExclusions?: CapExclusions;
  RoleExclusions?: PrincipalList;
}

export interface HubThresholds {
  /** Role template ids counted as privileged (default: SCuBA's list of highly privileged roles). */
  privilegedRoleTemplateIds?: string[];
  /** Lowest share of enabled member users registered for MFA, in percent (default 100). */
  mfaRegistrationMinimumPercent?: number;
  /** Lowest Secure Score as a percentage of the maximum (default 50). */
  secureScoreMinimumPercent?: number;
  /** Widest SharePoint sharing level accepted (default existingExternalUserSharingOnly, as MS.SHAREPOINT.1.1v1). */
  sharePointMaximumSharing?: string;
}

export interface AssessmentConfig {
  Aad?: Record<string, AadPolicyConfig>;
  Hub?: HubThresholds;
}

/** A configuration fault, pointing at the offending key (JSON pointer into the configuration file). */
export function configError(message: string, pointer: string): AppError {
  return new AppError('invalid_assessment_config', message, { fieldErrors: [{ pointer, detail: message }] });
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function stringList(value: unknown, pointer: string): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw configError(`${pointer} must be a list of ids (strings)`, pointer);
  }
  return value as string[];
}

function principalList(value: unknown, pointer: string, withGuests: boolean): CapExclusions | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isObject(value)) throw configError(`${pointer} must be an object with Users and Groups lists`, pointer);
  const list: CapExclusions = {};
  const users = stringList(value.Users, `${pointer}/Users`);
  const groups = stringList(value.Groups, `${pointer}/Groups`);
  if (users) list.Users = users;
  if (groups) list.Groups = groups;
  if (withGuests) {
    const guests = stringList(value.GuestOrExternalUserTypes, `${pointer}/GuestOrExternalUserTypes`);
    if (guests) list.GuestOrExternalUserTypes = guests;
  }
  return list;
}

function percent(value: unknown, pointer: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !(value >= 0 && value <= 100)) {
    throw configError(`${pointer} must be a number from 0 to 100`, pointer);
  }
  return value;
}

/** Validates an operator's configuration (parsed JSON); keys it does not know are ignored, as ScubaGear ignores them. */
export function parseAssessmentConfig(input: unknown): AssessmentConfig {
  if (input === undefined || input === null) return {};
  if (!isObject(input)) throw configError('the configuration must be a JSON object', '');
  const config: AssessmentConfig = {};
  if (input.Aad !== undefined) {
    if (!isObject(input.Aad)) throw configError('Aad must be an object keyed by policy id (MS.AAD.3.1v1)', '/Aad');
    config.Aad = {};
    for (const [policyId, entry] of Object.entries(input.Aad)) {
      const pointer = `/Aad/${policyId}`;
      if (!isObject(entry)) throw configError(`${pointer} must be an object`, pointer);
      const policy: AadPolicyConfig = {};
      const cap = principalList(entry.CapExclusions, `${pointer}/CapExclusions`, true);
      const role = principalList(entry.RoleExclusions, `${pointer}/RoleExclusions`, false);
      if (cap) policy.CapExclusions = cap;
      if (role) policy.RoleExclusions = role;
      config.Aad[policyId] = policy;
    }
  }
  if (input.Hub !== undefined) {
    if (!isObject(input.Hub)) throw configError('Hub must be an object of thresholds', '/Hub');
    const hub: HubThresholds = {};
    const roles = stringList(input.Hub.privilegedRoleTemplateIds, '/Hub/privilegedRoleTemplateIds');
    if (roles) hub.privilegedRoleTemplateIds = roles;
    const mfa = percent(input.Hub.mfaRegistrationMinimumPercent, '/Hub/mfaRegistrationMinimumPercent');
    if (mfa !== undefined) hub.mfaRegistrationMinimumPercent = mfa;
    const score = percent(input.Hub.secureScoreMinimumPercent, '/Hub/secureScoreMinimumPercent');
    if (score !== undefined) hub.secureScoreMinimumPercent = score;
    if (input.Hub.sharePointMaximumSharing !== undefined) {
      if (typeof input.Hub.sharePointMaximumSharing !== 'string') {
        throw configError('/Hub/sharePointMaximumSharing must be a sharingCapability value', '/Hub/sharePointMaximumSharing');
      }
      hub.sharePointMaximumSharing = input.Hub.sharePointMaximumSharing;
    }
    config.Hub = hub;
  }
  return config;
}
