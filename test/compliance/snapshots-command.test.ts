// `m365hub snapshots verify` on the operator's embedded database: every chain ok, then an edited row named.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { appendSnapshot } from '../../src/features/compliance/snapshot-store.js';
import { openStore } from '../../src/platform/store/database.js';
import { prepareDataDir } from '../support/stores.js';
import { compliantSnapshot } from './snapshot-fixtures.js';

const TENANT = '11111111-2222-3333-4444-555555555555';

async function verify(env: Record<string, string>, ...args: string[]) {
  const out: string[] = [];
  const code = await main(['snapshots', 'verify', ...args], { env, stdout: (l) => out.push(l), stderr: (l) => out.push(l) });
  return { code, output: out.join('\n') };
}

describe('m365hub snapshots verify', () => {
  it('reports each chain intact with its newest hash, then names the edited snapshot and exits 1', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'm365hub-snapshots-'));
    await prepareDataDir(dataDir);
    const env = { M365HUB_DATA_DIR: dataDir };
    assert.match((await verify(env)).output, /no compliance snapshots stored/);

    const store = await openStore({ dialect: 'pglite', dataDir });
    await store.migrate();
    await store.db.insertInto('workspaces').values({ id: 'ws_cli', name: 'CLI', updated_at: new Date() }).execute();
    const first = await appendSnapshot(store.db, { workspaceId: 'ws_cli', tenantId: TENANT, collectedAt: new Date('2026-12-05T10:00:00Z'), snapshot: compliantSnapshot() });
    const second = await appendSnapshot(store.db, { workspaceId: 'ws_cli', tenantId: TENANT, collectedAt: new Date('2026-12-05T11:00:00Z'), snapshot: compliantSnapshot() });
    await store.close();

    const ok = await verify(env);
    assert.equal(ok.code, 0, ok.output);
    assert.match(ok.output, new RegExp(`workspace ws_cli tenant ${TENANT}: ok, 2 snapshot\\(s\\), newest hash ${second.hash}`));

    const again = await openStore({ dialect: 'pglite', dataDir });
    await again.db.updateTable('compliance_snapshots').set({ collected_at: new Date('2026-12-01T00:00:00Z') }).where('id', '=', first.id).execute();
    await again.close();
    const broken = await verify(env, '--workspace', 'ws_cli');
    assert.equal(broken.code, 1);
    assert.match(broken.output, new RegExp(`BROKEN at snapshot ${first.id} \\(position 1\\)`));
    assert.match(broken.output, /0 of 1 chain\(s\) intact/);
  });
});
