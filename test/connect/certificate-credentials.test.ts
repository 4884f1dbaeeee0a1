// Certificate credentials as admins have them: the thumbprint shown as the Entra admin center shows it (SHA-1, upper-
// case hex), a PKCS#8 encrypted private key with its passphrase, and a PFX / PKCS#12 file (legacy 3DES as Windows
// exports it, and OpenSSL 3's AES-256 default), each with a clear problem for a wrong or missing passphrase. What is
// stored is the plain pair (sealed), so the token client signs with it as before.
import { INTEGRATION_LISTENERS } from '../../src/app/integration-listeners.js';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import forge from 'node-forge';
import type { AuditContext } from '../../src/features/audit/audit-log.js';
import { createConsoleUser } from '../../src/features/console-auth/console-users.js';
import { IntegrationStore } from '../../src/features/integrations/integration-store.js';
import type { CredentialInput } from '../../src/features/integrations/credential-material.js';
import { createWorkspace } from '../../src/features/workspaces/workspaces.js';
import { DomainError } from '../../src/platform/errors/domain-error.js';
import { KeyRing } from '../../src/platform/crypto/key-ring.js';
import { ManualClock } from '../../src/platform/time/clock.js';
import { prepareCertificate } from '../../src/microsoft/identity/index.js';
import { createClientCertificate } from '../../emulator/test/support/test-certificate.js';
import { openTestStore, type TestStore } from '../support/stores.js';

const PASSPHRASE = 'correct horse battery staple';

/** What the Entra admin center lists as the certificate's thumbprint. */
const entraThumbprint = (pem: string) => createHash('sha1').update(new X509Certificate(pem).raw).digest('hex').toUpperCase();

/** A PFX as Windows' certificate export writes it (3DES bags, SHA-1 MAC). */
function legacyPfx(pair: { certificatePem: string; privateKeyPem: string }, password: string): string {
  const p12 = forge.pkcs12.toPkcs12Asn1(forge.pki.privateKeyFromPem(createPrivateKey(pair.privateKeyPem).export({ type: 'pkcs1', format: 'pem' }).toString()), [forge.pki.certificateFromPem(pair.certificatePem)], password, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(p12).getBytes(), 'binary').toString('base64');
}

/** A PFX as `openssl pkcs12 -export` (OpenSSL 3: AES-256-CBC, PBKDF2, SHA-256 MAC) writes it; undefined without openssl. */
function opensslPfx(pair: { certificatePem: string; privateKeyPem: string }, password: string): string | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'm365hub-pfx-'));
  try {
    writeFileSync(path.join(dir, 'cert.pem'), pair.certificatePem);
    writeFileSync(path.join(dir, 'key.pem'), pair.privateKeyPem);
    const run = spawnSync('openssl', ['pkcs12', '-export', '-in', 'cert.pem', '-inkey', 'key.pem', '-out', 'out.pfx', '-passout', `pass:${password}`], { cwd: dir });
    if (run.error || run.status !== 0) return undefined;
    return readFileSync(path.join(dir, 'out.pfx')).toString('base64');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('certificate credentials', () => {
  let store: TestStore;
  let integrations: IntegrationStore;
  let audit: AuditContext;
  let pair: { certificatePem: string; privateKeyPem: string };
  let n = 0;

  before(async () => {
    store = await openTestStore('pglite');
    const admin = await createConsoleUser(store.db, { email: 'admin@example.test', password: PASSPHRASE });
    const clock = new ManualClock(new Date());
    audit = { actor: { type: 'user', id: admin.id, label: admin.email }, ip: null, at: clock.now() };
    integrations = new IntegrationStore({ db: store.db, keyRing: new KeyRing([{ id: 'k1', key: Buffer.alloc(32, 5) }]), clock, redirectDefaults: {}, listeners: INTEGRATION_LISTENERS });
    pair = await createClientCertificate();
  });
  after(async () => store?.close());

  async function put(credential: CredentialInput) {
    const ws = (await createWorkspace(store.db, { name: `cert ${++n}`, adminUserId: audit.actor.id! }, audit)).id;
    const { integration } = await integrations.put(ws, { clientId: '5d3a6c1e-8f2b-4e7d-a9c0-1b2c3d4e5f60', services: [{ service: 'directory', modes: ['application'] }], credential }, audit);
    const auth = await integrations.loadIntegrationAuth(ws);
    return { integration, credentials: auth!.credentials as { certificatePem: string; privateKeyPem: string } };
  }

  const refused = (credential: CredentialInput, pattern: RegExp) =>
    assert.rejects(put(credential), (error: unknown) => error instanceof DomainError && error.code === 'validation_failed' && pattern.test(error.message) && !error.message.includes(PASSPHRASE));

  it('shows the thumbprint as the Entra admin center does (SHA-1, upper-case hex)', async () => {
    const { integration } = await put({ kind: 'certificate', ...pair });
    assert.match(integration.credential!.thumbprint!, /^[0-9A-F]{40}$/);
    assert.equal(integration.credential!.thumbprint, entraThumbprint(pair.certificatePem));
  });

  it('opens an encrypted PKCS#8 private key with its passphrase, and stores it usable', async () => {
    const encrypted = createPrivateKey(pair.privateKeyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: PASSPHRASE }).toString();
    assert.match(encrypted, /BEGIN ENCRYPTED PRIVATE KEY/);
    const { credentials } = await put({ kind: 'certificate', certificatePem: pair.certificatePem, privateKeyPem: encrypted, passphrase: PASSPHRASE });
    assert.doesNotMatch(credentials.privateKeyPem, /ENCRYPTED/);
    assert.ok(prepareCertificate(credentials.certificatePem, credentials.privateKeyPem));

    await refused({ kind: 'certificate', certificatePem: pair.certificatePem, privateKeyPem: encrypted, passphrase: 'wrong' }, /passphrase does not open the private key/);
    await refused({ kind: 'certificate', certificatePem: pair.certificatePem, privateKeyPem: encrypted }, /private key is encrypted\. Enter its passphrase/);
  });

  it('reads a PFX exported by Windows (3DES), and says when the password is wrong', async () => {
    const pfx = legacyPfx(pair, PASSPHRASE);
    const { integration, credentials } = await put({ kind: 'certificate', pfxBase64: pfx, passphrase: PASSPHRASE });
    assert.equal(integration.credential!.thumbprint, entraThumbprint(pair.certificatePem));
    assert.ok(prepareCertificate(credentials.certificatePem, credentials.privateKeyPem));
    await refused({ kind: 'certificate', pfxBase64: pfx, passphrase: 'wrong' }, /passphrase does not open this PFX/);
    await refused({ kind: 'certificate', pfxBase64: Buffer.from('not a pfx').toString('base64') }, /not a PFX/);
  });

  it('reads a PFX exported by OpenSSL 3 (AES-256, SHA-256 MAC)', async (t) => {
    const pfx = opensslPfx(pair, PASSPHRASE);
    if (!pfx) return t.skip('openssl is not installed here');
    const { integration } = await put({ kind: 'certificate', pfxBase64: pfx, passphrase: PASSPHRASE });
    assert.equal(integration.credential!.thumbprint, entraThumbprint(pair.certificatePem));
    await refused({ kind: 'certificate', pfxBase64: pfx, passphrase: 'wrong' }, /passphrase does not open this PFX/);
  });
});
