import { createHash, X509Certificate } from 'node:crypto';

/** Certificate thumbprints as Entra ID names them: SHA-1 (`x5t`, customKeyIdentifier) and SHA-256 (`x5t#S256`). */
export interface CertificateThumbprints {
  sha1Hex: string;
  sha256Hex: string;
  /** base64url of the SHA-1 digest: the `x5t` / `kid` form used in JWT headers and JWKS. */
  x5t: string;
  /** base64url of the SHA-256 digest: the `x5t#S256` header msal-node sends with `thumbprintSha256`. */
  x5tS256: string;
}

export function thumbprintsOf(certificatePem: string): CertificateThumbprints {
  const der = new X509Certificate(certificatePem).raw;
  const sha1 = createHash('sha1').update(der).digest();
  const sha256 = createHash('sha256').update(der).digest();
  return {
    sha1Hex: sha1.toString('hex').toUpperCase(),
    sha256Hex: sha256.toString('hex').toUpperCase(),
    x5t: sha1.toString('base64url'),
    x5tS256: sha256.toString('base64url'),
  };
}

/** The base64 DER body of a PEM certificate, as JWKS `x5c` entries carry it. */
export function derBase64(certificatePem: string): string {
  return new X509Certificate(certificatePem).raw.toString('base64');
}
