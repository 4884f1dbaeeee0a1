// What admins actually have for a certificate credential, turned into the one form the hub stores (the certificate
// PEM and an unencrypted PKCS#8 private key, which the key ring then seals): a PEM pair whose key may be encrypted
// (PKCS#8 `ENCRYPTED PRIVATE KEY`, opened with Node's own crypto), or a PFX / PKCS#12 file as exported from Windows,
// Azure Key Vault or `openssl pkcs12 -export` (opened with node-forge: Node has no PKCS#12 reader). The passphrase
// is used once, here, and never stored. Problems name the field and what to do; they never echo the input.
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import type forge from 'node-forge';
import { DomainError } from '../../platform/errors/domain-error.js';

export interface CertificateUpload {
  certificatePem?: string | undefined;
  privateKeyPem?: string | undefined;
  /** PFX / PKCS#12, base64. */
  pfxBase64?: string | undefined;
  /** Of an encrypted private key or of the PFX. */
  passphrase?: string | undefined;
}

export interface CertificatePair {
  certificatePem: string;
  /** Unencrypted PKCS#8 PEM. */
  privateKeyPem: string;
}

const invalid = (message: string) => new DomainError('validation_failed', message);

const WRONG_PASSPHRASE = 'certificate.passphrase: the passphrase does not open the private key. Enter the passphrase it was exported with.';

function openPemKey(privateKeyPem: string, passphrase: string | undefined): KeyObject {
  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/.test(privateKeyPem);
  if (encrypted && !passphrase) throw invalid('certificate.passphrase: the private key is encrypted. Enter its passphrase.');
  try {
    return createPrivateKey(encrypted ? { key: privateKeyPem, format: 'pem', passphrase: passphrase! } : { key: privateKeyPem, format: 'pem' });
  } catch {
    throw encrypted ? invalid(WRONG_PASSPHRASE) : invalid('certificate.privateKeyPem: not a readable private key. Paste the PEM block, from -----BEGIN to -----END.');
  }
}

// node-forge (PKCS#12 only) is loaded on the first PFX upload, not by every hub at start.
const requireModule = createRequire(import.meta.url);
let forgeLoaded: typeof forge | undefined;
const loadForge = (): typeof forge => (forgeLoaded ??= requireModule('node-forge') as typeof forge);

function fromPfx(pfxBase64: string, passphrase: string): CertificatePair {
  const lib = loadForge();
  const der = Buffer.from(pfxBase64.replace(/\s+/g, ''), 'base64');
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = lib.asn1.fromDer(lib.util.createBuffer(der.toString('binary')));
  } catch {
    throw invalid('certificate.pfxBase64: not a PFX / PKCS#12 file. Send the .pfx (or .p12) file\'s bytes in base64.');
  }
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    p12 = lib.pkcs12.pkcs12FromAsn1(asn1, false, passphrase);
  } catch (error) {
    // node-forge says "Invalid password?" when the MAC or a bag does not open with the passphrase.
    if (/password/i.test((error as Error).message)) {
      throw invalid('certificate.passphrase: the passphrase does not open this PFX file. Enter the password it was exported with.');
    }
    throw invalid('certificate.pfxBase64: this PFX / PKCS#12 file cannot be read. Export it again (with its private key).');
  }
  const bags = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const keys = [...bags(lib.pki.oids.pkcs8ShroudedKeyBag!), ...bags(lib.pki.oids.keyBag!)].flatMap((b) => (b.key ? [b.key] : []));
  const certificates = bags(lib.pki.oids.certBag!).flatMap((b) => (b.cert ? [b.cert] : []));
  if (keys.length === 0) throw invalid('certificate.pfxBase64: the PFX file holds no private key. Export the certificate with its private key.');
  if (certificates.length === 0) throw invalid('certificate.pfxBase64: the PFX file holds no certificate.');
  const key = createPrivateKey(lib.pki.privateKeyToPem(keys[0] as forge.pki.rsa.PrivateKey));
  // A PFX may carry the issuing chain too: the app's certificate is the one this key belongs to.
  const own = certificates.map((c) => new X509Certificate(lib.pki.certificateToPem(c))).find((c) => c.checkPrivateKey(key));
  if (!own) throw invalid('certificate.pfxBase64: no certificate in the PFX file belongs to its private key.');
  return { certificatePem: own.toString(), privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** The certificate and its unencrypted private key, from whichever form was uploaded; validation_failed otherwise. */
export function readCertificateUpload(upload: CertificateUpload): CertificatePair {
  if (upload.pfxBase64 !== undefined) {
    if (upload.certificatePem !== undefined || upload.privateKeyPem !== undefined) {
      throw invalid('certificate: send either pfxBase64, or certificatePem with privateKeyPem, not both.');
    }
    return fromPfx(upload.pfxBase64, upload.passphrase ?? '');
  }
  if (!upload.certificatePem || !upload.privateKeyPem) {
    throw invalid('certificate: send certificatePem with privateKeyPem (PEM), or pfxBase64 (a PFX / PKCS#12 file, base64).');
  }
  const key = openPemKey(upload.privateKeyPem, upload.passphrase);
  return { certificatePem: upload.certificatePem.trim(), privateKeyPem: key.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** SHA-1 of the DER certificate in upper-case hex: the thumbprint the Entra admin center lists under Certificates. */
export function entraThumbprint(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint.replaceAll(':', '').toUpperCase();
}
