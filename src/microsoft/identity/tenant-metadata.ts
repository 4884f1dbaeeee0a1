// Where a tenant's endpoints are: the v2.0 OpenID Connect discovery document
// (https://learn.microsoft.com/en-us/entra/identity-platform/v2-protocols-oidc#find-your-apps-openid-configuration-document-uri),
// cached per tenant. For `organizations` / `common` Microsoft publishes the issuer as the template
// `https://login.microsoftonline.com/{tenantid}/v2.0`; the token's own `tid` fills it (see token-client.ts).
import { LRUCache } from 'lru-cache';
import type * as oauth from 'oauth4webapi';
import { z } from 'zod';
import type { Clock } from '../../platform/time/clock.js';
import { identityError, identityErrorFromMicrosoft } from './aadsts-catalogue.js';
import type { FetchLike } from './identity-fetch.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{3,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
export const TENANT_TEMPLATE = '{tenantid}';

export const isTenantGuid = (value: string) => GUID.test(value);
export const isMultiTenantAlias = (tenant: string) => ['organizations', 'common'].includes(tenant.toLowerCase());
/** One tenant named by its id or one of its domains (not an alias that stands for many). */
export const isTenantIdOrDomain = (value: string) => GUID.test(value) || DOMAIN.test(value);

/** A tenant path segment: a GUID, a verified domain, or `organizations` / `common`; anything else is refused. */
export function normaliseTenant(tenant: string | undefined): string {
  const value = (tenant ?? '').trim();
  if (!value) return 'organizations';
  if (isTenantIdOrDomain(value) || isMultiTenantAlias(value)) return value.toLowerCase();
  throw identityError('tenant_not_found');
}

const discoverySchema = z.object({
  issuer: z.string(),
  authorization_endpoint: z.string().url(),
  token_endpoint: z.string().url(),
  jwks_uri: z.string().url(),
  id_token_signing_alg_values_supported: z.array(z.string()).optional(),
});

export interface TenantMetadata {
  /** The authorization server as oauth4webapi takes it (issuer may be the {tenantid} template). */
  as: oauth.AuthorizationServer;
  tenant: string;
  /** The tenant id the issuer names (lower case); undefined for the multi-tenant template. */
  tenantId: string | undefined;
}

export class TenantMetadataCache {
  // Bounded: a multi-tenant hub meets many tenants (and a caller could name junk domains). Expiry follows the
  // injected clock, so it is checked here rather than by lru-cache's own timer.
  private readonly entries = new LRUCache<string, { value: Promise<TenantMetadata>; expiresAt: number }>({ max: 5_000 });

  constructor(
    private readonly loginUrl: string,
    private readonly fetch: FetchLike,
    private readonly clock: Clock,
    private readonly ttlMs = 24 * 3600 * 1000,
  ) {}

  get(tenantInput: string | undefined): Promise<TenantMetadata> {
    const tenant = normaliseTenant(tenantInput);
    const now = this.clock.now().getTime();
    const cached = this.entries.get(tenant);
    if (cached && cached.expiresAt > now) return cached.value;
    const value = this.load(tenant);
    this.entries.set(tenant, { value, expiresAt: now + this.ttlMs });
    value.catch(() => this.entries.delete(tenant));
    return value;
  }

  private async load(tenant: string): Promise<TenantMetadata> {
    const response = await this.fetch(`${this.loginUrl}/${encodeURIComponent(tenant)}/v2.0/.well-known/openid-configuration`, {
      headers: { accept: 'application/json' },
      redirect: 'manual',
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      throw identityErrorFromMicrosoft((body ?? {}) as Record<string, never>, { status: response.status });
    }
    const parsed = discoverySchema.safeParse(body);
    if (!parsed.success) throw identityError('unexpected_response', { status: response.status });
    const doc = parsed.data;
    // Every endpoint must be on the configured login host, and the issuer must be that host's v2.0 issuer for
    // this tenant (or the multi-tenant template): metadata cannot send tokens or codes anywhere else.
    const origin = new URL(this.loginUrl).origin;
    const issuerMatch = new RegExp(`^${origin.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/([^/]+)/v2\\.0$`).exec(doc.issuer);
    const issuerTenant = issuerMatch?.[1];
    const issuerOk =
      issuerTenant !== undefined &&
      (issuerTenant === TENANT_TEMPLATE ? isMultiTenantAlias(tenant) : isTenantGuid(issuerTenant) && (!isTenantGuid(tenant) || issuerTenant.toLowerCase() === tenant));
    const endpointsOk = [doc.authorization_endpoint, doc.token_endpoint, doc.jwks_uri].every((u) => new URL(u).origin === origin);
    if (!issuerOk || !endpointsOk) throw identityError('unexpected_response', { status: response.status });
    return {
      tenant,
      tenantId: issuerTenant === TENANT_TEMPLATE ? undefined : issuerTenant.toLowerCase(),
      as: {
        issuer: doc.issuer,
        authorization_endpoint: doc.authorization_endpoint,
        token_endpoint: doc.token_endpoint,
        jwks_uri: doc.jwks_uri,
        id_token_signing_alg_values_supported: doc.id_token_signing_alg_values_supported ?? ['RS256'],
      },
    };
  }
}
