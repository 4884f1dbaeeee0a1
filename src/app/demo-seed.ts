// The demo's console users and workspace, created once per data dir. The generated passwords are kept in
// `<data dir>/demo-credentials.json` (mode 0600) so every `demo` run can print the same sign-in.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createConsoleUser, findConsoleUserByEmail } from '../auth/console-users.js';
import type { Store } from '../store/database.js';
import { randomToken } from '../store/ids.js';
import { addMember } from '../workspaces/members.js';
import { createWorkspace } from '../workspaces/workspaces.js';
import { systemClock } from '../time/clock.js';

export interface DemoSeed {
  admin: { email: string; password: string };
  member: { email: string; password: string };
  workspace: { id: string; name: string };
}

const DEMO_ADMIN = 'admin@demo.m365hub.test';
const DEMO_MEMBER = 'member@demo.m365hub.test';
const DEMO_WORKSPACE = 'Contoso (demo)';

export async function seedDemo(store: Store, options: { dataDir: string }): Promise<DemoSeed> {
  const file = path.join(options.dataDir, 'demo-credentials.json');
  if (existsSync(file)) {
    const seed = JSON.parse(readFileSync(file, 'utf8')) as DemoSeed;
    // The file and the database belong together; if the database was replaced, seed it again.
    if (await findConsoleUserByEmail(store.db, seed.admin.email)) return seed;
  }
  const context = { actor: { type: 'system' as const, id: null, label: 'm365hub demo' }, ip: null, at: systemClock.now() };
  const admin = { email: DEMO_ADMIN, password: randomToken(12) };
  const member = { email: DEMO_MEMBER, password: randomToken(12) };
  const adminUser = await createConsoleUser(store.db, { ...admin, displayName: 'Demo Admin', instanceAdmin: true });
  const workspace = await createWorkspace(store.db, { name: DEMO_WORKSPACE, adminUserId: adminUser.id }, context);
  await addMember(store.db, workspace.id, { ...member, displayName: 'Demo Member', role: 'member' }, context, systemClock);
  const seed = { admin, member, workspace: { id: workspace.id, name: workspace.name } };
  writeFileSync(file, `${JSON.stringify(seed, null, 2)}\n`, { mode: 0o600 });
  return seed;
}
