// A separate OS process for the cross-process tests and the refresh-storm benchmark: opens the same PostgreSQL
// schema, builds its own TokenService, waits for "go" on stdin, fires `calls` concurrent getAccessToken for one
// connection, and prints one JSON line: the distinct tokens it received and each call's latency in ms.
import { createInterface } from 'node:readline';
import { createTrustingFetch } from '../../../emulator/client/trusting-fetch.js';
import { createEntraClient } from '../../../src/microsoft/identity/index.js';
import { IntegrationStore } from '../../../src/features/integrations/integration-store.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { openStore } from '../../../src/platform/store/database.js';
import { ManualClock } from '../../../src/platform/time/clock.js';
import { TokenService } from '../../../src/features/tokens/token-service.js';
import { RecordingEvents, testKeyRing } from './token-kit.js';

export interface RefreshProcessInput {
  url: string;
  schema: string;
  emulatorUrl: string;
  caPem: string;
  workspaceId: string;
  externalUserId: string;
  calls: number;
  nowMs: number;
}

const input = JSON.parse(process.argv[2]!) as RefreshProcessInput;
const store = await openStore({ dialect: 'postgres', url: input.url, schema: input.schema, poolSize: 4 });
const clock = new ManualClock(new Date(input.nowMs));
const logger = createLogger({ level: 'silent' });
const keyRing = testKeyRing();
const { fetch, agent } = createTrustingFetch(input.caPem);
const identity = createEntraClient({ loginUrl: input.emulatorUrl, fetch, logger });
const integrations = new IntegrationStore({ db: store.db, keyRing, clock, redirectDefaults: {} });
const tokens = new TokenService({ db: store.db, dialect: 'postgres', keyRing, identity, integrations, events: new RecordingEvents(), clock, logger });

// Warm what any long-running hub process already has warm, so latencies measure the storm, not a cold start:
// the database pool, and a TLS connection to the identity platform.
await Promise.all(Array.from({ length: 4 }, () => store.db.selectFrom('m365_connections').select('id').limit(1).execute()));
await fetch(`${input.emulatorUrl}/organizations/v2.0/.well-known/openid-configuration`).then((r) => r.arrayBuffer());
console.log('ready');
for await (const line of createInterface({ input: process.stdin })) if (line === 'go') break;
const latencies: number[] = [];
const results = await Promise.all(
  Array.from({ length: input.calls }, async () => {
    const started = performance.now();
    const token = await tokens.getAccessToken({ workspaceId: input.workspaceId, principal: { kind: 'user', externalUserId: input.externalUserId } });
    latencies.push(performance.now() - started);
    return token.accessToken;
  }),
);
console.log(JSON.stringify({ tokens: [...new Set(results)], latencies }));
agent.destroy();
await store.close();
