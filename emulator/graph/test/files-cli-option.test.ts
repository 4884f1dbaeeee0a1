// `m365hub emulator --files-per-folder N`: parsed, bounded, and explained when wrong.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCliOptions, UsageError } from '../../config/emulator-options.js';

test('--files-per-folder N sets the Bulk folder size; a non-integer or negative value is a usage error naming the option', () => {
  const options = parseCliOptions(['--files-per-folder', '10000']);
  assert.notEqual(options, 'help');
  assert.equal(options !== 'help' && options.filesPerFolder, 10_000);
  const defaults = parseCliOptions([]);
  assert.equal(defaults !== 'help' && defaults.filesPerFolder, 0);
  for (const bad of ['-1', 'many', '1.5']) {
    assert.throws(() => parseCliOptions(['--files-per-folder', bad]), (error: unknown) => error instanceof UsageError && /--files-per-folder/.test(error.message));
  }
});
