// The small page a browser sees when a flow ends without a returnTo (or for a console user when it failed): what
// happened, what to do, and where to go next. Every value is escaped; nothing secret is ever passed in.
export interface ResultPage {
  title: string;
  message: string;
  fix?: string;
  code?: string;
  /** An action, e.g. the admin consent link when approval is required. */
  action?: { label: string; href: string };
  continueHref?: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function renderResultPage(page: ResultPage): string {
  const link = (href: string, label: string, primary: boolean) =>
    `<a class="${primary ? 'button primary' : 'button'}" href="${escapeHtml(href)}">${escapeHtml(label)}</a>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${escapeHtml(page.title)} · m365hub</title>
<style>
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;background:#f4f6f9;color:#1b2330;margin:0;display:grid;place-items:center;min-height:100vh}
main{background:#fff;border:1px solid #dfe3ea;border-radius:10px;padding:28px 32px;max-width:520px;box-shadow:0 2px 10px rgba(20,30,50,.06)}
h1{font-size:20px;margin:0 0 10px}p{margin:0 0 12px}.fix{color:#44506a}.code{font:12px ui-monospace,monospace;color:#525d71}
.button{display:inline-block;margin:8px 8px 0 0;padding:8px 14px;border-radius:6px;border:1px solid #c5ccd8;color:#1b2330;text-decoration:none}
.primary{background:#2357d9;border-color:#2357d9;color:#fff}
.button:focus-visible{outline:3px solid #1b2330;outline-offset:2px}
</style></head>
<body><main>
<h1>${escapeHtml(page.title)}</h1>
<p>${escapeHtml(page.message)}</p>
${page.fix ? `<p class="fix">${escapeHtml(page.fix)}</p>` : ''}
${page.code ? `<p class="code">Code: ${escapeHtml(page.code)}</p>` : ''}
<p>${page.action ? link(page.action.href, page.action.label, true) : ''}${page.continueHref ? link(page.continueHref, 'Continue', !page.action) : ''}${
    // Never a dead end: with nowhere else to go, the way back is the console (served by this hub at /).
    !page.action && !page.continueHref ? link('/', 'Back to the console', true) : ''
  }</p>
</main></body></html>`;
}
