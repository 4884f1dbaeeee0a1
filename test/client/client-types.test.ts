// The typed client's types are generated from the hub's OpenAPI document; this regenerates them from the live
// document and fails on any difference, so a route change cannot leave the client describing another API.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { CLIENT_TYPES_PATH, clientTypesSource, liveOpenApiDocument } from '../../scripts/client-types.js';

describe('typed client types', () => {
  it('equal what openapi-typescript generates from the live OpenAPI document (regenerate: node --import tsx scripts/client-types.ts)', async () => {
    const expected = await clientTypesSource(await liveOpenApiDocument());
    assert.ok(readFileSync(CLIENT_TYPES_PATH, 'utf8') === expected, 'src/client/generated/hub-api.ts is stale: run `node --import tsx scripts/client-types.ts` and commit it');
  });
});
