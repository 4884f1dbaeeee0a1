// Prints the hub's OpenAPI document (as a test hub serves it at /openapi.json), to diff the API before and after a
// change: `node --import tsx test/support/dump-openapi.ts > after.json`.
import { startTestHub } from './hub.js';

const hub = await startTestHub();
try {
  const response = await fetch(`${hub.url}/openapi.json`);
  process.stdout.write(JSON.stringify(await response.json(), null, 2));
} finally {
  await hub.close();
}
