// The credential's expiry as Microsoft has it: Test Connection reads the app registration's passwordCredentials
// and keyCredentials (`GET /applications(appId='…')`, which needs Application.Read.All or a directory read
// permission) and finds the credential in use — a secret by its `hint` (the first three characters of the secret,
// as Microsoft documents), a certificate by its SHA-1 thumbprint (`customKeyIdentifier`). Without the permission
// the entered expiry stays, and the step says so. Microsoft never returns the secret itself.
import { recordMicrosoftCredentialExpiry } from '../integrations/index.js';
import { X509Certificate } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { GraphClient } from '../../microsoft/graph/graph-client.js';
import { GraphError } from '../../microsoft/graph/graph-error.js';
import type { ClientCredentials } from '../../microsoft/identity/index.js';
import type { Database } from '../../platform/store/schema.js';

interface GraphCredential {
  endDateTime?: string | null;
  hint?: string | null;
  customKeyIdentifier?: string | null;
}

export type MicrosoftExpiry =
  | { source: 'microsoft'; expiresAt: string }
  | { source: 'unavailable'; reason: string };

const SECRET_HINT_LENGTH = 3;

/** SHA-1 of the DER certificate, upper-case hex: what Graph shows as a key credential's customKeyIdentifier. */
function sha1Thumbprint(certificatePem: string): string {
  return new X509Certificate(certificatePem).fingerprint.replaceAll(':', '').toUpperCase();
}

export async function readMicrosoftExpiry(graph: GraphClient, credentials: ClientCredentials): Promise<MicrosoftExpiry> {
  let app: { passwordCredentials?: GraphCredential[]; keyCredentials?: GraphCredential[] };
  try {
    app = await graph.get(`/applications(appId='${encodeURIComponent(credentials.clientId)}')`, { query: { $select: 'passwordCredentials,keyCredentials' } });
  } catch (error) {
    if (error instanceof GraphError && (error.status === 401 || error.status === 403)) {
      return { source: 'unavailable', reason: 'The app cannot read its own registration (grant Application.Read.All to read the expiry from Microsoft); the entered expiry is kept.' };
    }
    if (error instanceof GraphError && error.status === 404) {
      return { source: 'unavailable', reason: "The app registration is not in this tenant's directory (a multi-tenant app registered elsewhere); the entered expiry is kept." };
    }
    if (error instanceof GraphError) return { source: 'unavailable', reason: `Microsoft Graph did not answer (${error.status || error.code}); the entered expiry is kept.` };
    throw error;
  }
  const matches =
    'clientSecret' in credentials
      ? (app.passwordCredentials ?? []).filter((c) => c.hint === credentials.clientSecret.slice(0, SECRET_HINT_LENGTH))
      : (app.keyCredentials ?? []).filter((c) => c.customKeyIdentifier?.toUpperCase() === sha1Thumbprint(credentials.certificatePem));
  const dates = [...new Set(matches.map((c) => c.endDateTime).filter((d): d is string => Boolean(d)))];
  if (dates.length === 1) return { source: 'microsoft', expiresAt: new Date(dates[0]!).toISOString() };
  return {
    source: 'unavailable',
    reason:
      dates.length === 0
        ? 'The credential in use is not listed on the app registration (was it deleted?); the entered expiry is kept.'
        : 'Several secrets of the app registration start with the same characters, so which one is in use is unknown; the entered expiry is kept.',
  };
}

/**
 * Stores the expiry a Test Connection report read from Microsoft on the credential it tested. A changed date
 * clears the warnings already announced, so the 30/7/1-day notices follow the real date.
 */
export async function storeMicrosoftExpiry(db: Kysely<Database>, workspaceId: string, report: { steps: { name: string; details?: Record<string, unknown> }[] }): Promise<boolean> {
  const expiry = report.steps.find((s) => s.name === 'credentials')?.details?.expiry as ({ credentialId: string } & MicrosoftExpiry) | undefined;
  if (expiry?.source !== 'microsoft') return false;
  return recordMicrosoftCredentialExpiry(db, workspaceId, expiry.credentialId, new Date(expiry.expiresAt));
}
