// Proof that the Microsoft Graph JavaScript client, unchanged, pages through the emulator's /users with its
// PageIterator (following @odata.nextLink, https://learn.microsoft.com/graph/sdks/paging). The client's own
// AuthenticationHandler adds the bearer token; only the last middleware is ours, sending over the fetch that trusts
// the emulator's CA (Node's global fetch cannot be given a CA), which the client documents as a custom middleware
// chain (https://github.com/microsoftgraph/msgraph-sdk-javascript/blob/dev/docs/CustomMiddlewareChain.md).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { AuthenticationHandler, Client, PageIterator, type Context, type Middleware, type PageCollection } from '@microsoft/microsoft-graph-client';
import { ConfidentialClientApplication } from '@azure/msal-node';
import { startEmulator, type EmulatorHandle } from '../harness.js';

let emulator: EmulatorHandle;
before(async () => {
  emulator = await startEmulator({ users: 250 });
});
after(async () => emulator?.close());

class EmulatorFetchHandler implements Middleware {
  async execute(context: Context): Promise<void> {
    context.response = await emulator.fetch(context.request as string | Request, context.options as RequestInit);
  }
}

async function appToken(): Promise<string> {
  const cca = new ConfidentialClientApplication({
    auth: { clientId: emulator.seed!.application.appId, clientSecret: emulator.seed!.application.clientSecret, authority: emulator.authority(), knownAuthorities: [new URL(emulator.url).host] },
    system: { networkClient: emulator.msalNetworkClient },
  });
  return (await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] }))!.accessToken;
}

function graphClient(token: string): Client {
  const auth = new AuthenticationHandler({ getAccessToken: async () => token });
  auth.setNext(new EmulatorFetchHandler());
  return Client.initWithMiddleware({ middleware: auth, baseUrl: `${emulator.url}/`, customHosts: new Set([new URL(emulator.url).hostname]) });
}

describe('Microsoft Graph JS client against the emulator', () => {
  test('PageIterator walks every user of the tenant across pages, each once', async () => {
    const client = graphClient(await appToken());
    const first = (await client.api('/users').top(100).select('id,userPrincipalName').get()) as PageCollection;
    assert.ok(first['@odata.nextLink'], 'more than one page');
    const seen: string[] = [];
    await new PageIterator(client, first, (user: { id: string }) => {
      seen.push(user.id);
      return true;
    }).iterate();
    const expected = emulator.seed!.users.filter((u) => u.tenantId === emulator.tenantId).length;
    assert.equal(seen.length, expected);
    assert.equal(new Set(seen).size, seen.length, 'no user twice');
  });

  test('a Graph error reaches the caller as GraphError with Microsoft’s code and status', async () => {
    const client = graphClient(await appToken());
    const failure = await client.api('/users/00000000-0000-0000-0000-00000000dead').get().then(
      () => assert.fail('a missing user must not be found'),
      (error: unknown) => error as { statusCode: number; code: string },
    );
    assert.equal(failure.statusCode, 404);
    assert.equal(failure.code, 'Request_ResourceNotFound');
  });
});
