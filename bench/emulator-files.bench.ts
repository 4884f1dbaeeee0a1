// Raw download throughput of the emulator's generated 1 GiB file (`Large files/Backup.zip` of a user's OneDrive)
// through its pre-authenticated download URL over HTTPS, vs producing the same bytes in process (the generator alone),
// side by side in one run; plus the time to derive the 4 GiB file's QuickXorHash. The ratio is the HTTP share of
// the cost. Bounded: 3 rounds of 1 GiB each.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTrustingFetch } from '../emulator/client/trusting-fetch.js';
import { GeneratedContent } from '../emulator/graph/files/content-generator.js';
import { startEmulatorServer } from '../emulator/server/emulator-server.js';

const rounds = 3;
const gib = 1024 ** 3;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'm365hub-bench-files-'));
const running = await startEmulatorServer({ port: 0, dataDir, seed: 'demo' });
const { fetch, agent } = createTrustingFetch(running.caPem);
const seed = running.ctx.seed!;

try {
  const tokenResponse = await fetch(`${running.url}/${seed.tenant.id}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: seed.application.appId, client_secret: seed.application.clientSecret, scope: 'https://graph.microsoft.com/.default' }).toString(),
  });
  const token = ((await tokenResponse.json()) as { access_token: string }).access_token;
  const user = seed.users[0]!.id;
  const item = async (name: string) => {
    const response = await fetch(`${running.url}/v1.0/users/${user}/drive/root:/Large files/${name}`, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`item answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as { size: number; '@microsoft.graph.downloadUrl': string };
  };

  const backup = await item('Backup.zip');
  let http = 0;
  let local = 0;
  for (let round = 0; round < rounds; round++) {
    let start = process.hrtime.bigint();
    const response = await fetch(backup['@microsoft.graph.downloadUrl']);
    let bytes = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
    if (bytes !== gib) throw new Error(`downloaded ${bytes} bytes`);
    http = Math.max(http, gib / 1024 ** 2 / (Number(process.hrtime.bigint() - start) / 1e9));

    start = process.hrtime.bigint();
    bytes = 0;
    for (const chunk of new GeneratedContent('bench/local', gib).chunks()) bytes += chunk.length;
    local = Math.max(local, gib / 1024 ** 2 / (Number(process.hrtime.bigint() - start) / 1e9));
  }
  const hashStart = process.hrtime.bigint();
  new GeneratedContent('bench/hash', 4 * gib).quickXorHash();
  const hashMs = Number(process.hrtime.bigint() - hashStart) / 1e6;

  console.log(`download 1 GiB over HTTPS (best of ${rounds}): ${http.toFixed(0)} MiB/s`);
  console.log(`generate 1 GiB in process  (best of ${rounds}): ${local.toFixed(0)} MiB/s`);
  console.log(`ratio download / generate: ${(http / local).toFixed(2)}x`);
  console.log(`QuickXorHash of a generated 4 GiB file, derived: ${hashMs.toFixed(1)} ms`);
} finally {
  agent.destroy();
  await running.close();
  rmSync(dataDir, { recursive: true, force: true });
}
