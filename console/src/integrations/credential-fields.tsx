// The write-only half of an integration: a client secret (with its expiry) or a certificate and its private key —
// as PEM (the key possibly encrypted, with its passphrase) or as a PFX / PKCS#12 file, which is what Windows and Key
// Vault export. Inputs are never pre-filled: the hub never sends a secret back, and the console never keeps one
// after submit.
import type { CredentialBody } from '../api/m365-types.js';

export interface CredentialDraft {
  kind: 'secret' | 'certificate';
  clientSecret: string;
  /** yyyy-mm-dd from the date input; blank when unknown. */
  secretExpiresOn: string;
  certificateFormat: 'pem' | 'pfx';
  certificatePem: string;
  privateKeyPem: string;
  /** The chosen PFX file, read as base64; its name is shown back. */
  pfx: { name: string; base64: string } | null;
  /** Of an encrypted private key or of the PFX. */
  passphrase: string;
}

export const emptyCredential: CredentialDraft = {
  kind: 'secret',
  clientSecret: '',
  secretExpiresOn: '',
  certificateFormat: 'pem',
  certificatePem: '',
  privateKeyPem: '',
  pfx: null,
  passphrase: '',
};

export function credentialComplete(draft: CredentialDraft): boolean {
  if (draft.kind === 'secret') return draft.clientSecret.trim() !== '';
  return draft.certificateFormat === 'pfx' ? draft.pfx !== null : draft.certificatePem.trim() !== '' && draft.privateKeyPem.trim() !== '';
}

/** A file's bytes as base64 (FileReader's data URL, without its prefix). */
function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}

/** The request fields for the draft (the end of the chosen expiry day, in UTC, as the Entra admin center shows dates). */
export function credentialBody(draft: CredentialDraft): CredentialBody {
  if (draft.kind === 'certificate') {
    const passphrase = draft.passphrase ? { passphrase: draft.passphrase } : {};
    if (draft.certificateFormat === 'pfx') return { certificate: { pfxBase64: draft.pfx?.base64 ?? '', ...passphrase } };
    return { certificate: { certificatePem: draft.certificatePem.trim(), privateKeyPem: draft.privateKeyPem.trim(), ...passphrase } };
  }
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
        <>
          {/* On its own line, so it does not read as two more options of the credential type. */}
          <div>
            <fieldset className="segmented">
              <legend className="visually-hidden">Certificate format</legend>
              {(['pem', 'pfx'] as const).map((format) => (
                <label key={format} className={`segmented__option${draft.certificateFormat === format ? ' segmented__option--active' : ''}`}>
                  <input type="radio" name={`${idPrefix}-format`} value={format} checked={draft.certificateFormat === format} onChange={() => set({ certificateFormat: format })} />
                  {format === 'pem' ? 'PEM (certificate + key)' : 'PFX / PKCS#12 file'}
                </label>
              ))}
            </fieldset>
          </div>
          {draft.certificateFormat === 'pem' ? (
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
                <span className="field__hint">RSA key of that certificate (an ENCRYPTED PRIVATE KEY too). Stored encrypted, never shown again.</span>
              </div>
            </div>
          ) : (
            <div className="form-grid">
              <div className="field">
                <label htmlFor={`${idPrefix}-pfx`}>PFX file</label>
                <input
                  id={`${idPrefix}-pfx`}
                  type="file"
                  accept=".pfx,.p12,application/x-pkcs12"
                  onChange={(event) => {
                    const file = event.target.files?.[0];
                    if (!file) return set({ pfx: null });
                    void readAsBase64(file).then((base64) => set({ pfx: { name: file.name, base64 } }));
                  }}
                />
                <span className="field__hint">
                  {draft.pfx ? `${draft.pfx.name} selected. ` : ''}The .pfx or .p12 with the certificate and its private key. Stored encrypted, never shown again.
                </span>
              </div>
            </div>
          )}
          <div className="form-grid">
            <div className="field">
              <label htmlFor={`${idPrefix}-passphrase`}>
                Passphrase {draft.certificateFormat === 'pem' && <span className="optional">(if the key is encrypted)</span>}
              </label>
              <input
                id={`${idPrefix}-passphrase`}
                type="password"
                autoComplete="off"
                spellCheck={false}
                value={draft.passphrase}
                onChange={(event) => set({ passphrase: event.target.value })}
              />
              <span className="field__hint">Used once to open the {draft.certificateFormat === 'pfx' ? 'file' : 'key'}; never stored.</span>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
