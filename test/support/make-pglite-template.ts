// Run once per test run by scripts/run-tests.mjs: initialises one PGlite database with every migration applied
// and dumps it, so each test loads a copy instead of paying initdb (~5 s, ~800 MB) again.
// Prints the dump's path on stdout.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { openStore } from '../../src/platform/store/database.js';

const runDir = process.argv[2];
if (!runDir) throw new Error('usage: make-pglite-template.ts <run-dir>');
const instance = await PGlite.create();
const store = await openStore({ dialect: 'pglite', instance });
await store.migrate();
const dump = await instance.dumpDataDir('none');
await store.close();
const file = path.join(runDir, 'pglite-template.tar');
writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
process.stdout.write(`${file}\n`);
