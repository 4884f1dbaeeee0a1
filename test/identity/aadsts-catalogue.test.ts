// Mapping Microsoft's identity errors to our stable codes. Bodies have the shape Microsoft's token endpoint returns
// (reference-error-codes.md, "Handling error codes in your application"; /work/shared/microsoft/identity).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AADSTS_CODES, IDENTITY_ERRORS, identityError, identityErrorFromMicrosoft } from '../../src/microsoft/identity/aadsts-catalogue.js';
import { IdentityError } from '../../src/microsoft/identity/identity-error.js';

const trace = '\r\nTrace ID: 0000aaaa-11bb-cccc-dd22-eeeeee333333\r\nCorrelation ID: aaaa0000-bb11-2222-33cc-444444dddddd\r\nTimestamp: 2026-01-09 02:02:12Z';
const body = (error: string, code: number, text: string, extra: Record<string, unknown> = {}) => ({
  error,
  error_description: `AADSTS${code}: ${text}${trace}`,
  error_codes: [code],
  trace_id: '0000aaaa-11bb-cccc-dd22-eeeeee333333',
  correlation_id: 'aaaa0000-bb11-2222-33cc-444444dddddd',
  ...extra,
});

describe('AADSTS catalogue', () => {
  const cases: [number, string, string, boolean][] = [
    [50011, 'invalid_request', 'redirect_uri_mismatch', true],
    [700016, 'unauthorized_client', 'application_not_found', true],
    [7000215, 'invalid_client', 'invalid_client_secret', true],
    [7000222, 'invalid_client', 'secret_expired', true],
    [65001, 'invalid_grant', 'consent_required', true],
    [90094, 'access_denied', 'admin_approval_required', true],
    [90095, 'access_denied', 'admin_approval_required', true],
    [65004, 'access_denied', 'consent_declined', true],
    [50105, 'invalid_grant', 'user_not_assigned', true],
    [700082, 'invalid_grant', 'refresh_token_expired', true],
    [50173, 'invalid_grant', 'session_revoked', true],
    [70008, 'invalid_grant', 'authorization_code_expired', true],
    [54005, 'invalid_grant', 'authorization_code_redeemed', true],
    [70011, 'invalid_scope', 'invalid_scope', true],
    [1002012, 'invalid_scope', 'invalid_scope', true],
    [700024, 'invalid_client', 'client_assertion_invalid', true],
    [700027, 'invalid_client', 'client_assertion_invalid', true],
    [50076, 'invalid_grant', 'mfa_required', true],
    [50079, 'invalid_grant', 'mfa_required', true],
    [53003, 'access_denied', 'blocked_by_conditional_access', true],
    [90002, 'invalid_request', 'tenant_not_found', true],
    [50020, 'invalid_request', 'user_not_in_tenant', true],
    [50034, 'invalid_request', 'user_not_found', true],
    [500011, 'invalid_resource', 'resource_not_found', true],
    [7000218, 'invalid_client', 'client_credential_missing', true],
    [50000, 'server_error', 'service_unavailable', false],
  ];
  for (const [aadsts, error, code, permanent] of cases) {
    it(`AADSTS${aadsts} → ${code} (${permanent ? 'permanent' : 'transient'})`, () => {
      const e = identityErrorFromMicrosoft(body(error, aadsts, 'text'), { status: aadsts === 50000 ? 500 : 400 });
      assert.ok(e instanceof IdentityError);
      assert.equal(e.code, code);
      assert.equal(e.aadsts, aadsts);
      assert.equal(e.permanent, permanent);
      assert.equal(e.traceId, '0000aaaa-11bb-cccc-dd22-eeeeee333333');
      assert.equal(e.correlationId, 'aaaa0000-bb11-2222-33cc-444444dddddd');
      assert.equal(e.userMessage, IDENTITY_ERRORS[e.code].userMessage);
    });
  }

  it('reads the AADSTS number from the description when error_codes is absent (redirect errors), and keeps the trace lines out of the message', () => {
    const e = identityErrorFromMicrosoft({
      error: 'access_denied',
      error_description: `AADSTS65004: User declined to consent to access the app.${trace}`,
    });
    assert.equal(e.code, 'consent_declined');
    assert.equal(e.userMessage, 'The connection was cancelled or not approved.');
    assert.equal(e.microsoftMessage, 'AADSTS65004: User declined to consent to access the app.');
    assert.equal(e.traceId, '0000aaaa-11bb-cccc-dd22-eeeeee333333');
  });

  it('treats error_subcode=cancel as the user cancelling', () => {
    const e = identityErrorFromMicrosoft({ error: 'access_denied', error_subcode: 'cancel', error_description: 'the user canceled the authentication' });
    assert.equal(e.code, 'consent_declined');
  });

  it('falls back to suberror, then the OAuth error, then the HTTP status', () => {
    assert.equal(identityErrorFromMicrosoft({ error: 'invalid_grant', suberror: 'bad_token' }).code, 'session_revoked');
    assert.equal(identityErrorFromMicrosoft({ error: 'invalid_grant', error_codes: [99999999] }).code, 'invalid_grant');
    const throttled = identityErrorFromMicrosoft({}, { status: 429, retryAfterSeconds: 7 });
    assert.equal(throttled.code, 'throttled');
    assert.equal(throttled.permanent, false);
    assert.equal(throttled.retryAfterSeconds, 7);
    const gateway = identityErrorFromMicrosoft({ error: 'invalid_request', error_codes: [9002313] }, { status: 503 });
    assert.equal(gateway.permanent, false, 'a 5xx is transient whatever its body says');
  });

  it('tells what redirect URI to register', () => {
    const e = identityErrorFromMicrosoft(body('invalid_request', 50011, 'The redirect URI ... does not match'), { redirectUri: 'https://hub.example.com/auth/m365/callback' });
    assert.match(e.fix, /https:\/\/hub\.example\.com\/auth\/m365\/callback/);
  });

  it('has our own codes for a missing refresh token and a missing redirect URI', () => {
    const missing = identityError('refresh_token_missing');
    assert.equal(missing.userMessage, 'Missing access_token or refresh_token in token response.');
    assert.match(missing.fix, /offline_access/);
    assert.equal(missing.permanent, true);
    assert.equal(identityError('redirect_uri_not_configured').userMessage, 'Redirect URI not configured.');
  });

  it('maps every AADSTS number to a code that has a message and a fix', () => {
    for (const [n, code] of AADSTS_CODES) assert.ok(IDENTITY_ERRORS[code]?.fix, `AADSTS${n}`);
  });

  it('serialises to safe fields only', () => {
    const e = identityErrorFromMicrosoft(body('invalid_grant', 700082, 'The refresh token has expired due to inactivity.'), { status: 400 });
    const json = JSON.parse(JSON.stringify(e)) as Record<string, unknown>;
    assert.deepEqual(Object.keys(json).sort(), ['aadsts', 'code', 'correlationId', 'fix', 'microsoftMessage', 'oauthError', 'permanent', 'status', 'traceId', 'userMessage']);
  });
});
