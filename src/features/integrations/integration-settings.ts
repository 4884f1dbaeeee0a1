// What a workspace admin may set on the Microsoft 365 integration, checked against the identity layer's permission
// catalogue so a service/mode that Microsoft does not offer, or a setting a service needs, is refused when it is
// saved instead of discovered at the first token request.
import {
  MODES,
  PERMISSION_CATALOGUE,
  SERVICES,
  type PermissionMode,
  type Service,
  type ServiceSelection,
} from '../../microsoft/identity/index.js';
import { DomainError } from '../../platform/errors/domain-error.js';

export interface IntegrationSettingsInput {
  clientId: string;
  /** Blank, null or `organizations`: multi-tenant. */
  azureTenantId?: string | null;
  /** Null: use M365_REDIRECT_URI or BACKEND_URL + /auth/m365/callback. */
  redirectUri?: string | null;
  services: readonly { service: string; modes: readonly string[] }[];
  allowedSites?: readonly string[];
  dynamicsOrg?: string | null;
  returnOrigins?: readonly string[];
}

export interface IntegrationSettings {
  clientId: string;
  azureTenantId: string | null;
  redirectUri: string | null;
  services: ServiceSelection[];
  allowedSites: string[];
  dynamicsOrg: string | null;
  returnOrigins: string[];
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A verified domain such as contoso.onmicrosoft.com also names a tenant in Microsoft's URLs.
const DOMAIN = /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
const DYNAMICS_ORG = /^[a-z0-9][a-z0-9-]{0,62}$/i;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

function invalid(field: string, message: string): never {
  throw DomainError.forField('validation_failed', field, message);
}

function parseUrl(field: string, value: string): URL {
  try {
    return new URL(value);
  } catch {
    return invalid(field, `"${value}" is not an absolute URL.`);
  }
}

/** https, or http only on loopback (development), with no credentials in it: Microsoft accepts the same. */
function checkWebUrl(field: string, url: URL): void {
  if (url.username || url.password) invalid(field, 'must not contain a user name or password.');
  const httpLoopback = url.protocol === 'http:' && LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !httpLoopback) invalid(field, 'must use https (http only on localhost or 127.0.0.1).');
}

function redirectUriOf(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text) return null;
  const url = parseUrl('redirectUri', text);
  checkWebUrl('redirectUri', url);
  if (url.hash) invalid('redirectUri', 'must not contain a fragment (#…).');
  return text;
}

function tenantOf(value: string | null | undefined): string | null {
  const text = value?.trim();
  if (!text || text.toLowerCase() === 'organizations') return null;
  if (text.toLowerCase() === 'common') invalid('azureTenantId', 'use a tenant id, or leave it blank for a multi-tenant app (organizations); personal accounts are not supported.');
  if (GUID.test(text)) return text.toLowerCase();
  if (DOMAIN.test(text)) return text.toLowerCase();
  return invalid('azureTenantId', 'must be the directory (tenant) id, a GUID, or a verified domain such as contoso.onmicrosoft.com; leave it blank for multi-tenant.');
}

function servicesOf(input: IntegrationSettingsInput['services']): ServiceSelection[] {
  if (input.length === 0) invalid('services', 'choose at least one service.');
  const seen = new Set<string>();
  const selections: ServiceSelection[] = [];
  for (const entry of input) {
    if (!(SERVICES as readonly string[]).includes(entry.service)) invalid('services', `unknown service "${entry.service}"; expected one of ${SERVICES.join(', ')}.`);
    const service = entry.service as Service;
    if (seen.has(service)) invalid('services', `"${service}" is listed twice.`);
    seen.add(service);
    const modes = [...new Set(entry.modes)];
    if (modes.length === 0) invalid('services', `"${service}" needs at least one mode (delegated, application).`);
    for (const mode of modes) {
      if (!(MODES as readonly string[]).includes(mode)) invalid('services', `"${service}": unknown mode "${mode}"; expected delegated or application.`);
      const unsupported = PERMISSION_CATALOGUE[service][mode as PermissionMode].unsupported;
      if (unsupported) invalid('services', `"${service}" in ${mode} mode: ${unsupported}`);
    }
    // Catalogue order, so two saves of the same choice compare equal.
    selections.push({ service, modes: MODES.filter((m) => modes.includes(m)) });
  }
  return SERVICES.flatMap((s) => selections.filter((sel) => sel.service === s));
}

/** SharePoint site URLs for Sites.Selected: https on a *.sharepoint.com host, normalised without a trailing slash. */
function allowedSitesOf(input: readonly string[] | undefined): string[] {
  const sites = new Set<string>();
  for (const raw of input ?? []) {
    const url = parseUrl('allowedSites', raw.trim());
    if (url.protocol !== 'https:' || url.username || url.password || url.search || url.hash) {
      invalid('allowedSites', `"${raw}" must be a plain https site URL such as https://contoso.sharepoint.com/sites/finance.`);
    }
    if (!url.hostname.endsWith('.sharepoint.com') || url.port) invalid('allowedSites', `"${raw}" is not on a *.sharepoint.com host.`);
    sites.add(`${url.origin}${url.pathname.replace(/\/+$/, '')}`.toLowerCase());
  }
  return [...sites];
}

function returnOriginsOf(input: readonly string[] | undefined): string[] {
  const origins = new Set<string>();
  for (const raw of input ?? []) {
    const url = parseUrl('returnOrigins', raw.trim());
    checkWebUrl('returnOrigins', url);
    // An origin only: a path would suggest a narrower rule than the one enforced.
    if (`${url.origin}` !== raw.trim().replace(/\/$/, '')) invalid('returnOrigins', `"${raw}" must be an origin only, such as https://acme.example.com.`);
    origins.add(url.origin);
  }
  return [...origins];
}

function dynamicsOrgOf(value: string | null | undefined, services: ServiceSelection[]): string | null {
  const text = value?.trim() || null;
  const enabled = services.some((s) => s.service === 'dynamics');
  if (!enabled) {
    if (text) invalid('dynamicsOrg', 'is only used with the dynamics service; enable it or leave this blank.');
    return null;
  }
  if (!text || !DYNAMICS_ORG.test(text)) invalid('dynamicsOrg', 'Dynamics 365 needs the organisation name (the "contoso" of contoso.crm.dynamics.com).');
  return text.toLowerCase();
}

export function validateIntegrationSettings(input: IntegrationSettingsInput): IntegrationSettings {
  const clientId = input.clientId.trim();
  if (!GUID.test(clientId)) invalid('clientId', 'must be the Application (client) ID of the app registration, a GUID.');
  const services = servicesOf(input.services);
  return {
    clientId: clientId.toLowerCase(),
    azureTenantId: tenantOf(input.azureTenantId),
    redirectUri: redirectUriOf(input.redirectUri),
    services,
    allowedSites: allowedSitesOf(input.allowedSites),
    dynamicsOrg: dynamicsOrgOf(input.dynamicsOrg, services),
    returnOrigins: returnOriginsOf(input.returnOrigins),
  };
}
