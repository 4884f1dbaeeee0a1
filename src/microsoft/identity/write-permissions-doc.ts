// Regenerates docs/permissions.md from the permission catalogue:
//   node --import tsx src/microsoft/identity/write-permissions-doc.ts
// test/identity/permissions-doc.test.ts fails while the committed file differs from this output.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPermissionsReference } from './setup-guide.js';

export const PERMISSIONS_DOC_PATH = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../docs/permissions.md');

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(PERMISSIONS_DOC_PATH, renderPermissionsReference());
  console.log(`wrote ${path.relative(process.cwd(), PERMISSIONS_DOC_PATH)}`);
}
