// How the app proves who it is at the token endpoint: a client secret, or a certificate. For a certificate,
// Microsoft's "certificate credentials" document (https://learn.microsoft.com/en-us/entra/identity-platform/certificate-credentials)
// asks for a JWT signed with the private key whose header names the certificate by `x5t#S256` (base64url SHA-256
// of the DER certificate; the SHA-1 `x5t` is legacy), with aud = the token endpoint, iss = sub = client id, a jti,
// and a short lifetime. PS256 as msal-node signs it for SHA-256 thumbprints. Signed with jose.
import { createHash, createPrivateKey, randomUUID, X509Certificate } from 'node:crypto';
import { SignJWT } from 'jose';
import type * as oauth from 'oauth4webapi';
import type { Clock } from '../../platform/time/clock.js';
import { identityError } from './aadsts-catalogue.js';

export type ClientCredentials =
  | { clientId: string; clientSecret: string }
  | { clientId: string; certificatePem: string; privateKeyPem: string };

export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const ASSERTION_LIFETIME_SECONDS = 5 * 60;

export interface PreparedCertificate {
  /** base64url SHA-256 of the DER certificate: the `x5t#S256` header. */
  thumbprintSha256: string;
  privateKey: ReturnType<typeof createPrivateKey>;
  notAfter: Date;
}

/** Parses the PEMs once and checks the key belongs to the certificate, so a mismatch fails here, clearly. */
export function prepareCertificate(certificatePem: string, privateKeyPem: string): PreparedCertificate {
  let certificate: X509Certificate;
  let privateKey: ReturnType<typeof createPrivateKey>;
  try {
    certificate = new X509Certificate(certificatePem);
    privateKey = createPrivateKey(privateKeyPem);
  } catch {
    throw identityError('client_assertion_invalid');
  }
  if (privateKey.asymmetricKeyType !== 'rsa' || !certificate.checkPrivateKey(privateKey)) throw identityError('client_assertion_invalid');
  return {
    thumbprintSha256: createHash('sha256').update(certificate.raw).digest('base64url'),
    privateKey,
    notAfter: new Date(certificate.validTo),
  };
}

export async function createClientAssertion(input: { clientId: string; certificate: PreparedCertificate; audience: string; clock: Clock }): Promise<string> {
  const now = Math.floor(input.clock.now().getTime() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'PS256', typ: 'JWT', 'x5t#S256': input.certificate.thumbprintSha256 })
    .setIssuer(input.clientId)
    .setSubject(input.clientId)
    .setAudience(input.audience)
    .setJti(randomUUID())
    .setIssuedAt(now)
    .setNotBefore(now)
    .setExpirationTime(now + ASSERTION_LIFETIME_SECONDS)
    .sign(input.certificate.privateKey);
}

const isCertificate = (c: ClientCredentials): c is Extract<ClientCredentials, { certificatePem: string }> => 'certificatePem' in c;

/** The oauth4webapi client authentication for these credentials (client_secret_post, or private_key_jwt). */
export function clientAuthentication(credentials: ClientCredentials, clock: Clock): oauth.ClientAuth {
  if (!isCertificate(credentials)) {
    if (!credentials.clientSecret) throw identityError('client_credential_missing');
    return (_as, client, body) => {
      body.set('client_id', client.client_id);
      body.set('client_secret', credentials.clientSecret);
    };
  }
  const certificate = prepareCertificate(credentials.certificatePem, credentials.privateKeyPem);
  return async (as, client, body) => {
    body.set('client_id', client.client_id);
    body.set('client_assertion_type', CLIENT_ASSERTION_TYPE);
    body.set('client_assertion', await createClientAssertion({ clientId: client.client_id, certificate, audience: as.token_endpoint!, clock }));
  };
}
