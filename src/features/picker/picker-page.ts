// The picker page's HTML (a shell its script fills in) and the clear page a refused session gets. The opener's
// origin and the mode are written into the page by the hub from the signed claims, HTML-escaped; the token itself
// stays in the URL only (the script reads it from there), never in the markup.
import { PICKER_PAGE_SCRIPT } from './picker-page-script.js';
import { PICKER_PAGE_STYLES } from './picker-page-styles.js';
import type { PickerSessionClaims, PickerSessionError } from './picker-session-token.js';

export const PICKER_ASSETS: Record<string, { type: string; body: string }> = {
  'picker.js': { type: 'text/javascript; charset=utf-8', body: PICKER_PAGE_SCRIPT },
  'picker.css': { type: 'text/css; charset=utf-8', body: PICKER_PAGE_STYLES },
};

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const head = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><link rel="stylesheet" href="/picker/assets/picker.css"></head>`;

export function pickerPage(claims: PickerSessionClaims): string {
  const actions = [
    claims.mode !== 'copy' ? '<button type="button" id="link" class="primary" disabled>Link</button>' : '',
    claims.mode !== 'link' ? '<button type="button" id="copy" class="primary" disabled>Copy</button>' : '',
  ].join('');
  return `${head('Add files from Microsoft 365')}
<body data-origin="${escapeHtml(claims.origin)}" data-mode="${escapeHtml(claims.mode)}" data-record="${escapeHtml(`${claims.entityType} ${claims.entityId}`)}">
<header class="top"><h1>Add files from Microsoft 365</h1><p class="record">to ${escapeHtml(claims.entityType)} ${escapeHtml(claims.entityId)}</p></header>
<div class="layout">
<nav class="sources" aria-label="Sources"><h2 id="sources-heading">Sources</h2><ul id="sources" aria-labelledby="sources-heading"></ul></nav>
<main>
<nav aria-label="Breadcrumb"><ol id="breadcrumb" class="breadcrumb"></ol></nav>
<form id="search" role="search" hidden><label for="q">Search this location</label><span class="search-row"><input id="q" name="q" type="search" maxlength="200" autocomplete="off"><button type="submit">Search</button></span></form>
<div id="error" class="error" role="alert"></div>
<p id="status" class="status" role="status" aria-live="polite">Loading your sources…</p>
<ul id="items" class="items" aria-label="Files and folders"></ul>
<button type="button" id="more" hidden>Show more</button>
</main>
</div>
<footer class="bar"><p id="selected" aria-live="polite">Nothing selected</p><div class="actions">${actions}<button type="button" id="cancel">Cancel</button></div>
<div id="progress" class="progress" role="status" aria-live="polite"></div></footer>
<script src="/picker/assets/picker.js"></script>
</body></html>`;
}

export function pickerErrorPage(error: PickerSessionError): string {
  const expired = error.code === 'picker_session_expired';
  return `${head('Picker unavailable')}
<body class="refused"><main><h1>${expired ? 'This picker has expired' : 'This picker link is not valid'}</h1>
<p>${expired ? 'Picker links work for 10 minutes. Close this window and choose “Add from OneDrive” again in the product you came from.' : 'The link was changed or does not belong here. Close this window and choose “Add from OneDrive” again in the product you came from.'}</p>
<p class="hint">For the product's developers: ${escapeHtml(error.message)}</p></main></body></html>`;
}
