// Schemas of Test Connection and the integration's health (TypeBox). Pure data: the console imports the same types.
import { Type, type Static } from 'typebox';
import { IsoTime, strict } from './common-schemas.js';
import { SERVICE_NAMES, type ServiceName } from './services.js';


export const ConnectionHealth = Type.Union(
  [
    Type.Literal('connected'),
    Type.Literal('setup_error'),
    Type.Literal('consent_required'),
    Type.Literal('authentication_error'),
    Type.Literal('permission_error'),
    Type.Literal('service_error'),
  ],
  {
    description:
      'connected, or the first kind of failure: the registration or tenant not set up (AADSTS700016, no tenant) → setup_error, an administrator\'s consent missing → consent_required, the credential refused → authentication_error, permissions or a refused call → permission_error, else service_error',
  },
);

export const TestConnectionBody = Type.Object(
  {
    credential: Type.Optional(
      Type.Union([Type.Literal('active'), Type.Literal('pending')], {
        description: 'which credential to test (default active); a pending one is tested before it is promoted and does not change the stored health',
      }),
    ),
  },
  strict,
);
export type TestConnectionBody = Static<typeof TestConnectionBody>;

/** `connection`: the acting user's own Microsoft 365 connection, used for the delegated checks. */
const STEP_NAMES = ['credentials', 'connection', 'registration', 'permissions', ...SERVICE_NAMES.map((service) => `service:${service}` as const)] as const;
export type StepName = (typeof STEP_NAMES)[number];
export const StepName = Type.Unsafe<StepName>(
  Type.String({ enum: [...STEP_NAMES], description: 'credentials, connection, registration, permissions, or service:<service>' }),
);

export const TestStep = Type.Object(
  {
    name: StepName,
    status: Type.Union([Type.Literal('passed'), Type.Literal('failed'), Type.Literal('skipped')]),
    code: Type.Optional(Type.String({ description: 'stable, on failed steps (e.g. invalid_client_secret, permissions_missing, graph_access_denied)' })),
    message: Type.Optional(Type.String()),
    fix: Type.Optional(Type.String()),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  strict,
);
export type TestStep = Static<typeof TestStep>;

/** What a report tested; a later change of any of these makes the report outdated. */
export const ReportBasis = Type.Object(
  {
    credentialId: Type.Union([Type.String(), Type.Null()]),
    services: Type.String({ description: 'canonical: sorted services, each with its sorted modes' }),
    tenant: Type.String({ description: 'the Azure tenant id entered, else organizations' }),
    consent: Type.Union([Type.String(), Type.Null()], { description: 'when admin consent was last recorded (ISO), and for which tenant' }),
  },
  { ...strict, description: 'what was tested: the credential, services, tenant and admin consent in force' },
);
export type ReportBasis = Static<typeof ReportBasis>;

/** The result of a `health.test-connection` job, and the stored report. */
export const ConnectionReport = Type.Object(
  {
    health: ConnectionHealth,
    checkedAt: IsoTime,
    credential: Type.Union([Type.Literal('active'), Type.Literal('pending')]),
    mode: Type.Union([Type.Literal('application'), Type.Literal('delegated')]),
    steps: Type.Array(TestStep),
    basis: Type.Optional(ReportBasis),
  },
  strict,
);
export type ConnectionReport = Static<typeof ConnectionReport>;
export type ConnectionHealth = Static<typeof ConnectionHealth>;

export const CredentialWarning = Type.Object(
  {
    credentialId: Type.String(),
    kind: Type.Union([Type.Literal('secret'), Type.Literal('certificate')]),
    status: Type.Union([Type.Literal('active'), Type.Literal('pending')]),
    expiresAt: IsoTime,
    expirySource: Type.Union([Type.String(), Type.Null()], { description: 'microsoft (read from the app registration), entered, or certificate' }),
    daysLeft: Type.Integer(),
    threshold: Type.Integer({ description: '30, 7 or 1 days; 0 when expired' }),
    message: Type.String(),
  },
  strict,
);

export const IntegrationHealthResource = Type.Object(
  {
    health: Type.Union([ConnectionHealth, Type.Literal('unknown')], { description: 'unknown until the first Test Connection of the active credential' }),
    tested: Type.Boolean({ description: 'false: never tested' }),
    checkedAt: Type.Union([IsoTime, Type.Null()]),
    message: Type.Union([Type.String(), Type.Null()], { description: 'what to do when never tested' }),
    report: Type.Union([ConnectionReport, Type.Null()]),
    outdated: Type.Union(
      [
        Type.Object(
          {
            since: IsoTime,
            reason: Type.Union([Type.Literal('credential_changed'), Type.Literal('services_changed'), Type.Literal('tenant_changed'), Type.Literal('consent_changed')]),
            message: Type.String(),
          },
          strict,
        ),
        Type.Null(),
      ],
      { description: 'set when the credential, services, tenant or admin consent changed after the report: it no longer describes what is configured; a re-test is queued' },
    ),
    consent: Type.Object(
      {
        state: Type.Union([Type.Literal('granted'), Type.Literal('missing'), Type.Literal('not_needed'), Type.Literal('unknown')], {
          description:
            "granted: the last current test found every required permission granted; missing: it found some not granted (or Microsoft asked for consent); not_needed: no permission needs an administrator; unknown: not tested since the last change",
        }),
        recorded: Type.Union([Type.Object({ grantedAt: IsoTime, tenant: Type.String() }, strict), Type.Null()], {
          description: "an admin consent completed through the hub's link (consent may also be granted in the Entra admin center, which the hub only sees by testing)",
        }),
      },
      { ...strict, description: 'the one statement about admin consent the console shows: from what Microsoft granted, not from what the hub remembers' },
    ),
    pendingReport: Type.Union([ConnectionReport, Type.Null()], { description: "the last test of the current pending credential, apart from the active one's" }),
    credentialWarnings: Type.Array(CredentialWarning, { description: 'credentials expiring within 30 days, or expired' }),
  },
  strict,
);
export type IntegrationHealthResource = Static<typeof IntegrationHealthResource>;
