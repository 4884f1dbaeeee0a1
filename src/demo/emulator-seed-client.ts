// Reads the bundled emulator's seed summary (`GET /_emulator/seed`) over HTTPS, trusting the emulator's own CA, and
// adds the hub's callback to the demo app's redirect URIs when the hub runs on another port than the seed's.
// Only `demo` uses it, to configure the demo workspace with the emulator's demo app registration.
import { readFileSync } from 'node:fs';
import { get, request as httpsRequest } from 'node:https';

export interface EmulatorSeed {
  tenant: { id: string; domain: string };
  password: string;
  admin: { userPrincipalName: string };
  users: { userPrincipalName: string; displayName: string; tenantId: string }[];
  application: { appId: string; clientSecret: string; redirectUris: string[] };
}

export function fetchEmulatorSeed(emulatorUrl: string, caPath: string): Promise<EmulatorSeed> {
  return new Promise((resolve, reject) => {
    const request = get(`${emulatorUrl}/_emulator/seed`, { ca: readFileSync(caPath), timeout: 10_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode !== 200) return reject(new Error(`the emulator's seed answered ${response.statusCode}`));
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as EmulatorSeed);
      });
    });
    request.on('timeout', () => request.destroy(new Error('the emulator did not answer within 10 s')));
    request.on('error', reject);
  });
}

/**
 * Registers `redirectUri` on the seed's demo app when it is not there yet (the seed registers port 3000): a hub on
 * another port would otherwise send users to Microsoft with an unregistered redirect URI (AADSTS50011).
 */
export async function ensureRedirectUri(emulatorUrl: string, caPath: string, seed: EmulatorSeed, redirectUri: string): Promise<void> {
  if (seed.application.redirectUris.includes(redirectUri)) return;
  const body = JSON.stringify({ redirectUris: [...seed.application.redirectUris, redirectUri] });
  const url = `${emulatorUrl}/_emulator/tenants/${seed.tenant.id}/applications/${seed.application.appId}`;
  await new Promise<void>((resolve, reject) => {
    const request = httpsRequest(url, { method: 'PATCH', ca: readFileSync(caPath), timeout: 10_000, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(`registering ${redirectUri} on the demo app answered ${response.statusCode}`))));
    });
    request.on('timeout', () => request.destroy(new Error('the emulator did not answer within 10 s')));
    request.on('error', reject);
    request.end(body);
  });
}
