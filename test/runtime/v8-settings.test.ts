// The V8 settings the launcher applies to the hub: only on PostgreSQL, and never over an operator's own choice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hubV8Flags } from '../../src/platform/runtime/v8-settings.js';

describe('hub V8 settings', () => {
  const postgres = { DATABASE_URL: 'postgres://db/hub' };

  const none = { atLaunch: [], onceStarted: [] };

  it('keeps WebAssembly on the baseline compiler on PostgreSQL', () => {
    assert.deepEqual(hubV8Flags(postgres, [], 'migrate'), { atLaunch: ['--liftoff-only'], onceStarted: [] });
  });

  it('changes nothing on the embedded database, whose PostgreSQL is WebAssembly that needs optimised code', () => {
    assert.deepEqual(hubV8Flags({}, [], 'migrate'), none);
  });

  it('holds the young generation at its first size while `start` loads, and lets it grow once the hub listens', () => {
    assert.deepEqual(hubV8Flags({}, [], 'start'), { atLaunch: ['--semi-space-growth-factor=1'], onceStarted: ['--semi-space-growth-factor=2'] });
    assert.deepEqual(hubV8Flags({}, [], 'demo'), none);
  });

  it('leaves an operator\'s choice in NODE_OPTIONS or on the command line as given', () => {
    assert.deepEqual(hubV8Flags({ ...postgres, NODE_OPTIONS: '--max-old-space-size=512 --no-liftoff-only --max-semi-space-size=8' }, [], 'start'), none);
    assert.deepEqual(hubV8Flags({ ...postgres, NODE_OPTIONS: '--wasm_tier_up' }, ['--min-semi-space-size=2'], 'start'), none);
    assert.deepEqual(hubV8Flags(postgres, ['--liftoff-only'], 'migrate'), none);
  });
});
