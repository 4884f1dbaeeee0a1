// `m365hub snapshots verify`: the operator proves every compliance snapshot chain in the database, or learns the
// first broken link of each chain that is not intact.
import { openConfiguredStore } from '../../app/open-configured-store.js';
import { listChains, verifyChain } from '../../features/compliance/index.js';
import { loadConfig } from '../../platform/config/config.js';
import type { Command } from '../command.js';
import { parseOptions } from '../parse-options.js';
import { EXIT_FAILURE, UsageError } from '../usage-error.js';

export const snapshotsCommand: Command = {
  name: 'snapshots',
  summary: 'Verify the hash chains of stored compliance snapshots',
  help: [
    'Usage: m365hub snapshots verify [--workspace WORKSPACE_ID] [--tenant TENANT_ID]',
    '',
    'Recomputes every snapshot\'s hashes from the stored bytes, chain by chain (one chain per workspace and',
    'tenant), and prints one line per chain: "ok" with the number of snapshots and the newest hash (keep it',
    'outside the hub as your anchor), or the first broken link (snapshot id, position, what does not match).',
    'Exit codes: 0 every chain is intact, 1 some chain is broken.',
  ].join('\n'),
  async run({ argv, env, stdout }) {
    const { positionals, values } = parseOptions(argv, { workspace: { type: 'string' }, tenant: { type: 'string' } }, true);
    const [action, ...rest] = positionals;
    if (action !== 'verify') throw new UsageError(action ? `unknown snapshots action "${action}"` : 'say verify');
    if (rest.length > 0) throw new UsageError(`unexpected argument "${rest[0]}"`);
    const store = await openConfiguredStore(loadConfig(env));
    try {
      const chains = await listChains(store.db, { ...(values.workspace ? { workspaceId: values.workspace } : {}), ...(values.tenant ? { tenantId: values.tenant } : {}) });
      let broken = 0;
      for (const chain of chains) {
        const result = await verifyChain(store.db, chain.workspaceId, chain.tenantId);
        const label = `workspace ${chain.workspaceId} tenant ${chain.tenantId}`;
        if (result.valid) {
          stdout(`${label}: ok, ${result.snapshots} snapshot(s), newest hash ${result.headHash}`);
        } else {
          broken += 1;
          const link = result.firstBrokenLink;
          stdout(`${label}: BROKEN at snapshot ${link.snapshotId} (position ${link.sequence}): ${link.reason}`);
        }
      }
      stdout(chains.length === 0 ? 'no compliance snapshots stored' : `${chains.length - broken} of ${chains.length} chain(s) intact`);
      return broken === 0 ? 0 : EXIT_FAILURE;
    } finally {
      await store.close();
    }
  },
};
