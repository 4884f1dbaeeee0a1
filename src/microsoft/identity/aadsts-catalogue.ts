// The one catalogue that turns Microsoft identity platform errors into m365hub's stable codes, each with what the
// user is told, how to fix it, and whether retrying can help.
//
// Source of the codes and their meanings: Microsoft Entra authentication and authorization error codes,
// https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes (also looked up one by one at
// https://login.microsoftonline.com/error?code=NNNN). Microsoft asks apps to branch on the AADSTS number and the
// OAuth `error`, never on the wording of `error_description`, which changes; so do we.
import { IdentityError, type IdentityErrorCode } from './identity-error.js';

export type { IdentityErrorCode } from './identity-error.js';

export interface CatalogueEntry {
  userMessage: string;
  fix: string;
  permanent: boolean;
  /** Other words when the error ends an admin consent flow (/adminconsent) rather than a user's sign-in. */
  adminConsent?: { userMessage: string; fix: string };
}

const REFERENCE = 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes';
const RECONNECT = 'The user connects Microsoft 365 again (Reconnect).';

/** One entry per stable code; `{redirectUri}` in a fix is filled in when the caller knows it. */
export const IDENTITY_ERRORS: Record<IdentityErrorCode, CatalogueEntry> = {
  redirect_uri_mismatch: {
    userMessage: "The app registration in Microsoft Entra does not list m365hub's redirect URI.",
    fix: 'In the Entra admin center, open the app registration → Authentication → Web platform and add the redirect URI {redirectUri} exactly as shown.',
    permanent: true,
  },
  redirect_uri_not_configured: {
    userMessage: 'Redirect URI not configured.',
    fix: "Set the integration's redirect URI, or M365_REDIRECT_URI, or BACKEND_URL (m365hub then uses BACKEND_URL + /auth/m365/callback), and register the same URI in the app registration.",
    permanent: true,
  },
  application_not_found: {
    userMessage: 'Microsoft could not find the application (client id) in this tenant.',
    fix: "Check the client id in the integration settings; for a single-tenant app check the tenant id; for a multi-tenant app an administrator of the customer's tenant must grant admin consent first.",
    permanent: true,
  },
  application_not_multi_tenant: {
    userMessage: 'The app registration is single-tenant but was used for any organisation.',
    fix: 'Enter the Azure tenant id in the integration settings, or change the app registration to "Accounts in any organizational directory".',
    permanent: true,
  },
  application_disabled: {
    userMessage: 'The application is disabled in Microsoft Entra.',
    fix: "An administrator re-enables sign-in for the app's enterprise application (Properties → Enabled for users to sign in).",
    permanent: true,
  },
  invalid_client_secret: {
    userMessage: 'Microsoft rejected the client secret.',
    fix: "Enter the secret's Value (not its Secret ID) from Certificates & secrets; if it is lost, create a new secret and use Update Credentials.",
    permanent: true,
  },
  secret_expired: {
    userMessage: 'The client secret has expired.',
    fix: 'Create a new client secret in the app registration (Certificates & secrets) and use Update Credentials; consider a certificate instead.',
    permanent: true,
  },
  client_credential_missing: {
    userMessage: 'No client secret or certificate was sent to Microsoft.',
    fix: 'Add a client secret or a certificate to the integration (Update Credentials).',
    permanent: true,
  },
  client_assertion_invalid: {
    userMessage: 'Microsoft rejected the certificate credential.',
    fix: "Upload the integration's certificate (public part) to the app registration under Certificates & secrets, check it has not expired, and check this server's clock.",
    permanent: true,
  },
  invalid_client: {
    userMessage: 'Microsoft rejected the application credentials.',
    fix: 'Check the client id, secret or certificate of the integration (Update Credentials).',
    permanent: true,
  },
  invalid_scope: {
    userMessage: 'Microsoft rejected the permissions requested.',
    fix: 'Check the services selected in the integration; each must be a permission the app registration can request (see the setup guide).',
    permanent: true,
  },
  resource_not_found: {
    userMessage: "The Microsoft service (resource) was not found in the customer's tenant.",
    fix: "Check the tenant has the service (for Dynamics 365, the organisation URL), then have an administrator grant admin consent so the service's principal exists in the tenant.",
    permanent: true,
  },
  tenant_not_found: {
    userMessage: 'Microsoft could not find the tenant.',
    fix: 'Check the Azure tenant id (a GUID or a verified domain such as contoso.onmicrosoft.com) in the integration settings.',
    permanent: true,
  },
  tenant_required: {
    userMessage: 'This sign-in needs a specific tenant.',
    fix: "Enter the customer's Azure tenant id in the integration settings (app-only access cannot use /common).",
    permanent: true,
  },
  consent_required: {
    userMessage: 'Approval required: the app has not been granted the permissions it needs.',
    fix: 'Open the admin consent link and have an administrator of the tenant approve the app, then connect again.',
    permanent: true,
  },
  admin_approval_required: {
    userMessage: 'Approval required: an administrator must approve this app before users can connect.',
    fix: "Send the admin consent link to an administrator of the tenant (or use the tenant's admin consent workflow), then connect again.",
    permanent: true,
  },
  consent_declined: {
    userMessage: 'The connection was cancelled or not approved.',
    fix: 'Start Connect Microsoft 365 again and accept the permissions requested.',
    permanent: true,
    // Cancel on Microsoft's admin consent page: nothing was granted for the organisation, and reconnecting a user
    // would not grant it either.
    adminConsent: {
      userMessage: 'Admin consent was cancelled or not approved: nothing was granted for the organisation.',
      fix: 'Start admin consent again (Grant admin consent on the Microsoft 365 integration page, or open the admin consent link again), sign in as an administrator of the tenant and choose Accept.',
    },
  },
  user_not_assigned: {
    userMessage: 'Your account is not assigned to this app in Microsoft Entra.',
    fix: "Ask an administrator to assign you (or a group you are in) to the app's enterprise application under Users and groups.",
    permanent: true,
  },
  user_not_in_tenant: {
    userMessage: "Your account does not belong to the organisation this integration is set up for.",
    fix: 'Sign in with an account of that organisation, or ask its administrator to invite you as a guest.',
    permanent: true,
  },
  user_not_found: {
    userMessage: 'Microsoft could not find that account in the organisation.',
    fix: 'Check the account name, or sign in with an account that exists in the tenant.',
    permanent: true,
  },
  user_disabled: {
    userMessage: 'The Microsoft account is disabled.',
    fix: "Ask the tenant's administrator to enable the account, then connect again.",
    permanent: true,
  },
  invalid_user_credentials: {
    userMessage: 'The user name or password was wrong.',
    fix: 'Sign in again with the correct password.',
    permanent: true,
  },
  password_expired: {
    userMessage: 'The account password has expired.',
    fix: `Change the password at Microsoft, then ${RECONNECT.toLowerCase()}`,
    permanent: true,
  },
  account_locked: {
    userMessage: 'The Microsoft account is temporarily locked after too many sign-in attempts.',
    fix: 'Wait and try again later, or ask an administrator to unlock it.',
    permanent: false,
  },
  mfa_required: {
    userMessage: 'Your organisation requires multifactor authentication for this.',
    fix: `${RECONNECT} Microsoft will ask for the second factor.`,
    permanent: true,
  },
  blocked_by_conditional_access: {
    userMessage: "Your organisation's Conditional Access policy blocked this sign-in.",
    fix: 'Ask the tenant administrator which policy applies (sign-in logs show it) and connect from a compliant device or location.',
    permanent: true,
  },
  interaction_required: {
    userMessage: 'Microsoft needs the user to sign in interactively.',
    fix: RECONNECT,
    permanent: true,
  },
  login_required: {
    userMessage: 'No Microsoft session is signed in.',
    fix: RECONNECT,
    permanent: true,
  },
  refresh_token_expired: {
    userMessage: 'The Microsoft 365 connection expired after a long period without use.',
    fix: RECONNECT,
    permanent: true,
  },
  session_revoked: {
    userMessage: "The Microsoft 365 connection was revoked (the user's sessions were revoked or the password changed).",
    fix: RECONNECT,
    permanent: true,
  },
  authorization_code_expired: {
    userMessage: 'The sign-in took too long and expired.',
    fix: 'Start Connect Microsoft 365 again.',
    permanent: true,
  },
  authorization_code_redeemed: {
    userMessage: 'This sign-in was already used.',
    fix: 'Start Connect Microsoft 365 again (reloading the callback page cannot reuse a sign-in).',
    permanent: true,
  },
  authorization_code_invalid: {
    userMessage: 'Microsoft rejected the sign-in result.',
    fix: 'Start Connect Microsoft 365 again.',
    permanent: true,
  },
  pkce_verifier_mismatch: {
    userMessage: 'The sign-in could not be verified.',
    fix: 'Start Connect Microsoft 365 again from the same browser.',
    permanent: true,
  },
  invalid_grant: {
    userMessage: 'Microsoft no longer accepts the stored grant.',
    fix: RECONNECT,
    permanent: true,
  },
  refresh_token_missing: {
    userMessage: 'Missing access_token or refresh_token in token response.',
    fix: 'The offline_access permission must be granted: keep "offline_access" in the requested scopes and make sure the tenant allows it (API permissions → Microsoft Graph → offline_access), then connect again.',
    permanent: true,
  },
  invalid_request: {
    userMessage: 'Microsoft rejected the request.',
    fix: "Check the integration settings against the setup guide; Microsoft's message says which part was wrong.",
    permanent: true,
  },
  id_token_invalid: {
    userMessage: "The sign-in answer could not be verified as Microsoft's.",
    fix: 'Start Connect Microsoft 365 again; if it keeps failing, check the login URL setting and this server\'s clock.',
    permanent: true,
  },
  callback_invalid: {
    userMessage: 'The sign-in callback was incomplete.',
    fix: 'Start Connect Microsoft 365 again from m365hub.',
    permanent: true,
  },
  unexpected_response: {
    userMessage: 'Microsoft answered in a way m365hub did not expect.',
    fix: 'Try again later; if it persists, check the login URL setting.',
    permanent: false,
  },
  service_unavailable: {
    userMessage: 'Microsoft sign-in is temporarily unavailable.',
    fix: 'Nothing to change: m365hub retries automatically.',
    permanent: false,
  },
  throttled: {
    userMessage: 'Microsoft asked m365hub to slow down.',
    fix: 'Nothing to change: m365hub retries after the time Microsoft asked for.',
    permanent: false,
  },
  network_error: {
    userMessage: 'Microsoft sign-in could not be reached.',
    fix: "Check this server's network access to the login URL; m365hub retries automatically.",
    permanent: false,
  },
  timeout: {
    userMessage: 'Microsoft sign-in did not answer in time.',
    fix: 'Nothing to change: m365hub retries automatically.',
    permanent: false,
  },
};

/** AADSTS number → our code. Each line is in Microsoft's reference (see the header). */
export const AADSTS_CODES: ReadonlyMap<number, IdentityErrorCode> = new Map<number, IdentityErrorCode>([
  [50011, 'redirect_uri_mismatch'], // InvalidReplyTo: the reply address does not match the registered ones
  [500112, 'redirect_uri_mismatch'], // reply address at redemption differs from the one used at /authorize
  [900971, 'redirect_uri_mismatch'], // no reply address provided
  [700016, 'application_not_found'], // UnauthorizedClient_DoesNotMatchRequest: app not found in the directory
  [50194, 'application_not_multi_tenant'],
  [7000112, 'application_disabled'], // UnauthorizedClientApplicationDisabled
  [7000215, 'invalid_client_secret'], // invalid client secret provided
  [7000222, 'secret_expired'], // InvalidClientSecretExpiredKeysProvided
  [7000218, 'client_credential_missing'], // request body must contain client_assertion or client_secret
  [700024, 'client_assertion_invalid'], // client assertion is not within its valid time range
  [700027, 'client_assertion_invalid'], // client assertion failed signature validation / key not registered
  [700023, 'client_assertion_invalid'], // invalid audience in the client assertion
  [50012, 'client_assertion_invalid'], // AuthenticationFailed (invalid client assertion)
  [50013, 'client_assertion_invalid'], // InvalidAssertion
  [50027, 'client_assertion_invalid'], // InvalidJwtToken (assertion type)
  [50048, 'client_assertion_invalid'], // SubjectMismatchesIssuer
  [70011, 'invalid_scope'], // InvalidScope
  [1002012, 'invalid_scope'], // client credentials need {resource}/.default
  [28000, 'invalid_scope'], // more than one resource in one token request
  [28003, 'invalid_scope'], // empty scope
  [500011, 'resource_not_found'], // InvalidResourceServicePrincipalNotFound
  [650057, 'invalid_scope'], // InvalidResource: the resource is not in the app's required permissions
  [90002, 'tenant_not_found'], // InvalidTenantName
  [50059, 'tenant_not_found'], // MissingTenantRealmAndNoUserInformationProvided
  [9001023, 'tenant_required'], // grant type not supported over /common or /consumers
  [65001, 'consent_required'], // DelegationDoesNotExist
  [90094, 'admin_approval_required'], // AdminConsentRequired
  [90095, 'admin_approval_required'], // AdminConsentRequiredRequestAccess (admin consent workflow)
  [65004, 'consent_declined'], // UserDeclinedConsent
  [50105, 'user_not_assigned'], // EntitlementGrantsNotFound
  [50020, 'user_not_in_tenant'], // UserUnauthorized: user from another identity provider, not a guest here
  [50034, 'user_not_found'], // UserAccountNotFound
  [50057, 'user_disabled'], // UserDisabled
  [50126, 'invalid_user_credentials'], // InvalidUserNameOrPassword
  [50055, 'password_expired'], // InvalidPasswordExpiredPassword
  [50053, 'account_locked'], // IdsLocked
  [50076, 'mfa_required'], // UserStrongAuthClientAuthNRequired
  [50079, 'mfa_required'], // UserStrongAuthEnrollmentRequired
  [50074, 'mfa_required'], // UserStrongAuthClientAuthNRequiredInterrupt
  [50078, 'mfa_required'], // UserStrongAuthExpired
  [53000, 'blocked_by_conditional_access'], // DeviceNotCompliant
  [53001, 'blocked_by_conditional_access'], // DeviceNotDomainJoined
  [53003, 'blocked_by_conditional_access'], // BlockedByConditionalAccess
  [50058, 'login_required'], // UserInformationNotProvided (silent sign-in without a session)
  [700082, 'refresh_token_expired'], // ExpiredOrRevokedGrant: inactive for longer than the token's lifetime (90 days)
  [700084, 'refresh_token_expired'], // SPA refresh token past its 24 hours
  [50173, 'session_revoked'], // FreshTokenNeeded: grant revoked (password change, revokeSignInSessions)
  [50133, 'session_revoked'], // SsoArtifactRevoked (password change)
  [70043, 'session_revoked'], // BadTokenDueToInteractionRequired: Conditional Access sign-in frequency
  [70008, 'authorization_code_expired'], // ExpiredOrRevokedGrant: code or refresh token expired
  [54005, 'authorization_code_redeemed'], // OAuth2 authorization code was already redeemed
  [70000, 'authorization_code_invalid'], // InvalidGrant
  [700005, 'authorization_code_invalid'], // code intended for another tenant
  [501481, 'pkce_verifier_mismatch'], // code_verifier does not match code_challenge
  [900144, 'invalid_request'], // missing parameter
  [90014, 'invalid_request'], // missing field
  [9002313, 'invalid_request'], // malformed request
  [50000, 'service_unavailable'], // TokenIssuanceError: an error on Microsoft's side
  [90024, 'service_unavailable'], // RequestBudgetExceededError: transient
  [90033, 'service_unavailable'], // MsodsServiceUnavailable
  [40015, 'service_unavailable'], // OAuth2IdPRetryableServerError
]);

/** The `suberror` values Microsoft sends with invalid_grant / interaction_required (MSAL branches on them too). */
const SUBERRORS: Readonly<Record<string, IdentityErrorCode>> = {
  consent_required: 'consent_required',
  token_expired: 'refresh_token_expired',
  bad_token: 'session_revoked',
  user_password_expired: 'password_expired',
  basic_action: 'interaction_required',
  additional_action: 'interaction_required',
  message_only: 'interaction_required',
};

/** OAuth `error` values (RFC 6749 §4.1.2.1, §5.2, OIDC Core §3.1.2.6) when there is no AADSTS number we know. */
const OAUTH_ERRORS: Readonly<Record<string, IdentityErrorCode>> = {
  invalid_grant: 'invalid_grant',
  invalid_client: 'invalid_client',
  unauthorized_client: 'application_not_found',
  invalid_scope: 'invalid_scope',
  invalid_request: 'invalid_request',
  unsupported_grant_type: 'invalid_request',
  unsupported_response_type: 'invalid_request',
  access_denied: 'consent_declined',
  consent_required: 'consent_required',
  interaction_required: 'interaction_required',
  login_required: 'login_required',
  server_error: 'service_unavailable',
  temporarily_unavailable: 'service_unavailable',
};

/** Microsoft's error fields, as in a token endpoint body or a redirect's query. */
export interface MicrosoftErrorFields {
  error?: string;
  error_description?: string;
  error_codes?: readonly number[];
  suberror?: string;
  /** Redirects only: e.g. `cancel` when the user backed out of the sign-in or consent screen. */
  error_subcode?: string;
  trace_id?: string;
  correlation_id?: string;
}

export interface ErrorContext {
  redirectUri?: string;
  /** The browser flow that ended in the error: an admin consent flow has its own words for some codes. */
  flow?: 'sign_in' | 'admin_consent';
  status?: number;
  retryAfterSeconds?: number;
}

function aadstsNumber(fields: MicrosoftErrorFields): number | undefined {
  const listed = fields.error_codes?.find((c) => Number.isInteger(c) && c > 0);
  if (listed) return listed;
  const match = /AADSTS(\d{4,8})/.exec(fields.error_description ?? '');
  return match ? Number(match[1]) : undefined;
}

/** First line of Microsoft's text, without the Trace ID / Correlation ID / Timestamp lines, bounded. */
function microsoftMessage(description: string | undefined): string | undefined {
  const first = description?.split(/\r?\n/)[0]?.trim();
  return first ? first.slice(0, 600) : undefined;
}

function traceFromDescription(description: string | undefined, label: string): string | undefined {
  return new RegExp(`${label}: ([0-9a-f-]{36})`, 'i').exec(description ?? '')?.[1];
}

function classify(fields: MicrosoftErrorFields, aadsts: number | undefined, status: number | undefined): IdentityErrorCode {
  // The AADSTS number is the more specific fact: "Return to the app" from "Need admin approval" arrives with
  // error_subcode=cancel too, but is AADSTS90094 (approval required), not the user declining.
  const byNumber = aadsts !== undefined ? AADSTS_CODES.get(aadsts) : undefined;
  if (byNumber) return byNumber;
  if (fields.error_subcode === 'cancel') return 'consent_declined';
  const bySuberror = fields.suberror ? SUBERRORS[fields.suberror] : undefined;
  if (bySuberror) return bySuberror;
  if (status === 429) return 'throttled';
  if (status !== undefined && status >= 500) return 'service_unavailable';
  return (fields.error && OAUTH_ERRORS[fields.error]) || 'unexpected_response';
}

/** Builds an IdentityError of one of our own codes (no Microsoft answer behind it). */
export function identityError(code: IdentityErrorCode, context: ErrorContext = {}): IdentityError {
  const entry = IDENTITY_ERRORS[code];
  return new IdentityError({
    code,
    userMessage: entry.userMessage,
    fix: fillFix(entry.fix, context),
    permanent: entry.permanent,
    ...(context.status !== undefined ? { status: context.status } : {}),
    ...(context.retryAfterSeconds !== undefined ? { retryAfterSeconds: context.retryAfterSeconds } : {}),
  });
}

function fillFix(fix: string, context: ErrorContext): string {
  return fix.replace('{redirectUri}', context.redirectUri ?? "(m365hub's redirect URI, shown in the setup guide)");
}

/** Maps Microsoft's error answer (token endpoint body or redirect query) to an IdentityError. */
export function identityErrorFromMicrosoft(fields: MicrosoftErrorFields, context: ErrorContext = {}): IdentityError {
  const aadsts = aadstsNumber(fields);
  const code = classify(fields, aadsts, context.status);
  const base = IDENTITY_ERRORS[code];
  const entry = context.flow === 'admin_consent' && base.adminConsent ? { ...base, ...base.adminConsent } : base;
  const traceId = fields.trace_id ?? traceFromDescription(fields.error_description, 'Trace ID');
  const correlationId = fields.correlation_id ?? traceFromDescription(fields.error_description, 'Correlation ID');
  const message = microsoftMessage(fields.error_description);
  // A 429 or 5xx is transient whatever the body says; anything else follows the catalogue.
  const transientStatus = context.status === 429 || (context.status !== undefined && context.status >= 500);
  return new IdentityError({
    code,
    userMessage: entry.userMessage,
    fix: `${fillFix(entry.fix, context)}${aadsts ? ` (AADSTS${aadsts}: ${REFERENCE})` : ''}`,
    permanent: transientStatus ? false : entry.permanent,
    ...(aadsts ? { aadsts } : {}),
    ...(fields.error ? { oauthError: fields.error } : {}),
    ...(fields.suberror ? { suberror: fields.suberror } : {}),
    ...(message ? { microsoftMessage: message } : {}),
    ...(traceId ? { traceId } : {}),
    ...(correlationId ? { correlationId } : {}),
    ...(context.status !== undefined ? { status: context.status } : {}),
    ...(context.retryAfterSeconds !== undefined ? { retryAfterSeconds: context.retryAfterSeconds } : {}),
  });
}
