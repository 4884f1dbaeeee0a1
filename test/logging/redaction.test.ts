// What the log redactor keeps and what it blanks: error codes are the most useful field of a log line, while an
// OAuth authorization code (RFC 6749 §4.1.2) is a credential for as long as it lives, wherever it appears.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { describe, it } from 'node:test';
import { createLogger, REDACTED, redactSecrets } from '../../src/platform/logging/logger.js';

function logged(write: (logger: ReturnType<typeof createLogger>) => void): string {
  let text = '';
  const logger = createLogger({
    level: 'info',
    destination: new Writable({
      write(chunk, _encoding, done) {
        text += String(chunk);
        done();
      },
    }),
  });
  write(logger);
  return text;
}

describe('log redaction of codes', () => {
  it('keeps error codes in a field named code, at any depth', () => {
    const line = logged((logger) => logger.warn({ code: 'consent_required', problem: { code: 'AADSTS65001' }, err: Object.assign(new Error('refused'), { code: 'invalid_grant' }) }, 'token refused'));
    assert.match(line, /"code":"consent_required"/);
    assert.match(line, /"code":"AADSTS65001"/);
    assert.match(line, /"code":"invalid_grant"/);
  });

  it('blanks the authorization code of a callback query and of a token request body', () => {
    const callback = redactSecrets({ query: { code: '0.AXcode-from-callback', state: 's1', session_state: 'x' } }) as { query: Record<string, string> };
    assert.equal(callback.query.code, REDACTED);
    const tokenRequest = redactSecrets({ grant_type: 'authorization_code', code: '0.AXcode-in-body', redirect_uri: 'https://hub/cb' }) as Record<string, string>;
    assert.equal(tokenRequest.code, REDACTED);
    assert.equal(tokenRequest.grant_type, 'authorization_code');
  });

  it('blanks code= and token parameters inside URLs, form bodies and error messages, keeping the rest', () => {
    const line = logged((logger) =>
      logger.info(
        {
          url: 'https://hub.example/auth/m365/callback?code=0.AXcode-in-url&state=abc',
          form: 'grant_type=authorization_code&code=0.AXcode-in-form&client_secret=shh-secret&redirect_uri=x',
          err: new Error('callback failed for /auth/m365/callback?state=abc&code=0.AXcode-in-message'),
        },
        'callback',
      ),
    );
    for (const secret of ['0.AXcode-in-url', '0.AXcode-in-form', 'shh-secret', '0.AXcode-in-message']) assert.ok(!line.includes(secret), `leaked ${secret}`);
    assert.match(line, /state=abc/);
    assert.match(line, /grant_type=authorization_code/);
  });

  it('blanks fields named like an authorization code', () => {
    const out = redactSecrets({ authorizationCode: 'abc', auth_code: 'def' }) as Record<string, string>;
    assert.deepEqual(out, { authorizationCode: REDACTED, auth_code: REDACTED });
  });
});
