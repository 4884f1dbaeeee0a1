// docs/permissions.md is generated from the catalogue; this keeps the committed file from drifting.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { renderPermissionsReference } from '../../src/microsoft/identity/setup-guide.js';

it('docs/permissions.md equals the text generated from the permission catalogue (regenerate: node --import tsx src/microsoft/identity/write-permissions-doc.ts)', () => {
  const committed = readFileSync(new URL('../../docs/permissions.md', import.meta.url), 'utf8');
  assert.equal(committed, renderPermissionsReference());
});
