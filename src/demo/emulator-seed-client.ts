// Reads the bundled emulator's seed summary (`GET /_emulator/seed`) over HTTPS, trusting the emulator's own CA.
// Only `demo` uses it, to configure the demo workspace with the emulator's demo app registration.
import { readFileSync } from 'node:fs';
import { get } from 'node:https';

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
