// The V8 settings the launcher applies to the hub: only on PostgreSQL, and never over an operator's own choice.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hubV8Flags } from '../../src/platform/runtime/v8-settings.js';

describe('hub V8 settings', () => {
  const postgres = { DATABASE_URL: 'postgres://db/hub' };

  it('keeps WebAssembly on the baseline compiler on PostgreSQL', () => {
    assert.deepEqual(hubV8Flags(postgres, []), ['--liftoff-only']);
  });

  it('changes nothing on the embedded database, whose PostgreSQL is WebAssembly that needs optimised code', () => {
    assert.deepEqual(hubV8Flags({}, []), []);
  });

  it('leaves an operator\'s choice in NODE_OPTIONS or on the command line as given', () => {
    assert.deepEqual(hubV8Flags({ ...postgres, NODE_OPTIONS: '--max-old-space-size=512 --no-liftoff-only' }, []), []);
    assert.deepEqual(hubV8Flags({ ...postgres, NODE_OPTIONS: '--wasm_tier_up' }, []), []);
    assert.deepEqual(hubV8Flags(postgres, ['--liftoff-only']), []);
  });
});
