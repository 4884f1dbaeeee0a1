// Access-review CSV export of a 100,000-user tenant: rows per second and peak RSS of the streamed export (rows
// generated one at a time from the snapshot, written in batches to a sink that drains like a socket) side by side
// with the naive export that builds the whole CSV as one string before sending it. Each variant runs in its own
// child process so the peak RSS (getrusage maxrss) is its own. M365HUB_BENCH_USERS overrides the 100,000.
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { accessReviewRows } from '../src/features/compliance/access-review-rows.js';
import { csvField, csvStream } from '../src/features/compliance/access-review-format.js';
import type { TenantSnapshot } from '../src/features/compliance/snapshot.js';

const users = Number(process.env.M365HUB_BENCH_USERS ?? 100_000);

/** A tenant as the collectors store it: users with licences and sign-in, 200 groups, registration details, roles. */
function tenant(count: number): TenantSnapshot {
  const id = (i: number) => `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`;
  const groups = Array.from({ length: 200 }, (_, g) => ({ id: `g-${g}`, displayName: `Group ${g}`, members: [] as string[] }));
  const userObjects = [];
  const registration = [];
  for (let i = 0; i < count; i++) {
    userObjects.push({
      id: id(i),
      displayName: `User ${i}`,
      userPrincipalName: `user${i}@contoso.example`,
      userType: i % 20 === 0 ? 'Guest' : 'Member',
      accountEnabled: i % 50 !== 0,
      signInActivity: { lastSignInDateTime: '2026-11-30T08:15:00Z' },
      assignedLicenses: [{ skuId: 'sku-e5', disabledPlans: [] }],
    });
    registration.push({ id: id(i), isMfaRegistered: i % 3 !== 0, methodsRegistered: i % 3 === 0 ? [] : ['microsoftAuthenticatorPush'] });
    groups[i % 200]!.members.push(id(i));
    groups[(i * 7) % 200]!.members.push(id(i));
  }
  return {
    format: 'm365hub.snapshot',
    version: 1,
    areas: {
      directory: { users: userObjects, groups, subscribedSkus: [{ skuId: 'sku-e5', skuPartNumber: 'SPE_E5' }] },
      authenticationMethods: { userRegistrationDetails: registration },
      roles: {
        roleDefinitions: [{ id: 'r-ga', displayName: 'Global Administrator' }],
        roleAssignments: Array.from({ length: 20 }, (_, i) => ({ id: `ra-${i}`, principalId: id(i * 13), roleDefinitionId: 'r-ga' })),
      },
    },
  };
}

/** A socket-like sink: counts bytes, drains on the next tick. */
const sink = (counter: { bytes: number }) =>
  new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      counter.bytes += chunk.length;
      setImmediate(callback);
    },
  });

async function run(variant: string): Promise<void> {
  const snapshot = tenant(users);
  const baseline = process.resourceUsage().maxRSS;
  const counter = { bytes: 0 };
  const started = process.hrtime.bigint();
  if (variant === 'streamed') {
    await pipeline(csvStream(accessReviewRows(snapshot), false), sink(counter));
  } else {
    // The naive export: every row into one string, then sent.
    let all = '';
    for (const row of accessReviewRows(snapshot)) all += `${Object.values(row).map(csvField).join(',')}\r\n`;
    await pipeline(async function* () { yield Buffer.from(all); }, sink(counter));
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const peak = process.resourceUsage().maxRSS;
  console.log(JSON.stringify({ variant, rowsPerSecond: users / seconds, seconds, bytes: counter.bytes, peakRssMb: peak / 1024, rssOverSnapshotMb: (peak - baseline) / 1024 }));
}

const variant = process.argv[2];
if (variant) await run(variant);
else {
  const self = fileURLToPath(import.meta.url);
  const results = ['streamed', 'in-memory'].map((v) => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', self, v], { encoding: 'utf8', env: process.env });
    if (child.status !== 0) throw new Error(`${v}: ${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!) as { variant: string; rowsPerSecond: number; seconds: number; bytes: number; peakRssMb: number; rssOverSnapshotMb: number };
  });
  const [streamed, naive] = results as [(typeof results)[number], (typeof results)[number]];
  console.log(`access-review CSV export of ${users.toLocaleString('en')} users (${(streamed.bytes / 1e6).toFixed(1)} MB of CSV)`);
  for (const r of results) {
    console.log(`  ${r.variant.padEnd(10)} ${Math.round(r.rowsPerSecond).toLocaleString('en').padStart(9)} rows/s  ${r.seconds.toFixed(2)} s  peak RSS ${r.peakRssMb.toFixed(0)} MB (+${r.rssOverSnapshotMb.toFixed(0)} MB over the loaded snapshot)`);
  }
  console.log(`  streamed / in-memory: ${(streamed.rowsPerSecond / naive.rowsPerSecond).toFixed(2)}× rows/s, ${(streamed.rssOverSnapshotMb / Math.max(naive.rssOverSnapshotMb, 1)).toFixed(2)}× RSS growth`);
}
