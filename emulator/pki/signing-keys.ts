// The token-signing key set. Entra ID signs with RSA (RS256) and publishes each key in JWKS with `kid` = `x5t` =
// base64url SHA-1 thumbprint of the key's certificate and the certificate itself in `x5c`
// (https://learn.microsoft.com/entra/identity-platform/access-tokens, "Validate the signature"; keys sample in
// /work/shared/microsoft/identity/token-responses.json). Keys persist in the data dir so `kid` is stable across
// restarts; a rollover adds a key, makes it the signer and keeps the previous ones published, as Microsoft does.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { derBase64, thumbprintsOf } from './thumbprint.js';
import { subtle, x509 } from './x509-provider.js';

const rsaAlgorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 };
const publishedKeyLimit = 3;

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: { kty: 'RSA'; use: 'sig'; kid: string; x5t: string; n: string; e: string; x5c: string[] };
}

interface StoredKey {
  privateKeyPem: string;
  certPem: string;
}

async function createStoredKey(): Promise<StoredKey> {
  const keys = (await subtle.generateKey(rsaAlgorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Date.now().toString(16).padStart(16, '0'),
    name: 'CN=accounts.emulator.m365hub',
    notBefore: new Date(Date.now() - 86_400_000),
    notAfter: new Date(Date.now() + 5 * 365 * 86_400_000),
    keys,
    signingAlgorithm: rsaAlgorithm,
  });
  const pkcs8 = Buffer.from(await subtle.exportKey('pkcs8', keys.privateKey));
  const privateKeyPem = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' }).export({ format: 'pem', type: 'pkcs8' }).toString();
  return { privateKeyPem, certPem: cert.toString('pem') };
}

function toSigningKey(stored: StoredKey): SigningKey {
  const { x5t } = thumbprintsOf(stored.certPem);
  const jwk = createPublicKey(stored.certPem).export({ format: 'jwk' });
  return {
    kid: x5t,
    privateKey: createPrivateKey(stored.privateKeyPem),
    publicJwk: { kty: 'RSA', use: 'sig', kid: x5t, x5t, n: String(jwk.n), e: String(jwk.e), x5c: [derBase64(stored.certPem)] },
  };
}

export class SigningKeySet {
  private stored: StoredKey[];
  private keys: SigningKey[];

  private constructor(stored: StoredKey[], private readonly file: string | undefined) {
    this.stored = stored;
    this.keys = stored.map(toSigningKey);
  }

  static async open(dataDir: string | undefined): Promise<SigningKeySet> {
    const file = dataDir ? path.join(dataDir, 'signing-keys.json') : undefined;
    if (file && existsSync(file)) {
      const stored = JSON.parse(readFileSync(file, 'utf8')) as StoredKey[];
      if (stored.length > 0) return new SigningKeySet(stored, file);
    }
    const set = new SigningKeySet([await createStoredKey()], file);
    set.persist();
    return set;
  }

  /** The key new tokens are signed with (the newest). */
  get active(): SigningKey {
    return this.keys[this.keys.length - 1]!;
  }

  /** Every key still published in JWKS, newest first (tokens signed before a rollover stay verifiable). */
  get published(): SigningKey[] {
    return [...this.keys].reverse();
  }

  async rollover(): Promise<SigningKey> {
    this.stored = [...this.stored, await createStoredKey()].slice(-publishedKeyLimit);
    this.keys = this.stored.map(toSigningKey);
    this.persist();
    return this.active;
  }

  private persist(): void {
    if (this.file) writeFileSync(this.file, JSON.stringify(this.stored, null, 2), { mode: 0o600 });
  }
}
