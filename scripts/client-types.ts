// Generates the typed client's types (src/client/generated/hub-api.ts) from the hub's live OpenAPI document with
// openapi-typescript, so the client cannot describe an API the hub does not serve. The test
// test/client/client-types.test.ts regenerates them in CI and fails on any difference.
//   node --import tsx scripts/client-types.ts        (writes the file)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { startTestHub } from '../test/support/hub.js';

export const CLIENT_TYPES_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/client/generated/hub-api.ts');

const HEADER =
  '// Generated from the hub\'s OpenAPI document by openapi-typescript: do not edit.\n' +
  '// Regenerate after an API change: node --import tsx scripts/client-types.ts\n';

/** The OpenAPI document exactly as a running hub serves it at /openapi.json. */
export async function liveOpenApiDocument(): Promise<Record<string, unknown>> {
  const hub = await startTestHub();
  try {
    const response = await fetch(`${hub.url}/openapi.json`);
    if (!response.ok) throw new Error(`GET /openapi.json answered ${response.status}`);
    return (await response.json()) as Record<string, unknown>;
  } finally {
    await hub.close();
  }
}

export async function clientTypesSource(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return HEADER + astToString(ast);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(CLIENT_TYPES_PATH, await clientTypesSource(await liveOpenApiDocument()));
  console.log(`wrote ${path.relative(process.cwd(), CLIENT_TYPES_PATH)}`);
}
