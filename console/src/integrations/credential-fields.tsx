// The write-only half of an integration: a client secret (with its expiry) or a certificate and its private key.
// Inputs are never pre-filled: the hub never sends a secret back, and the console never keeps one after submit.
import type { CredentialBody } from '../api/m365-types.js';

export interface CredentialDraft {
  kind: 'secret' | 'certificate';
  clientSecret: string;
  /** yyyy-mm-dd from the date input; blank when unknown. */
  secretExpiresOn: string;
  certificatePem: string;
  privateKeyPem: string;
}

export const emptyCredential: CredentialDraft = { kind: 'secret', clientSecret: '', secretExpiresOn: '', certificatePem: '', privateKeyPem: '' };

export function credentialComplete(draft: CredentialDraft): boolean {
  return draft.kind === 'secret' ? draft.clientSecret.trim() !== '' : draft.certificatePem.trim() !== '' && draft.privateKeyPem.trim() !== '';
}

/** The request fields for the draft (the end of the chosen expiry day, in UTC, as the Entra admin center shows dates). */
export function credentialBody(draft: CredentialDraft): CredentialBody {
  if (draft.kind === 'certificate') return { certificate: { certificatePem: draft.certificatePem.trim(), privateKeyPem: draft.privateKeyPem.trim() } };
  return {
    clientSecret: draft.clientSecret.trim(),
    ...(draft.secretExpiresOn ? { secretExpiresAt: `${draft.secretExpiresOn}T23:59:59.000Z` } : {}),
  };
}

export function CredentialFields({ idPrefix, draft, onChange }: { idPrefix: string; draft: CredentialDraft; onChange(next: CredentialDraft): void }) {
  const set = (patch: Partial<CredentialDraft>) => onChange({ ...draft, ...patch });
  return (
    <div className="credential-fields">
      <fieldset className="segmented">
        <legend className="visually-hidden">Credential type</legend>
        {(['secret', 'certificate'] as const).map((kind) => (
          <label key={kind} className={`segmented__option${draft.kind === kind ? ' segmented__option--active' : ''}`}>
            <input type="radio" name={`${idPrefix}-kind`} value={kind} checked={draft.kind === kind} onChange={() => set({ kind })} />
            {kind === 'secret' ? 'Client secret' : 'Certificate'}
          </label>
        ))}
      </fieldset>
      {draft.kind === 'secret' ? (
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${idPrefix}-secret`}>Client secret value</label>
            <input
              id={`${idPrefix}-secret`}
              type="password"
              autoComplete="off"
              spellCheck={false}
              className="mono"
              value={draft.clientSecret}
              onChange={(event) => set({ clientSecret: event.target.value })}
            />
            <span className="field__hint">The secret's Value (not its ID) from Certificates &amp; secrets. Stored encrypted, never shown again.</span>
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-expires`}>
              Secret expires <span className="optional">(optional)</span>
            </label>
            <input id={`${idPrefix}-expires`} type="date" value={draft.secretExpiresOn} onChange={(event) => set({ secretExpiresOn: event.target.value })} />
            <span className="field__hint">As the Entra admin center shows it; m365hub warns 30, 7 and 1 days before.</span>
          </div>
        </div>
      ) : (
        <div className="form-grid">
          <div className="field">
            <label htmlFor={`${idPrefix}-certificate`}>Certificate (PEM)</label>
            <textarea
              id={`${idPrefix}-certificate`}
              className="mono"
              rows={5}
              spellCheck={false}
              placeholder="-----BEGIN CERTIFICATE-----"
              value={draft.certificatePem}
              onChange={(event) => set({ certificatePem: event.target.value })}
            />
            <span className="field__hint">The public certificate you uploaded to the app registration. Its expiry is read from it.</span>
          </div>
          <div className="field">
            <label htmlFor={`${idPrefix}-private-key`}>Private key (PEM)</label>
            <textarea
              id={`${idPrefix}-private-key`}
              className="mono"
              rows={5}
              spellCheck={false}
              autoComplete="off"
              placeholder="-----BEGIN PRIVATE KEY-----"
              value={draft.privateKeyPem}
              onChange={(event) => set({ privateKeyPem: event.target.value })}
            />
            <span className="field__hint">RSA key of that certificate. Stored encrypted, never shown again.</span>
          </div>
        </div>
      )}
    </div>
  );
}
