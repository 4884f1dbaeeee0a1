// Whether the workspace enabled a service in a mode (and so asked its admin to consent its permissions): what the
// typed actions and the Graph pass-through check before they use a token for that service.
import type { ServiceName } from '../../contract/services.js';
import { PERMISSION_CATALOGUE } from '../../microsoft/identity/permission-catalogue.js';
import { HttpProblem } from '../../platform/http/http-problem.js';

export type ServiceMode = 'delegated' | 'application';
export type EnabledServices = readonly { service: ServiceName; modes: readonly ServiceMode[] }[] | undefined;

export function isServiceEnabled(enabled: EnabledServices, service: ServiceName, mode: ServiceMode): boolean {
  return enabled?.some((s) => s.service === service && s.modes.includes(mode)) ?? false;
}

/** 403 service_not_enabled naming the service, the mode and the fix. */
export function serviceNotEnabled(service: ServiceName, mode: ServiceMode): HttpProblem {
  const label = PERMISSION_CATALOGUE[service].displayName;
  return new HttpProblem('service_not_enabled', {
    detail: `${label} (${mode}) is not enabled for this workspace. Enable it in the Microsoft 365 integration (services: { service: "${service}", modes: ["${mode}"] }), grant its permission in Entra ID, then try again.`,
  });
}
