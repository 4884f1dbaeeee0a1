// Schemas of the Microsoft 365 integration, connect and connection routes (TypeBox). Pure data: the console
// imports the same types. Secrets appear only in request bodies, never in a response schema.
import { Type, type Static } from 'typebox';
import { IsoTime, NullableIsoTime, strict, WorkspaceId } from './common-schemas.js';
import { SERVICE_NAMES, type ServiceName as ServiceNameValue } from './services.js';


export { SERVICE_NAMES };
const ServiceName = Type.Unsafe<ServiceNameValue>(Type.String({ enum: [...SERVICE_NAMES] }));
const Mode = Type.Union([Type.Literal('delegated'), Type.Literal('application')]);

export const ServiceSelection = Type.Object({ service: ServiceName, modes: Type.Array(Mode, { minItems: 1, maxItems: 2 }) }, strict);

const ClientSecret = Type.String({ minLength: 1, maxLength: 1024, description: "the secret's Value from Certificates & secrets; write-only" });
/** A PEM pair (the key may be encrypted PKCS#8, with its passphrase), or a PFX / PKCS#12 file in base64. */
const CertificateInput = Type.Object(
  {
    certificatePem: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000, description: 'the certificate (public part), PEM' })),
    privateKeyPem: Type.Optional(Type.String({ minLength: 1, maxLength: 20_000, description: 'its RSA private key, PEM (PKCS#8, encrypted or not, or PKCS#1); write-only' })),
    pfxBase64: Type.Optional(Type.String({ minLength: 1, maxLength: 80_000, description: 'instead of the PEMs: a PFX / PKCS#12 file (.pfx, .p12) with the certificate and its private key, base64; write-only' })),
    passphrase: Type.Optional(Type.String({ maxLength: 1024, description: 'of an encrypted private key or of the PFX; used once, never stored' })),
  },
  strict,
);

/** Exactly one of clientSecret or certificate (checked by the route; JSON Schema `oneOf` gives poor messages). */
export const CredentialBody = Type.Object(
  {
    clientSecret: Type.Optional(ClientSecret),
    secretExpiresAt: Type.Optional(Type.Union([IsoTime, Type.Null()], { description: 'when the secret expires, as the Entra admin center shows' })),
    certificate: Type.Optional(CertificateInput),
  },
  strict,
);
export type CredentialBody = Static<typeof CredentialBody>;

export const PutIntegrationBody = Type.Object(
  {
    clientId: Type.String({ minLength: 1, maxLength: 64, description: 'Application (client) ID' }),
    azureTenantId: Type.Optional(Type.Union([Type.String({ maxLength: 253 }), Type.Null()], { description: 'blank: multi-tenant (organizations)' })),
    redirectUri: Type.Optional(Type.Union([Type.String({ maxLength: 2048 }), Type.Null()], { description: 'blank: M365_REDIRECT_URI, else BACKEND_URL + /auth/m365/callback' })),
    services: Type.Array(ServiceSelection, { minItems: 1, maxItems: SERVICE_NAMES.length }),
    allowedSites: Type.Optional(Type.Array(Type.String({ maxLength: 2048 }), { maxItems: 200, description: 'SharePoint site URLs for Sites.Selected' })),
    dynamicsOrg: Type.Optional(Type.Union([Type.String({ maxLength: 63 }), Type.Null()], { description: 'the "contoso" of contoso.crm.dynamics.com' })),
    returnOrigins: Type.Optional(Type.Array(Type.String({ maxLength: 2048 }), { maxItems: 50, description: 'extra origins a connect flow may return to' })),
    clientSecret: Type.Optional(ClientSecret),
    secretExpiresAt: Type.Optional(Type.Union([IsoTime, Type.Null()])),
    certificate: Type.Optional(CertificateInput),
  },
  strict,
);
export type PutIntegrationBody = Static<typeof PutIntegrationBody>;

export const Credential = Type.Object(
  {
    id: Type.String(),
    kind: Type.Union([Type.Literal('secret'), Type.Literal('certificate')]),
    status: Type.Union([Type.Literal('active'), Type.Literal('pending'), Type.Literal('retired')]),
    secretSet: Type.Literal(true),
    expiresAt: NullableIsoTime,
    expirySource: Type.Union([Type.Literal('microsoft'), Type.Literal('entered'), Type.Literal('certificate'), Type.Null()]),
    thumbprint: Type.Union([Type.String(), Type.Null()], { description: 'SHA-1 thumbprint in upper-case hex, as the Entra admin center shows it (certificates only)' }),
    createdAt: IsoTime,
  },
  strict,
);
export type Credential = Static<typeof Credential>;

export const Integration = Type.Object(
  {
    id: Type.String(),
    clientId: Type.String(),
    azureTenantId: Type.Union([Type.String(), Type.Null()]),
    tenant: Type.String({ description: '`organizations` for a multi-tenant app' }),
    redirectUri: Type.Union([Type.String(), Type.Null()]),
    effectiveRedirectUri: Type.Union([Type.String(), Type.Null()], { description: 'what is sent to Microsoft; register exactly this' }),
    services: Type.Array(ServiceSelection),
    allowedSites: Type.Array(Type.String()),
    dynamicsOrg: Type.Union([Type.String(), Type.Null()]),
    returnOrigins: Type.Array(Type.String()),
    credential: Type.Union([Credential, Type.Null()]),
    pendingCredential: Type.Union([Credential, Type.Null()]),
    adminConsent: Type.Union([Type.Object({ grantedAt: IsoTime, tenant: Type.String() }, strict), Type.Null()]),
    health: Type.Object({ status: Type.String(), checkedAt: NullableIsoTime }, strict),
    createdAt: IsoTime,
    updatedAt: IsoTime,
  },
  strict,
);
export type Integration = Static<typeof Integration>;

export const SetupGuideQuery = Type.Object(
  {
    services: Type.Optional(
      Type.String({ maxLength: 1024, pattern: '^[a-z-]+\\.(delegated|application)(,[a-z-]+\\.(delegated|application))*$|^$', description: 'preview for services not saved yet: service.mode, comma-separated' }),
    ),
  },
  strict,
);

export const SetupGuideResource = Type.Object(
  {
    redirectUri: Type.Union([Type.String(), Type.Null()]),
    markdown: Type.String(),
    steps: Type.Array(Type.Object({ kind: Type.String(), title: Type.String(), detail: Type.String() }, { additionalProperties: true })),
  },
  strict,
);

export const AdminConsentLink = Type.Object(
  { url: Type.String({ description: "Microsoft's admin consent URL; open it in the browser that asked for it" }), expiresAt: IsoTime },
  strict,
);

export const ExternalUserId = Type.String({ minLength: 1, maxLength: 256, pattern: '^[^\\u0000-\\u001f\\u007f]+$', description: "the host product's user id" });
export const ExternalUserParams = Type.Object({ workspaceId: WorkspaceId, externalUserId: ExternalUserId }, strict);

export const ConnectLinkBody = Type.Object(
  { returnTo: Type.Optional(Type.String({ minLength: 1, maxLength: 2048, description: 'where the browser goes afterwards; with ?m365_error=<code> on failure' })) },
  strict,
);
export const ConnectLink = Type.Object(
  { url: Type.String({ description: 'single use; open it in the user\'s browser' }), expiresAt: IsoTime },
  strict,
);

/**
 * Whose connection: a console user (signed in to the hub) or a host product's user (named by its backend through an
 * API key). Two separate namespaces: an API key only ever addresses `external_user`, so a host product's user id
 * can never name a console user's connection.
 */
export const CONNECTION_USER_KINDS = ['console_user', 'external_user'] as const;
export type ConnectionUserKind = (typeof CONNECTION_USER_KINDS)[number];
export const ConnectionUser = Type.Object(
  { kind: Type.Unsafe<ConnectionUserKind>(Type.String({ enum: [...CONNECTION_USER_KINDS] })), id: Type.String({ description: "the console user's id, or the host product's user id" }) },
  strict,
);
export type ConnectionUser = Static<typeof ConnectionUser>;

export const Connection = Type.Object(
  {
    id: Type.String(),
    user: ConnectionUser,
    externalUserId: Type.Union([Type.String(), Type.Null()], { description: "the host product's user id; null for a console user's connection" }),
    tenantId: Type.String(),
    objectId: Type.String(),
    userPrincipalName: Type.Union([Type.String(), Type.Null()]),
    displayName: Type.Union([Type.String(), Type.Null()]),
    scopes: Type.Array(Type.String()),
    status: Type.Union([Type.Literal('active'), Type.Literal('needs_reconnect')]),
    statusReason: Type.Union([Type.String(), Type.Null()]),
    connectedAt: IsoTime,
    lastRefreshedAt: IsoTime,
  },
  strict,
);
export type Connection = Static<typeof Connection>;

export const ConnectQuery = Type.Object(
  { workspaceId: WorkspaceId, returnTo: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })) },
  strict,
);

/**
 * A user's request that an administrator approve the workspace's app (Microsoft's admin consent workflow:
 * https://learn.microsoft.com/entra/identity/enterprise-apps/admin-consent-workflow-overview), as Microsoft Graph
 * reports it (userConsentRequest). `status` folds Graph's status and the review result into one word:
 * InProgress, Approved, Denied, Expired, or Completed when Graph says completed without a review result.
 */
export const CONSENT_REQUEST_STATUSES = ['InProgress', 'Approved', 'Denied', 'Expired', 'Completed'] as const;
export type ConsentRequestStatus = (typeof CONSENT_REQUEST_STATUSES)[number];
const ConsentPerson = Type.Object(
  { id: Type.Union([Type.String(), Type.Null()]), displayName: Type.Union([Type.String(), Type.Null()]), userPrincipalName: Type.Union([Type.String(), Type.Null()]) },
  strict,
);
export const ConsentRequest = Type.Object(
  {
    id: Type.String({ description: "the userConsentRequest's id in Microsoft Graph" }),
    appConsentRequestId: Type.String({ description: "the appConsentRequest it belongs to (one per app, shared by every requester)" }),
    requestedBy: ConsentPerson,
    requestedAt: IsoTime,
    justification: Type.String({ description: 'what the user wrote in "Request approval"' }),
    status: Type.Unsafe<ConsentRequestStatus>(Type.String({ enum: [...CONSENT_REQUEST_STATUSES] })),
    scopes: Type.Array(Type.String(), { description: "the app's permissions still waiting for approval (pendingScopes)" }),
    review: Type.Union([
      Type.Object({ reviewedBy: ConsentPerson, reviewedAt: NullableIsoTime, justification: Type.Union([Type.String(), Type.Null()]) }, strict),
      Type.Null(),
    ]),
  },
  strict,
);
export type ConsentRequest = Static<typeof ConsentRequest>;

export const ConsentRequestList = Type.Object(
  {
    readable: Type.Boolean({ description: 'false: the app may not read consent requests (or has no tenant yet); `message` says what to add' }),
    message: Type.Union([Type.String(), Type.Null()]),
    requiredPermission: Type.Literal('ConsentRequest.Read.All'),
    appId: Type.String(),
    tenant: Type.Union([Type.String(), Type.Null()], { description: 'the tenant read (the integration\'s, or the one admin consent recorded)' }),
    reviewUrl: Type.String({ description: 'Microsoft Entra admin center: Enterprise applications → Activity → Admin consent requests' }),
    requests: Type.Array(ConsentRequest),
  },
  strict,
);
export type ConsentRequestList = Static<typeof ConsentRequestList>;
