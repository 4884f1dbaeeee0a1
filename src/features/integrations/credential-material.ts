// Turning what an admin enters (a client secret, or a certificate with its private key) into an m365_credentials
// row, and back into the identity layer's ClientCredentials. The secret and the private key are sealed by the key
// ring, bound to their row and column; the certificate is public and stored as PEM with its SHA-256 thumbprint.
import { DomainError } from '../../platform/errors/domain-error.js';
import type { KeyRing } from '../../platform/crypto/key-ring.js';
import { IdentityError, prepareCertificate, type ClientCredentials } from '../../microsoft/identity/index.js';
import { newId } from '../../platform/store/ids.js';
import type { M365CredentialsTable } from './tables.js';
import type { Insertable, Selectable } from 'kysely';
import { entraThumbprint, readCertificateUpload, type CertificateUpload } from './certificate-input.js';

export type CredentialInput =
  | { kind: 'secret'; clientSecret: string; /** When the secret expires, as shown in the Entra admin center. */ expiresAt?: Date | null }
  | ({ kind: 'certificate' } & CertificateUpload);

export type CredentialRow = Selectable<M365CredentialsTable>;

const TABLE = 'm365_credentials';

/** A new credential row for the workspace, material sealed; throws validation_failed for unusable input. */
export function credentialRow(
  keyRing: KeyRing,
  workspaceId: string,
  input: CredentialInput,
  status: 'active' | 'pending',
): Insertable<M365CredentialsTable> & { id: string } {
  const id = newId('cred');
  if (input.kind === 'secret') {
    const secret = input.clientSecret;
    if (!secret.trim() || secret.length > 1024) {
      throw DomainError.forField('validation_failed', 'clientSecret', "enter the secret's Value from Certificates & secrets (1–1024 characters).", 'credential/clientSecret');
    }
    return {
      id,
      workspace_id: workspaceId,
      kind: 'secret',
      status,
      secret_sealed: keyRing.seal(secret, { table: TABLE, rowId: id, column: 'secret_sealed' }),
      expires_at: input.expiresAt ?? null,
      expiry_source: input.expiresAt ? 'entered' : null,
    };
  }
  // A PFX or an encrypted key becomes the plain pair here; the passphrase goes no further.
  const pair = readCertificateUpload(input);
  let thumbprint: string;
  let notAfter: Date;
  try {
    ({ thumbprintSha256: thumbprint, notAfter } = prepareCertificate(pair.certificatePem, pair.privateKeyPem));
  } catch (error) {
    if (!(error instanceof IdentityError)) throw error;
    // Never echo the PEMs: the message names the problem only.
    throw new DomainError('validation_failed', 'certificate: the certificate PEM and the RSA private key PEM must parse and belong together.');
  }
  return {
    id,
    workspace_id: workspaceId,
    kind: 'certificate',
    status,
    certificate_pem: pair.certificatePem,
    thumbprint_sha256: thumbprint,
    private_key_sealed: keyRing.seal(pair.privateKeyPem, { table: TABLE, rowId: id, column: 'private_key_sealed' }),
    expires_at: notAfter,
    expiry_source: 'certificate',
  };
}

/** The identity layer's credentials for a stored row (opens the sealed material). */
export function clientCredentialsOf(keyRing: KeyRing, clientId: string, row: CredentialRow): ClientCredentials {
  if (row.kind === 'secret') {
    return { clientId, clientSecret: keyRing.openText(row.secret_sealed!, { table: TABLE, rowId: row.id, column: 'secret_sealed' }) };
  }
  return {
    clientId,
    certificatePem: row.certificate_pem!,
    privateKeyPem: keyRing.openText(row.private_key_sealed!, { table: TABLE, rowId: row.id, column: 'private_key_sealed' }),
  };
}

export interface CredentialView {
  id: string;
  kind: 'secret' | 'certificate';
  status: 'active' | 'pending' | 'retired';
  /** Always true: the material is write-only and never shown. */
  secretSet: true;
  expiresAt: Date | null;
  expirySource: 'microsoft' | 'entered' | 'certificate' | null;
  /** SHA-1 of the certificate in upper-case hex, exactly as the Entra admin center lists it under Certificates. */
  thumbprint: string | null;
  createdAt: Date;
}

export function credentialView(row: CredentialRow): CredentialView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    secretSet: true,
    expiresAt: row.expires_at,
    expirySource: row.expiry_source,
    thumbprint: row.certificate_pem ? entraThumbprint(row.certificate_pem) : null,
    createdAt: row.created_at,
  };
}
