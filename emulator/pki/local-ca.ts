// A private certificate authority for the emulator's HTTPS listener. MSAL refuses http authorities, so the
// emulator must speak TLS; clients trust it through NODE_EXTRA_CA_CERTS=<data-dir>/ca.pem (or a trusting fetch).
// The CA persists in the data dir so a client configured once keeps trusting restarts; the server certificate is
// re-issued whenever a requested host name is not yet among its subject alternative names.
import { randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { subtle, x509 } from './x509-provider.js';

const keyAlgorithm = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const dayMs = 86_400_000;

export interface TlsMaterial {
  caPath: string;
  caPem: string;
  keyPem: string;
  certPem: string;
}

async function exportPrivateKeyPem(key: CryptoKey): Promise<string> {
  const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', key));
  return `-----BEGIN PRIVATE KEY-----\n${pkcs8.toString('base64').replace(/(.{64})/g, '$1\n').trimEnd()}\n-----END PRIVATE KEY-----\n`;
}

async function importPrivateKeyPem(pem: string): Promise<CryptoKey> {
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s+/g, ''), 'base64');
  return subtle.importKey('pkcs8', der, keyAlgorithm, true, ['sign']);
}

function serialNumber(): string {
  // Positive, non-zero serials: clear the top bit of the first byte.
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x01;
  return bytes.toString('hex');
}

async function createCa(): Promise<{ certPem: string; keyPem: string }> {
  const keys = (await subtle.generateKey(keyAlgorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serialNumber(),
    name: 'CN=m365hub emulator local CA, O=m365hub',
    notBefore: new Date(Date.now() - dayMs),
    notAfter: new Date(Date.now() + 3650 * dayMs),
    keys,
    signingAlgorithm: keyAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportPrivateKeyPem(keys.privateKey) };
}

async function issueServerCertificate(caCertPem: string, caKeyPem: string, hostNames: string[]) {
  const caCert = new x509.X509Certificate(caCertPem);
  const caKey = await importPrivateKeyPem(caKeyPem);
  const keys = (await subtle.generateKey(keyAlgorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const names = hostNames.map((name) => ({ type: isIP(name) ? ('ip' as const) : ('dns' as const), value: name }));
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serialNumber(),
    subject: `CN=${hostNames[0] ?? 'localhost'}`,
    issuer: caCert.subject,
    notBefore: new Date(Date.now() - dayMs),
    // Under 398 days, the ceiling browsers enforce for server certificates.
    notAfter: new Date(Date.now() + 390 * dayMs),
    signingKey: caKey,
    publicKey: keys.publicKey,
    signingAlgorithm: keyAlgorithm,
    extensions: [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment, true),
      new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
      new x509.SubjectAlternativeNameExtension(names),
      await x509.AuthorityKeyIdentifierExtension.create(caCert),
    ],
  });
  return { certPem: cert.toString('pem'), keyPem: await exportPrivateKeyPem(keys.privateKey) };
}

function coversAll(certPem: string, hostNames: string[]): boolean {
  const cert = new X509Certificate(certPem);
  if (new Date(cert.validTo).getTime() < Date.now() + dayMs) return false;
  return hostNames.every((name) => (isIP(name) ? cert.checkIP(name) : cert.checkHost(name)) !== undefined);
}

/** Loads (or creates) the CA and a server certificate for `hostNames` in `dataDir`. */
export async function ensureTlsMaterial(dataDir: string, hostNames: string[]): Promise<TlsMaterial> {
  mkdirSync(dataDir, { recursive: true });
  const file = (name: string) => path.join(dataDir, name);
  const names = [...new Set(['localhost', '127.0.0.1', '::1', ...hostNames])];

  if (!existsSync(file('ca.pem')) || !existsSync(file('ca-key.pem'))) {
    const ca = await createCa();
    writeFileSync(file('ca-key.pem'), ca.keyPem, { mode: 0o600 });
    writeFileSync(file('ca.pem'), ca.certPem);
  }
  const caPem = readFileSync(file('ca.pem'), 'utf8');
  const caKeyPem = readFileSync(file('ca-key.pem'), 'utf8');

  const haveServer = existsSync(file('server.pem')) && existsSync(file('server-key.pem'));
  if (!haveServer || !coversAll(readFileSync(file('server.pem'), 'utf8'), names)) {
    const server = await issueServerCertificate(caPem, caKeyPem, names);
    writeFileSync(file('server-key.pem'), server.keyPem, { mode: 0o600 });
    writeFileSync(file('server.pem'), server.certPem);
  }
  return {
    caPath: file('ca.pem'),
    caPem,
    keyPem: readFileSync(file('server-key.pem'), 'utf8'),
    certPem: readFileSync(file('server.pem'), 'utf8'),
  };
}
