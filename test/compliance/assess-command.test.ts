// `m365hub assess --snapshot FILE [--config FILE]` as a CI job runs it: JSON on stdout, exit code by outcome.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { breakGlassConfig, compliantSnapshot } from './snapshot-fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'm365hub-assess-'));
function file(name: string, content: unknown): string {
  const full = path.join(dir, name);
  writeFileSync(full, typeof content === 'string' ? content : JSON.stringify(content));
  return full;
}

async function assess(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['assess', ...args], { env: {}, stdout: (l) => out.push(l), stderr: (l) => err.push(l) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('m365hub assess', () => {
  it('prints every result as JSON and exits 0 when nothing fails', async () => {
    const { code, stdout } = await assess('--snapshot', file('ok.json', compliantSnapshot()), '--config', file('config.json', breakGlassConfig()));
    assert.equal(code, 0);
    const report = JSON.parse(stdout) as { summary: Record<string, number>; results: { policyId: string; result: string; evidence: string[]; details: string }[] };
    assert.equal(report.summary.fail, 0);
    const legacy = report.results.find((r) => r.policyId === 'MS.AAD.1.1v1')!;
    assert.deepEqual([legacy.result, legacy.evidence], ['pass', ['ca-legacy']]);
    assert.equal(typeof legacy.details, 'string');
  });

  it('exits 3 when a policy fails, and the failing one carries its evidence', async () => {
    // Without the configuration the break-glass exclusions are undeclared, so every CA-based policy fails.
    const { code, stdout } = await assess('--snapshot', file('ok2.json', compliantSnapshot()));
    assert.equal(code, 3);
    const report = JSON.parse(stdout) as { results: { policyId: string; result: string; evidence: string[] }[] };
    const legacy = report.results.find((r) => r.policyId === 'MS.AAD.1.1v1')!;
    assert.deepEqual([legacy.result, legacy.evidence], ['fail', ['ca-legacy']]);
  });

  it('exits 2 naming the fault for a missing file, a file that is not JSON, not a snapshot, or a bad configuration', async () => {
    const missing = await assess('--snapshot', path.join(dir, 'nope.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read the snapshot file .*nope\.json \(ENOENT\)/);
    const garbage = await assess('--snapshot', file('garbage.json', '{"format": '));
    assert.equal(garbage.code, 2);
    assert.match(garbage.stderr, /is not JSON/);
    const other = await assess('--snapshot', file('other.json', { hello: 'world' }));
    assert.equal(other.code, 2);
    assert.match(other.stderr, /"format" must be "m365hub\.snapshot"/);
    const badConfig = await assess('--snapshot', file('ok3.json', compliantSnapshot()), '--config', file('bad-config.json', { Hub: { secureScoreMinimumPercent: 140 } }));
    assert.equal(badConfig.code, 2);
    assert.match(badConfig.stderr, /secureScoreMinimumPercent must be a number from 0 to 100/);
    for (const r of [missing, garbage, other, badConfig]) assert.doesNotMatch(r.stderr, /\n\s+at /);
  });

  it('exits 2 with the help when --snapshot is missing', async () => {
    const { code, stderr } = await assess();
    assert.equal(code, 2);
    assert.match(stderr, /--snapshot FILE is required/);
    assert.match(stderr, /Usage: m365hub assess/);
  });
});
