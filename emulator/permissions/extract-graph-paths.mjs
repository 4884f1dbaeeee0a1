#!/usr/bin/env node
// Regenerates graph-paths.json, the list of every request path Microsoft's permission table names, from
// microsoftgraph/microsoft-graph-devx-content permissions/new/permissions.json (the same source as
// graph-permissions.json). The emulator uses it only to tell a real Graph path it lacks (501 emulator_unsupported)
// from one Microsoft does not have (400 "Resource not found for the segment").
// Usage: node emulator/permissions/extract-graph-paths.mjs <permissions.json> <commit> > emulator/permissions/graph-paths.json
import { readFileSync } from 'node:fs';

const [file, commit] = process.argv.slice(2);
if (!file || !commit) throw new Error('usage: extract-graph-paths.mjs <permissions.json> <commit>');
const source = JSON.parse(readFileSync(file, 'utf8'));
const methods = new Map();
for (const permission of Object.values(source.permissions)) {
  for (const set of permission.pathSets ?? []) {
    for (const raw of Object.keys(set.paths)) {
      // The table's spelling: lower case, every placeholder `{id}`; a query in the path (a filtered list) is not part
      // of the path.
      const path = raw.split('?')[0].toLowerCase().replace(/\{[^}]*\}/g, '{id}').replace(/\/+$/, '') || '/';
      const known = methods.get(path) ?? new Set();
      for (const method of set.methods) known.add(method.toUpperCase());
      methods.set(path, known);
    }
  }
}
const paths = Object.fromEntries([...methods.keys()].sort().map((p) => [p, [...methods.get(p)].sort().join(',')]));
process.stdout.write(
  `${JSON.stringify(
    {
      source: {
        repository: 'https://github.com/microsoftgraph/microsoft-graph-devx-content',
        file: 'permissions/new/permissions.json',
        commit,
        note: 'Every path any permission lists (v1.0 and beta together, as the table has them), lower case, placeholders {id}; value: the methods.',
      },
      paths,
    },
    null,
    0,
  ).replace(/,"(\/)/g, ',\n"$1')}\n`,
);
