// "Requirements", a tiny example host product: a list of requirements, a detail page with an Attachments panel,
// and "Add from OneDrive" through the hosted picker. It talks to the hub only as a real SaaS backend would, over the
// public API with its API key (the key never reaches the browser), and its page uses only m365hub-picker.js.
// `m365hub demo` starts it next to the hub; the picker browser test drives it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ExampleHostOptions {
  hubUrl: string;
  workspaceId: string;
  /** Its API key (a promise when the host must listen before the key exists). */
  apiKey: string | Promise<string>;
  /** The host product's signed-in user (one user in this example). */
  userId: string;
  port?: number;
}

export interface ExampleHost {
  url: string;
  close(): Promise<void>;
}

const REQUIREMENTS = [
  { id: 'REQ-1', title: 'Access reviews every quarter' },
  { id: 'REQ-2', title: 'Encrypt backups at rest' },
  { id: 'REQ-3', title: 'Incident response plan' },
];

const esc = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

interface AttachmentView { id: string; name: string; mode: string; status: string; size: number | null }

export async function startExampleHost(options: ExampleHostOptions): Promise<ExampleHost> {
  const hub = new URL(options.hubUrl).origin;
  const ws = `${hub}/api/v1/workspaces/${options.workspaceId}`;
  const user = encodeURIComponent(options.userId);
  const api = async (method: string, path: string, body?: unknown): Promise<Response> =>
    fetch(`${ws}${path}`, {
      method,
      headers: { authorization: `Bearer ${await options.apiKey}`, 'x-m365hub-acting-user': options.userId, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  let origin = '';

  const page = (title: string, body: string) =>
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)} – Requirements</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:44rem;margin:1.5rem auto;padding:0 1rem;color:#1b1b1f}a{color:#0f5cc0}button{font:inherit;padding:.35rem .75rem;border-radius:6px;border:1px solid #8a8a96;background:#fff}button.primary{background:#0f5cc0;border-color:#0f5cc0;color:#fff}button:disabled{background:#e8e8ec;color:#55555f;border-color:#c4c4cc}ul.att{padding:0;list-style:none}ul.att li{display:flex;gap:.5rem;align-items:center;padding:.35rem 0;border-bottom:1px solid #ececf0}ul.att span.n{flex:1}.muted{color:#4a4a55}</style></head>
<body><header><p><a href="/">Requirements</a> · <a href="/settings/integrations">User Settings → Integrations</a> · signed in as ${esc(options.userId)}</p></header><main>${body}</main></body></html>`;

  async function connectionStatus(): Promise<string | null> {
    const connection = await api('GET', `/users/${user}/connection`);
    return connection.ok ? ((await connection.json()) as { status: string }).status : null;
  }

  async function settings(): Promise<string> {
    const status = await connectionStatus();
    return page(
      'Integrations',
      `<h1>User Settings → Integrations</h1><h2>Microsoft 365</h2>
<p>${status === 'active' ? 'Connected.' : status ? `Connection ${esc(status)}: connect again.` : 'Not connected.'}</p>
<form method="post" action="/settings/integrations/connect"><button type="submit" class="primary">${status ? 'Reconnect' : 'Connect'} Microsoft 365</button></form>`,
    );
  }

  async function detail(id: string): Promise<string> {
    const requirement = REQUIREMENTS.find((r) => r.id === id)!;
    const connected = (await connectionStatus()) === 'active';
    const listed = await api('GET', `/files/attachments?entityType=requirement&entityId=${encodeURIComponent(id)}`);
    const items = listed.ok ? ((await listed.json()) as { items: AttachmentView[] }).items : [];
    const rows = items
      .map((a) => `<li data-attachment="${esc(a.id)}"><span class="n">${esc(a.name)}</span><span class="muted">${a.mode === 'copy' ? 'copy' : 'link'}${a.status === 'active' ? '' : ` · ${esc(a.status)}`}</span><form method="post" action="/requirements/${esc(id)}/attachments/${esc(a.id)}/remove"><button type="submit" aria-label="Remove ${esc(a.name)}">Remove</button></form></li>`)
      .join('');
    const why = 'Connect Microsoft 365 in User Settings → Integrations first.';
    return page(
      requirement.title,
      `<h1>${esc(requirement.id)}: ${esc(requirement.title)}</h1>
<section aria-labelledby="att"><h2 id="att">Attachments</h2>
<ul class="att" id="attachments">${rows || '<li class="muted">No attachments yet.</li>'}</ul>
<span title="${connected ? '' : esc(why)}"><button type="button" class="primary" id="add" ${connected ? '' : `disabled aria-describedby="why"`}>Add from OneDrive</button></span>
${connected ? '' : `<p id="why" class="muted">${esc(why)}</p>`}
<p id="result" role="status" class="muted"></p></section>
<script src="${hub}/m365hub-picker.js"></script>
<script>
document.getElementById('add').addEventListener('click', async function () {
  // Our own backend (it holds the API key) asks the hub for a picker session; the picker opens in this click.
  const url = fetch('/requirements/${esc(id)}/picker-session', { method: 'POST' }).then(function (r) { return r.json(); }).then(function (s) { return s.url; });
  const picked = await M365HubPicker.open(url);
  document.getElementById('result').textContent = picked ? 'Added ' + picked.attachments.map(function (a) { return a.name; }).join(', ') : 'Nothing added';
  if (picked) location.reload();
});
</script>`,
    );
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    const send = (status: number, type: string, body: string): void => void response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
    if (request.method === 'GET' && url.pathname === '/') {
      return send(200, 'text/html; charset=utf-8', page('All', `<h1>Requirements</h1><ul>${REQUIREMENTS.map((r) => `<li><a href="/requirements/${r.id}">${r.id}: ${esc(r.title)}</a></li>`).join('')}</ul>`));
    }
    if (request.method === 'GET' && url.pathname === '/settings/integrations') return send(200, 'text/html; charset=utf-8', await settings());
    if (request.method === 'POST' && url.pathname === '/settings/integrations/connect') {
      // The hub's single-use connect link; Microsoft's sign-in and consent, then back to this page.
      const link = await api('POST', `/users/${user}/connect-link`, { returnTo: `${origin}/settings/integrations` });
      if (!link.ok) return send(link.status, 'application/problem+json', await link.text());
      response.writeHead(303, { location: ((await link.json()) as { url: string }).url }).end();
      return;
    }
    const match = /^\/requirements\/(REQ-\d+)(\/.*)?$/.exec(url.pathname);
    if (!match || !REQUIREMENTS.some((r) => r.id === match[1])) return send(404, 'text/plain', 'Not found');
    const [, id, rest = ''] = match as unknown as [string, string, string | undefined];
    if (request.method === 'GET' && rest === '') return send(200, 'text/html; charset=utf-8', await detail(id));
    if (request.method === 'POST' && rest === '/picker-session') {
      const created = await api('POST', '/picker/sessions', { externalUserId: options.userId, entityType: 'requirement', entityId: id, origin, mode: 'both' });
      return send(created.status, 'application/json', await created.text());
    }
    const remove = /^\/attachments\/(att_[A-Za-z0-9]+)\/remove$/.exec(rest);
    if (request.method === 'POST' && remove) {
      await api('DELETE', `/files/attachments/${remove[1]}`);
      response.writeHead(303, { location: `/requirements/${id}` }).end();
      return;
    }
    send(404, 'text/plain', 'Not found');
  }

  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'text/plain' });
      response.end('The hub did not answer; is it running?');
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: origin, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
