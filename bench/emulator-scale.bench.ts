// `npm run bench -- emulator-scale`: the emulator with a large organisation, side by side in one run.
//   - start: seconds from spawning `m365hub emulator --seed demo --users N` to its "listening" line, and its RSS;
//   - walk: a Graph `/users?$top=999` walk following @odata.nextLink over 10,000 and over 100,000 users, per user
//     (goal: the 100,000 walk within 2x the 10,000 walk per user), and the peak RSS after it (goal < 300 MB);
//   - bulk: 100,000 users added through one NDJSON control call (POST /_emulator/tenants/{tid}/users/bulk).

import { appToken, startEmulator, type Running } from './support/emulator-process.js';
import { memoryMb } from './support/process-stats.js';

async function walkUsers(emulator: Running, token: string): Promise<{ users: number; seconds: number }> {
  const started = performance.now();
  let next: string | undefined = `${emulator.url}/v1.0/users?$top=999`;
  let users = 0;
  while (next) {
    const response = await emulator.fetch(next, { headers: { authorization: `Bearer ${token}` } });
    if (response.status !== 200) throw new Error(`walk answered ${response.status}`);
    const page = (await response.json()) as { value: unknown[]; '@odata.nextLink'?: string };
    users += page.value.length;
    next = page['@odata.nextLink'];
  }
  return { users, seconds: (performance.now() - started) / 1000 };
}

const small = await startEmulator(10_000);
const smallToken = await appToken(small);
await walkUsers(small, smallToken.token); // warm-up
const smallWalk = await walkUsers(small, smallToken.token);
await small.close();

const large = await startEmulator(100_000);
const largeStartMemory = memoryMb(large.child.pid!);
const largeToken = await appToken(large);
await walkUsers(large, largeToken.token); // warm-up
const largeWalk = await walkUsers(large, largeToken.token);
const largeAfterWalk = memoryMb(large.child.pid!);
await large.close();

const empty = await startEmulator(0);
const emptyToken = await appToken(empty);
const lines = Array.from({ length: 100_000 }, (_, i) => JSON.stringify({ userPrincipalName: `bulk${i}@contoso.onmicrosoft.com`, displayName: `Bulk User ${i}` })).join('\n');
const bulkStarted = performance.now();
const bulk = await empty.fetch(`${empty.url}/_emulator/tenants/${emptyToken.tenant}/users/bulk`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: lines });
const bulkSeconds = (performance.now() - bulkStarted) / 1000;
const bulkBody = (await bulk.json()) as { created?: number };
const bulkMemory = memoryMb(empty.child.pid!);
await empty.close();

const perUser = (walk: { users: number; seconds: number }) => (walk.seconds * 1e6) / walk.users;
console.log(`start --users 10000:   ${small.startSeconds.toFixed(2)} s`);
console.log(`start --users 100000:  ${large.startSeconds.toFixed(2)} s (goal < 10 s), RSS ${largeStartMemory.rss.toFixed(0)} MB`);
console.log(`walk 10,000 users:     ${smallWalk.users} users in ${smallWalk.seconds.toFixed(2)} s = ${perUser(smallWalk).toFixed(1)} µs/user`);
console.log(`walk 100,000 users:    ${largeWalk.users} users in ${largeWalk.seconds.toFixed(2)} s = ${perUser(largeWalk).toFixed(1)} µs/user`);
console.log(`walk ratio per user:   ${(perUser(largeWalk) / perUser(smallWalk)).toFixed(2)}x (goal ≤ 2x)`);
console.log(`RSS after the walk:    ${largeAfterWalk.rss.toFixed(0)} MB, peak ${largeAfterWalk.peak.toFixed(0)} MB (goal < 300 MB)`);
console.log(`bulk NDJSON 100,000:   ${bulk.status} created ${bulkBody.created ?? '?'} in ${bulkSeconds.toFixed(2)} s = ${(100_000 / bulkSeconds).toFixed(0)} users/s, peak RSS ${bulkMemory.peak.toFixed(0)} MB`);
