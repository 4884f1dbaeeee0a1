// The evidence bundle: a zip streamed as it is built (yazl), holding the tenant's newest snapshots in the hub's
// format, each one's assessment, the hash-chain proof (every snapshot's manifest hash and the verification) and a
// self-contained report.html. The zip is compressed while it is sent (nothing is written to disk); the included
// snapshots' JSON is queued in memory until written, so the number included is capped (10 by default, 1,000 at
// most) while the chain proof always covers the whole chain.
import { Readable } from 'node:stream';
import type { Kysely } from 'kysely';
import { ZipFile } from 'yazl';
import type { Database } from '../../platform/store/schema.js';
import { assessSnapshot, summarise, type AssessmentResult } from './assess.js';
import { sha256Hex } from './canonical-json.js';
import { evidenceReportHtml } from './evidence-report.js';
import type { AssessmentConfig } from './rules/index.js';
import { listSnapshots, loadSnapshot, verifyChain, type StoredSnapshot } from './snapshot-store.js';

export interface EvidenceInput {
  workspaceId: string;
  tenantId: string;
  /** How many of the newest snapshots to include; the chain proof always lists all of them. */
  snapshots: number;
  config: AssessmentConfig;
  now: Date;
}

const json = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
const summaryOf = (s: StoredSnapshot) => ({ id: s.id, sequence: s.sequence, collectedAt: s.collectedAt.toISOString(), hash: s.hash, previousHash: s.previousHash, areas: s.areas });

/** The zip as a stream; undefined when the tenant has no snapshot in this workspace. */
export async function evidenceBundle(db: Kysely<Database>, input: EvidenceInput): Promise<Readable | undefined> {
  const chain = await listSnapshots(db, input.workspaceId, input.tenantId);
  if (chain.length === 0) return undefined;
  const verification = await verifyChain(db, input.workspaceId, input.tenantId);
  const included = chain.slice(-input.snapshots);
  const zip = new ZipFile();
  const mtime = input.now;
  const hashes: Record<string, string> = {};
  const add = (path: string, body: Buffer) => {
    hashes[path] = sha256Hex(body);
    zip.addBuffer(body, path, { mtime });
  };

  add('chain/verification.json', json(verification));
  add('chain/snapshots.json', json(chain.map(summaryOf)));
  let newest: { snapshot: StoredSnapshot; results: AssessmentResult[] } | null = null;
  for (const stored of included) {
    const loaded = await loadSnapshot(db, input.workspaceId, stored.id);
    if (!loaded) continue;
    const name = `${String(stored.sequence).padStart(6, '0')}-${stored.id}.json`;
    const results = assessSnapshot(loaded.snapshot, input.config);
    add(`snapshots/${name}`, json(loaded.snapshot));
    add(`assessments/${name}`, json({ snapshotId: stored.id, summary: summarise(results), results }));
    newest = { snapshot: stored, results };
  }
  const html = evidenceReportHtml({
    workspaceId: input.workspaceId,
    tenantId: input.tenantId,
    generatedAt: input.now,
    verification,
    snapshots: chain,
    latest: newest ? { ...newest, summary: summarise(newest.results) } : null,
  });
  add('report.html', Buffer.from(html));
  zip.addBuffer(json({ format: 'm365hub.evidence', version: 1, workspaceId: input.workspaceId, tenantId: input.tenantId, generatedAt: input.now.toISOString(), sha256: hashes }), 'manifest.json', { mtime });
  zip.end();
  return Readable.from(zip.outputStream as AsyncIterable<Buffer>);
}
