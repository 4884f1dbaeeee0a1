// What the files benchmarks share: a hub on the embedded database that reaches the emulator over HTTPS, a host
// product's user connected through a real connect link, a folder of N generated files in that user's OneDrive, and
// two GET clients on equal terms: node:http with keep-alive to the hub (plain HTTP on loopback, as a host backend
// beside it) and the emulator's CA-trusting fetch with the user's own delegated token for direct Graph calls.
import { Agent, request } from 'node:http';
import { userToken } from '../../emulator/graph/test/graph-test-client.js';
import { Browser, PASSWORD, startConnectKit, type ConnectKit } from '../../test/connect/support/connect-kit.js';

export const BENCH_USER = 'sam@contoso.onmicrosoft.com';

export interface FilesBenchKit {
  kit: ConnectKit;
  /** `/api/v1/workspaces/{ws}/files` */
  filesBase: string;
  driveId: string;
  folderId: string;
  /** GET through the hub as the connected host user; throws on anything but 200. */
  hubGet(path: string): Promise<unknown>;
  /** GET straight to the emulator's Graph with the user's token (a path under /v1.0, or an absolute nextLink). */
  graphGet(pathOrUrl: string): Promise<unknown>;
  close(): Promise<void>;
}

export async function startFilesBenchKit(folderSize: number): Promise<FilesBenchKit> {
  const kit = await startConnectKit('pglite', { env: { M365HUB_LOG_LEVEL: 'warn', M365HUB_PROXY_RATE_LIMIT: '1000000', M365HUB_PROXY_KEY_RATE_LIMIT: '1000000' } });
  try {
    const ws = await kit.workspace('Files bench');
    const link = (await (await kit.api(ws.apiKey, 'POST', `/api/v1/workspaces/${ws.id}/users/bench-user/connect-link`, {})).json()) as { url: string };
    const browser = new Browser(kit.hub.url);
    const start = await browser.get(link.url);
    const done = await browser.get(await kit.microsoftSignIn(start.headers.get('location')!, BENCH_USER));
    if (done.status >= 400) throw new Error(`connect: ${done.status} ${await done.text()}`);

    const agent = new Agent({ keepAlive: true });
    const headers = { authorization: `Bearer ${ws.apiKey}`, 'x-m365hub-acting-user': 'bench-user' };
    const hubGet = (path: string) =>
      new Promise<unknown>((resolve, reject) => {
        const req = request(`${kit.hub.url}${path}`, { agent, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const body = Buffer.concat(chunks).toString();
            if (res.statusCode !== 200) reject(new Error(`hub ${path}: ${res.statusCode} ${body}`));
            else resolve(JSON.parse(body));
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        req.end();
      });
    const token = await userToken(kit.emulator, BENCH_USER, 'Files.Read.All', undefined, PASSWORD);
    const graphGet = async (pathOrUrl: string) => {
      const url = pathOrUrl.startsWith('https://') ? pathOrUrl : `${kit.emulator.url}/v1.0${pathOrUrl}`;
      const response = await kit.emulator.fetch(url, { headers: { authorization: `Bearer ${token}` } });
      if (response.status !== 200) throw new Error(`graph ${url}: ${response.status} ${await response.text()}`);
      return response.json();
    };

    const filesBase = `/api/v1/workspaces/${ws.id}/files`;
    const sources = (await hubGet(`${filesBase}/sources`)) as { items: Array<{ kind: string; id: string }> };
    const driveId = sources.items.find((s) => s.kind === 'onedrive')?.id;
    if (!driveId) throw new Error(`no OneDrive among the sources: ${JSON.stringify(sources)}`);
    const made = await kit.emulator.fetch(`${kit.emulator.url}/_emulator/files/folders`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ driveId, name: `Bench ${folderSize}`, count: folderSize }),
    });
    if (made.status !== 201) throw new Error(`bulk folder: ${made.status} ${await made.text()}`);
    const folderId = ((await made.json()) as { id: string }).id;
    return { kit, filesBase, driveId, folderId, hubGet, graphGet, close: async () => { agent.destroy(); await kit.close(); } };
  } catch (error) {
    await kit.close();
    throw error;
  }
}
