// The layering of docs/architecture.md holds: no cycle, no upward import, no reach into another feature's
// internals, no product import of the emulator, and the console imports only src/contract.
import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { layerViolations, repoRoot } from './layer-cruise.js';

describe('dependency rule', () => {
  it('src, console/src and emulator break no layering rule', async () => {
    const violations = await layerViolations(repoRoot, ['src', 'console/src', 'emulator']);
    assert.deepEqual(violations, [], `layering violations (see docs/architecture.md):\n${violations.join('\n')}`);
  });

  it('catches each kind of violation planted in a fixture tree, so the rule cannot pass by matching nothing', async () => {
    const violations = await layerViolations(path.join(repoRoot, 'test/architecture/fixture'), ['src', 'console/src', 'emulator']);
    const rulesBroken = new Set(violations.map((line) => line.split(':')[0]));
    assert.deepEqual([...rulesBroken].sort(), [
      'client-imports-only-the-contract',
      'console-imports-only-the-contract',
      'contract-depends-on-nothing-of-ours',
      'feature-uses-another-feature-through-its-index',
      'no-cycles',
      'platform-depends-on-nothing-above',
      'product-never-imports-the-emulator',
    ]);
    assert.ok(violations.includes('feature-uses-another-feature-through-its-index: src/features/alpha/alpha-service.ts → src/features/beta/beta-service.ts'), violations.join('\n'));
    assert.ok(!violations.some((line) => line.includes('src/features/beta/beta-service.ts → src/features/alpha/index.ts') && line.startsWith('feature-uses')), 'importing a feature through its index.ts is allowed');
  });
});
