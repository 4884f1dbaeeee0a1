// The documented list of event types (the API's enum for eventTypes) must name every type the code publishes,
// or an admin could not subscribe to one; read from the source of every module that calls publish().
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { it } from 'node:test';
import { WEBHOOK_EVENT_TYPES } from '../../src/contract/webhook-schemas.js';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sourceFiles(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
}

it('lists every event type the hub publishes, and nothing it never publishes', () => {
  const published = new Set<string>();
  for (const file of sourceFiles('src')) {
    const text = readFileSync(file, 'utf8');
    if (!/\.publish\(/.test(text) || file.includes(`${path.sep}webhooks${path.sep}`)) continue;
    for (const match of text.matchAll(/'((?:connection|credential|integration)\.[a-z_]+)'/g)) {
      // Audit actions share the prefix; only names next to a publish call or an event `type:` count.
      const before = text.slice(Math.max(0, match.index! - 200), match.index!);
      if (/type:\s*(?:[^,]*\?\s*)?$/.test(before) || /publish\([^)]*$/.test(before)) published.add(match[1]!);
    }
  }
  assert.ok(published.has('connection.health_changed'), [...published].join(','));
  assert.deepEqual([...published].sort(), [...WEBHOOK_EVENT_TYPES].sort());
});
