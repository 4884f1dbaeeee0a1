// The frame of every emulator page: a centred white card on a soft background, system sans-serif type, one
// accent blue; the clean look of Microsoft's sign-in experience without any of its assets. A banner on every
// page says plainly that this is an emulator.
import { html, SafeHtml } from './html.js';

const styles = `
*{box-sizing:border-box}
body{margin:0;min-height:100vh;font-family:"Segoe UI","Segoe UI Web",-apple-system,"Helvetica Neue",Arial,sans-serif;color:#1b1b1b;
 background:linear-gradient(135deg,#eef3f8 0%,#e6eef6 45%,#f4f1ec 100%);display:flex;flex-direction:column;align-items:center}
.banner{width:100%;background:#1b1b1b;color:#f2f2f2;font-size:12px;text-align:center;padding:5px 8px;letter-spacing:.02em}
main{flex:1;display:flex;align-items:center;justify-content:center;width:100%;padding:32px 12px}
.card{width:440px;max-width:100%;background:#fff;box-shadow:0 2px 6px rgba(0,0,0,.2);padding:44px;min-height:338px}
.brand{display:flex;align-items:center;gap:10px;font-size:15px;font-weight:600;color:#5e5e5e;margin-bottom:16px}
.brand .mark{width:22px;height:22px;border-radius:5px;background:conic-gradient(from 45deg,#2f6fde,#22a6b3,#35b36a,#2f6fde)}
h1{font-size:24px;font-weight:600;margin:0 0 12px;line-height:1.25}
p{font-size:15px;line-height:1.45;margin:0 0 12px}
.muted{color:#616161;font-size:13px}
.identity{display:inline-flex;align-items:center;gap:8px;font-size:15px;margin-bottom:12px}
.identity .avatar{width:28px;height:28px;border-radius:50%;background:#dbe7f7;color:#1f4e99;display:flex;align-items:center;justify-content:center;font-size:12px;font-weight:600}
label{display:block;font-size:13px;color:#616161;margin:14px 0 2px}
input[type=text],input[type=email],input[type=password]{width:100%;border:none;border-bottom:1px solid #666;padding:6px 0;font-size:15px;outline:none;background:transparent}
input[type=text]:focus,input[type=email]:focus,input[type=password]:focus{border-bottom:2px solid #0067b8}
textarea{width:100%;border:1px solid #666;padding:6px;font-size:15px;font-family:inherit;resize:vertical}
textarea:focus{outline:2px solid #0067b8}
.error{color:#c4262e;font-size:14px;margin:8px 0}
.actions{display:flex;justify-content:flex-end;gap:8px;margin-top:28px}
button{min-width:108px;height:32px;font-size:15px;border:1px solid transparent;cursor:pointer;padding:0 12px;font-family:inherit}
button.primary{background:#0067b8;color:#fff}
button.primary:hover{background:#005da6}
button.secondary{background:#cccccc;color:#1b1b1b}
button.secondary:hover{background:#b8b8b8}
button.link{background:none;color:#0067b8;min-width:0;padding:0;height:auto;font-size:13px}
ul.permissions{list-style:none;padding:0;margin:8px 0 16px;max-height:320px;overflow:auto}
ul.permissions li{padding:8px 0;border-bottom:1px solid #eee}
ul.permissions .title{font-size:15px}
ul.permissions .desc{font-size:12px;color:#616161;margin-top:2px}
.section{font-size:13px;font-weight:600;color:#444;margin-top:10px}
.checkbox{display:flex;gap:8px;align-items:flex-start;font-size:13px;margin:8px 0}
.tile{display:flex;align-items:center;gap:10px;width:100%;background:#fff;border:1px solid #e1e1e1;padding:10px;text-align:left;height:auto}
.tile:hover{background:#f2f2f2}
.details{font-family:Consolas,monospace;font-size:12px;color:#505050;background:#f6f6f6;padding:10px;margin-top:16px;word-break:break-all}
footer{font-size:12px;color:#616161;padding:12px}
`;

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]!.toUpperCase())
    .join('');
}

export function pageShell(title: string, body: SafeHtml): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${new SafeHtml(styles)}</style></head>
<body><div class="banner">m365hub emulator: a local stand-in for the Microsoft identity platform, not Microsoft</div>
<main><div class="card"><div class="brand"><span class="mark" aria-hidden="true"></span><span>m365hub emulator</span></div>${body}</div></main>
<footer>Terms of use · Privacy (emulated)</footer></body></html>`.value;
}
