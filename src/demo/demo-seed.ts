// The demo's console users and workspace, created once per data dir. The generated passwords are kept in
// `<data dir>/demo-credentials.json` (mode 0600) so every `demo` run can print the same sign-in.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createConsoleUser, findConsoleUserByEmail } from '../features/console-auth/index.js';
import type { KeyRing } from '../platform/crypto/key-ring.js';
import { IntegrationStore } from '../features/integrations/index.js';
import type { Store } from '../platform/store/database.js';
import { randomToken } from '../platform/store/ids.js';
import { addMember } from '../features/workspaces/index.js';
import { createWorkspace } from '../features/workspaces/index.js';
import { systemClock } from '../platform/time/clock.js';
import type { EmulatorSeed } from './emulator-seed-client.js';
import { INTEGRATION_LISTENERS } from '../app/integration-listeners.js';
import { setSyncSchedule } from '../features/compliance/index.js';
import { JobQueue } from '../platform/jobs/job-queue.js';
import { createLogger } from '../platform/logging/logger.js';

export interface DemoSeed {
  admin: { email: string; password: string };
  member: { email: string; password: string };
  workspace: { id: string; name: string };
}

const DEMO_ADMIN = 'admin@demo.m365hub.test';
const DEMO_MEMBER = 'member@demo.m365hub.test';
const DEMO_WORKSPACE = 'Contoso (demo)';

// What the emulator's demo app registration is consented for in its demo tenant; Test Connection passes with these.
const DEMO_SERVICES = [
  { service: 'onedrive', modes: ['delegated', 'application'] },
  { service: 'sharepoint', modes: ['delegated'] },
  { service: 'directory', modes: ['application'] },
  { service: 'mail', modes: ['delegated'] },
  { service: 'calendar', modes: ['delegated'] },
  { service: 'compliance', modes: ['application'] },
] as const;

/** The demo tenant is synced for compliance daily, the first time as soon as the hub's worker starts. */
const DEMO_SYNC_INTERVAL_HOURS = 24;

export interface DemoSeedOptions {
  dataDir: string;
  keyRing: KeyRing;
  /** The bundled emulator's seed: its demo tenant and app registration become the demo workspace's integration. */
  emulator: EmulatorSeed;
}

export async function seedDemo(store: Store, options: DemoSeedOptions): Promise<DemoSeed> {
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
  // The redirect URI is left to BACKEND_URL, which `demo` sets to the hub's own URL (registered on the emulator's app
  // for the default port 3000).
  const integrations = new IntegrationStore({ db: store.db, keyRing: options.keyRing, clock: systemClock, redirectDefaults: {}, listeners: INTEGRATION_LISTENERS });
  await integrations.put(
    workspace.id,
    {
      clientId: options.emulator.application.appId,
      azureTenantId: options.emulator.tenant.id,
      services: DEMO_SERVICES.map(({ service, modes }) => ({ service, modes: [...modes] })),
      credential: { kind: 'secret', clientSecret: options.emulator.application.clientSecret },
    },
    context,
  );
  const queue = new JobQueue({ db: store.db, clock: systemClock, logger: createLogger({ level: 'silent' }) });
  const now = systemClock.now();
  await setSyncSchedule(queue, workspace.id, options.emulator.tenant.id.toLowerCase(), DEMO_SYNC_INTERVAL_HOURS, { now, firstRunAt: now });
  const seed = { admin, member, workspace: { id: workspace.id, name: workspace.name } };
  writeFileSync(file, `${JSON.stringify(seed, null, 2)}\n`, { mode: 0o600 });
  return seed;
}
