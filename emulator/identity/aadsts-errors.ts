// The AADSTS errors the emulator produces: the OAuth `error`, HTTP status, optional `suberror` and the message
// text that follows "AADSTSnnnn: " in `error_description`. Codes and meanings follow Microsoft's reference
// (https://learn.microsoft.com/entra/identity-platform/reference-error-codes, MicrosoftDocs/entra-docs
// docs/identity-platform/reference-error-codes.md); message wording follows what the service returns at run time
// where that is publicly recorded (issue threads quoted next to the entries), in the emulator's own words otherwise.

export interface AadstsError {
  code: number;
  error: string;
  status: number;
  message: string;
  suberror?: string;
  /** A claims challenge the client sends back on its next authorize request (conditional access: `capolids`). */
  claims?: string;
}

const define = (code: number, error: string, status: number, message: string, suberror?: string): AadstsError => ({
  code,
  error,
  status,
  message,
  ...(suberror ? { suberror } : {}),
});

/** The claims challenge naming the conditional access policies that were not satisfied; none when no policy did. */
const policyClaims = (policyIds: string[]) => (policyIds.length > 0 ? { claims: JSON.stringify({ access_token: { capolids: { essential: true, values: policyIds } } }) } : {});

/** The catalogue, one factory per AADSTS code; parameters fill the placeholders Microsoft's text has. */
export const aadsts = {
  // -- request shape --
  missingParameter: (name: string) => define(900144, 'invalid_request', 400, `The request body must contain the following parameter: '${name}'.`),
  duplicatedParameter: (name: string) =>
    // Runtime text recorded in MicrosoftDocs/azure-dev-docs#934 and AzureAD/microsoft-authentication-library-for-android#688.
    define(9000411, 'invalid_request', 400, `The request is not properly formatted. The parameter '${name}' is duplicated.`),
  malformedRequest: () => define(9002313, 'invalid_request', 400, 'Invalid request. Request is malformed or invalid.'),
  queryStringTooLong: () => define(90015, 'invalid_request', 400, 'Requested query string is too long.'),
  wrongVerb: (verb: string) => define(900561, 'invalid_request', 400, `The endpoint only accepts POST, OPTIONS requests. Received a ${verb} request.`),
  invalidParameter: (name: string) => define(90100, 'invalid_request', 400, `${name} parameter is empty or not valid.`),
  resourceParameterUnsupported: () => define(901002, 'invalid_request', 400, "The 'resource' request parameter is not supported."),

  // -- tenants --
  tenantNotFound: (tenant: string) =>
    define(90002, 'invalid_request', 400, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`),
  grantNotSupportedOnCommon: () =>
    define(9001023, 'invalid_request', 400, 'The grant type is not supported over the /common or /consumers endpoints. Please use the /organizations or tenant-specific endpoint.'),
  noTenantInformation: () =>
    define(50059, 'invalid_request', 400, 'No tenant-identifying information found in either the request or implied by any provided credentials.'),

  // -- applications and clients --
  applicationNotFound: (appId: string, tenantName: string) =>
    define(700016, 'unauthorized_client', 400, `Application with identifier '${appId}' was not found in the directory '${tenantName}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`),
  notMultiTenant: (appId: string, appName: string) =>
    define(50194, 'invalid_request', 400, `Application '${appId}'(${appName}) is not configured as a multi-tenant application. Usage of the /common endpoint is not supported for such applications created after '10/15/2018'. Use a tenant-specific endpoint or configure the application to be multi-tenant.`),
  missingClientCredential: () => define(7000218, 'invalid_client', 401, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),
  invalidClientSecret: (appId: string) =>
    // Runtime text recorded in hoppscotch/hoppscotch#3868.
    define(7000215, 'invalid_client', 401, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${appId}'.`),
  expiredClientSecret: (appId: string) =>
    define(7000222, 'invalid_client', 401, `The provided client secret keys for app '${appId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`),
  assertionTimeRange: (now: string, nbf: string, exp: string) =>
    define(700024, 'invalid_client', 401, `Client assertion is not within its valid time range. Current time: ${now}, assertion valid from ${nbf}, expiry time of assertion ${exp}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`),
  // 700027 texts as the service words them: an unregistered key as in AzureAD/microsoft-authentication-library-for-js
  // #8339 (2026) and keycloak/keycloak#19425 (2023, with the documentation tail); a key that is registered but did not
  // verify the signature as "Client assertion contains an invalid signature." (Azure SDK troubleshooting guides), with
  // the bracketed reason, thumbprint and found key of the captured signature failures (Azure/azure-sdk-for-java#25109).
  assertionKeyNotRegistered: (thumbprint: string, appId: string, applicationObjectId: string) =>
    define(700027, 'invalid_client', 401, `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${thumbprint}', Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${appId}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL, such as 'https://graph.microsoft.com/beta/applications/${applicationObjectId}']`),
  assertionSignatureInvalid: (thumbprint: string, keyStart: string, keyEnd: string) =>
    define(700027, 'invalid_client', 401, `Client assertion contains an invalid signature. [Reason - The provided signature value did not match the expected signature value., Thumbprint of key used by client: '${thumbprint}', Found key 'Start=${keyStart}, End=${keyEnd}']`),
  assertionInvalid: (reason: string) => define(50013, 'invalid_client', 401, `Assertion failed signature validation. [Reason - ${reason}]`),
  assertionSubjectMismatch: () => define(50048, 'invalid_client', 401, 'Subject mismatches Issuer claim in the client assertion.'),
  invalidAssertionType: () => define(50027, 'invalid_request', 400, "Invalid JWT token. The 'client_assertion_type' must be 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer'."),

  // -- grants --
  unsupportedGrantType: (grant: string) => define(70003, 'unsupported_grant_type', 400, `The app requested an unsupported grant type '${grant}'.`),
  codeAlreadyRedeemed: () => define(54005, 'invalid_grant', 400, 'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.'),
  codeExpired: () => define(70008, 'invalid_grant', 400, 'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.'),
  malformedGrant: () => define(9002313, 'invalid_grant', 400, 'Invalid request. Request is malformed or invalid.'),
  // A refresh token the service cannot use at all (unreadable, or its user gone). The suberror bad_token is what
  // msal-common's documented code means ("the token is invalid or corrupted", InteractionRequiredAuthErrorCodes);
  // with it MSAL drops the refresh token from its cache (msal-common ResponseHandler, AzureAD/microsoft-authentication-
  // library-for-js#6757) and raises InteractionRequiredAuthError instead of retrying a dead token forever.
  refreshTokenUnusable: () => define(9002313, 'invalid_grant', 400, 'Invalid request. Request is malformed or invalid.', 'bad_token'),
  grantIssuedToOtherClient: () => define(70000, 'invalid_grant', 400, 'Provided grant is invalid or malformed.'),
  codeRedeemedAgainstWrongTenant: () =>
    define(700005, 'invalid_grant', 400, 'Provided Authorization Code is intended to use against other tenant, thus rejected.'),
  redirectUriMismatchOnRedemption: (sent: string, original: string) =>
    define(500112, 'invalid_grant', 400, `The reply address '${sent}' does not match the reply address '${original}' provided when requesting Authorization code.`),
  pkceVerifierMismatch: () => define(501481, 'invalid_grant', 400, 'The Code_Verifier does not match the code_challenge supplied in the authorization request.'),
  pkceVerifierMissing: () => define(9002313, 'invalid_request', 400, 'Invalid request. Request is malformed or invalid. - The code_verifier parameter is missing.'),
  refreshTokenInactive: (issued: string, inactivity: string) =>
    // Current responses carry suberror bad_token (seen in 2026 logs of msal-node's InteractionRequiredAuthError,
    // microsoft/foundry-dev-tools#707), which is what makes MSAL ask for an interactive sign-in.
    define(700082, 'invalid_grant', 400, `The refresh token has expired due to inactivity. The token was issued on ${issued} and was inactive for ${inactivity}.`, 'bad_token'),
  sessionRevoked: (issued: string, validFrom: string) =>
    // suberror bad_token as recorded from the live service (Azure/azure-sdk-for-js @azure/identity CAE recording of
    // 2021-10-29: refresh after POST /me/revokeSignInSessions → 400 invalid_grant, error_codes [50173], suberror bad_token).
    define(50173, 'invalid_grant', 400, `The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password. The grant was issued on '${issued}' and the TokensValidFrom date (before which tokens are not valid) for this user is '${validFrom}'.`, 'bad_token'),
  consentMissing: (appId: string, appName: string) =>
    define(65001, 'invalid_grant', 400, `The user or administrator has not consented to use the application with ID '${appId}' named '${appName}'. Send an interactive authorization request for this user and resource.`, 'consent_required'),
  userNotAssigned: (appName: string, appId: string, upn: string) =>
    // No suberror: signing in again cannot fix it (an administrator must assign the user), so MSAL rightly raises a
    // plain ServerError rather than InteractionRequiredAuthError; no public capture shows a suberror on 50105.
    define(50105, 'invalid_grant', 400, `Your administrator has configured the application ${appName} ('${appId}') to block users unless they are specifically granted ('assigned') access to the application. The signed in user '${upn}' is blocked because they are not a direct member of a group with access, nor had access directly assigned by an administrator. Please contact your administrator to assign access to this application.`),
  userDisabled: () => define(50057, 'invalid_grant', 400, 'The user account is disabled.'),

  // -- resource owner password credentials (grant_type=password) --
  // Token-endpoint forms of the sign-in errors: `invalid_grant`, as recorded from the live service in
  // Azure/azure-sdk-for-js @azure/identity UsernamePasswordCredential recordings (2021-08-04: 50034 with suberror
  // bad_token); 50126 as `invalid_grant` with no suberror in ROPC bodies quoted by public client fixtures (one
  // with the live Trace ID / Correlation ID tail, dated 2019-12).
  ropcWrongPassword: () => define(50126, 'invalid_grant', 400, 'Error validating credentials due to invalid username or password.'),
  ropcUserNotFound: (upn: string, tenantName: string) =>
    define(50034, 'invalid_grant', 400, `The user account ${upn} does not exist in the ${tenantName} directory. To sign into this application, the account must be added to the directory.`, 'bad_token'),

  // -- conditional access at the token endpoint (reference-error-codes: 50076 UserStrongAuthClientAuthNRequired,
  // 50079 UserStrongAuthEnrollmentRequired, 50158 ExternalSecurityChallenge, 53003 BlockedByConditionalAccess) --
  // 50076 as recorded from the live service: `invalid_grant` and this text (microsoft/vscode-azure-account#667, which
  // msal raised as InteractionRequiredAuthError, so a suberror msal treats as interactive came with it). 50079: the
  // enrolment text of AzureAD/azure-activedirectory-library-for-nodejs#151 (2017), with `interaction_required`, a
  // `capolids` claims challenge and suberror basic_action as captured in juunas11/aspnetcore2aadauth#6 (2018).
  mfaRequired: (resourceAppId: string, policyIds: string[]) => ({
    ...define(50076, 'invalid_grant', 400, `Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access '${resourceAppId}'.`, 'basic_action'),
    ...policyClaims(policyIds),
  }),
  mfaRegistrationRequired: (resourceAppId: string, policyIds: string[]) => ({
    ...define(50079, 'interaction_required', 400, `Due to a configuration change made by your administrator, or because you moved to a new location, you must enroll in multi-factor authentication to access '${resourceAppId}'.`, 'basic_action'),
    ...policyClaims(policyIds),
  }),
  // Runtime text recorded in Azure/azure-dev#2277 (2023: `invalid_grant`, error_codes [50158], no suberror shown).
  externalSecurityChallenge: () =>
    define(50158, 'invalid_grant', 400, 'External security challenge not satisfied. User will be redirected to another page or authentication provider to satisfy additional authentication challenges.'),
  // A 2023 ROPC body quoted in MartinIngesen/MSOLSpray#5: `interaction_required`, suberror message_only, no claims.
  blockedByConditionalAccess: () =>
    define(53003, 'interaction_required', 400, 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.', 'message_only'),

  // -- single-page applications (token redemption from a browser; runtime texts as quoted in public SPA setup guides
  // and issue threads, e.g. MicrosoftDocs/azure-docs "Redirect URI: MSAL.js 2.0 with auth code flow") --
  crossOriginRedemptionNotSpa: (origin: string) =>
    define(9002326, 'invalid_request', 400, `Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: '${origin}'.`),
  // reference-error-codes 700084: "The refresh token was issued to a single page app (SPA), and therefore has a
  // fixed, limited lifetime of {time}, which can't be extended. It is now expired and a new sign in request must be
  // sent by the SPA to the sign in page." Text, `invalid_grant` and suberror bad_token as in the live body quoted in
  // AzureAD/microsoft-authentication-library-for-js#7033 (2022).
  spaRefreshTokenExpired: (lifetime: string, issued: string) =>
    define(700084, 'invalid_grant', 400, `The refresh token was issued to a single page app (SPA), and therefore has a fixed, limited lifetime of ${lifetime}, which cannot be extended. It is now expired and a new sign in request must be sent by the SPA to the sign in page. The token was issued on ${issued}.`, 'bad_token'),
  spaRedemptionNotCrossOrigin: () =>
    define(9002327, 'invalid_request', 400, "Tokens issued for the 'Single-Page Application' client-type may only be redeemed via cross-origin requests."),

  // -- device authorization grant (v2-oauth2-device-code.md "Expected errors") --
  // 70016 text as the service answers it (msal-node's recorded AUTHORIZATION_PENDING_RESPONSE test fixture); 70019 and
  // 70018 meanings from reference-error-codes.md (CodeExpired, BadVerificationCode).
  authorizationPending: () => define(70016, 'authorization_pending', 400, 'OAuth 2.0 device flow error. Authorization is pending. Continue polling.'),
  deviceCodeExpired: () => define(70019, 'expired_token', 400, 'Verification code expired.'),
  deviceCodeUnknown: () => define(70018, 'bad_verification_code', 400, "The provided value for the input parameter 'device_code' is not valid."),
  deviceAuthorizationDeclined: () => define(70018, 'authorization_declined', 400, 'The user declined the authorization request.'),
  // RFC 8628 section 3.5; Microsoft's page does not list slow_down, so the emulator only sends it to a client that
  // polls again sooner than the interval it was given, which MSAL never does.
  deviceCodeSlowDown: () => define(70016, 'slow_down', 400, 'OAuth 2.0 device flow error. Polling too frequently: wait the interval between requests.'),

  // -- scopes and resources --
  scopeNotDefault: (scope: string) =>
    define(1002012, 'invalid_scope', 400, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`),
  invalidScope: (scope: string) =>
    // Shape of the documented sample in v2-oauth2-client-creds-grant-flow.md / v2-oauth2-auth-code-flow.md.
    define(70011, 'invalid_scope', 400, `The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`),
  multipleResources: () => define(28000, 'invalid_scope', 400, 'Provided value for the input parameter scope is not valid because it contains more than one resource. Scope openid profile email offline_access https://graph.microsoft.com/.default is not valid.'),
  resourcePrincipalNotFound: (resource: string, tenantName: string) =>
    define(500011, 'invalid_resource', 400, `The resource principal named ${resource} was not found in the tenant named ${tenantName}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`),
  scopeMissing: () => define(70011, 'invalid_scope', 400, "The provided request must include a 'scope' input parameter."),

  // -- interactive --
  redirectUriMismatch: (uri: string, appId: string) =>
    define(50011, 'invalid_request', 400, `The redirect URI '${uri}' specified in the request does not match the redirect URIs configured for the application '${appId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal. Navigate to https://aka.ms/redirectUriMismatchError to learn more about how to fix this.`),
  noReplyAddress: () => define(900971, 'invalid_request', 400, 'No reply address provided.'),
  unsupportedResponseType: (value: string) => define(70005, 'unsupported_response_type', 400, `The provided value for the input parameter 'response_type' is not allowed for this request. Expected value is 'code'. Received '${value}'.`),
  unsupportedResponseMode: (value: string) => define(70007, 'invalid_request', 400, `The application returned an unsupported value of 'response_mode': '${value}'.`),
  invalidCodeChallengeMethod: (value: string) => define(501491, 'invalid_request', 400, `Invalid code_challenge_method '${value}'. Supported values are 'S256' and 'plain'.`),
  invalidCodeChallenge: () => define(501491, 'invalid_request', 400, 'Invalid size of Code_Challenge parameter.'),
  invalidPrompt: (value: string) => define(90023, 'invalid_request', 400, `Invalid value for the 'prompt' parameter: '${value}'.`),
  loginRequired: () => define(50058, 'login_required', 400, 'A silent sign-in request was sent but no user is signed in.'),
  consentRequiredSilently: (appId: string, appName: string) =>
    define(65001, 'consent_required', 400, `The user or administrator has not consented to use the application with ID '${appId}' named '${appName}'. Send an interactive authorization request for this user and resource.`),
  userDeclinedConsent: () => define(65004, 'access_denied', 400, 'User declined to consent to access the app.'),
  adminConsentRequired: () => define(90094, 'access_denied', 400, 'Admin consent is required for the permissions requested by this application. An admin consent request may be sent to the admin.'),
  userNotFound: (upn: string, tenantName: string) =>
    define(50034, 'invalid_request', 400, `The user account ${upn} does not exist in the ${tenantName} directory. To sign into this application, the account must be added to the directory.`),
  wrongPassword: () => define(50126, 'invalid_request', 400, 'Error validating credentials due to invalid username or password.'),
  userNotInTenant: (upn: string, idpTenant: string, tenantName: string, appId: string, appName: string) =>
    define(50020, 'invalid_request', 400, `User account '${upn}' from identity provider 'https://sts.windows.net/${idpTenant}/' does not exist in tenant '${tenantName}' and cannot access the application '${appId}'(${appName}) in that tenant. The account needs to be added as an external user in the tenant first. Sign out and sign in again with a different Azure Active Directory user account.`),

  // -- emulator's own --
  unsupported: (feature: string) =>
    define(0, 'emulator_unsupported', 400, `${feature} is a real Microsoft identity platform feature that the m365hub emulator does not implement.`),
  transient: (status: number) =>
    status >= 500 && status !== 503
      ? define(50000, 'server_error', status, 'There was an error issuing a token or an issue with our sign-in service.')
      : define(90024, 'temporarily_unavailable', status, 'RequestBudgetExceededError - A transient error has occurred. Try again.'),
} as const;
