// The evidence bundle's report.html: one self-contained page (inline CSS, no script, no external URL) that an
// auditor opens offline. Every value from the tenant is HTML-escaped: display names are attacker-controlled.
import type { AssessmentResult, ResultSummary } from './assess.js';
import type { ChainVerification, StoredSnapshot } from './snapshot-store.js';

export interface ReportInput {
  workspaceId: string;
  tenantId: string;
  generatedAt: Date;
  verification: ChainVerification;
  snapshots: StoredSnapshot[];
  latest: { snapshot: StoredSnapshot; results: AssessmentResult[]; summary: ResultSummary } | null;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: unknown): string => String(value ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);

const STYLE = `
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;color:#1b1f24;padding:0 1rem}
h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}code{font:12px ui-monospace,monospace;word-break:break-all}
.pass{color:#116329}.fail{color:#a40e26;font-weight:600}.not_applicable{color:#57606a}.error{color:#9a6700;font-weight:600}
.ok{background:#dafbe1;padding:.5rem}.broken{background:#ffebe9;padding:.5rem}`;

export function evidenceReportHtml(input: ReportInput): string {
  const v = input.verification;
  const chain = v.valid
    ? `<p class="ok">The hash chain of ${v.snapshots} snapshot(s) verifies. Head hash: <code>${escapeHtml(v.headHash ?? '')}</code>. Keep this hash outside the hub: a later bundle whose chain does not contain it shows that history was rewritten.</p>`
    : `<p class="broken">The hash chain is broken at snapshot ${escapeHtml(v.firstBrokenLink.snapshotId)} (sequence ${v.firstBrokenLink.sequence}): ${escapeHtml(v.firstBrokenLink.reason)}.</p>`;
  const snapshotRows = input.snapshots
    .map((s) => `<tr><td>${s.sequence}</td><td><code>${escapeHtml(s.id)}</code></td><td>${escapeHtml(s.collectedAt.toISOString())}</td><td><code>${escapeHtml(s.hash)}</code></td><td><code>${escapeHtml(s.previousHash ?? '—')}</code></td></tr>`)
    .join('');
  const latest = input.latest;
  const results = latest
    ? `<p>Snapshot <code>${escapeHtml(latest.snapshot.id)}</code> (sequence ${latest.snapshot.sequence}, collected ${escapeHtml(latest.snapshot.collectedAt.toISOString())}):
       ${latest.summary.pass} pass, ${latest.summary.fail} fail, ${latest.summary.not_applicable} not applicable, ${latest.summary.error} error.</p>
       <table><thead><tr><th>Policy</th><th>Title</th><th>Severity</th><th>Result</th><th>Details</th><th>Evidence</th><th>Remediation</th></tr></thead><tbody>${latest.results
         .map(
           (r) => `<tr><td>${escapeHtml(r.policyId)}</td><td>${escapeHtml(r.title)}</td><td>${escapeHtml(r.severity)}</td><td class="${escapeHtml(r.result)}">${escapeHtml(r.result)}</td><td>${escapeHtml(r.details)}</td><td>${r.evidence.map((e) => `<code>${escapeHtml(e)}</code>`).join(' ')}</td><td>${escapeHtml(r.remediation)}</td></tr>`,
         )
         .join('')}</tbody></table>`
    : '<p>No snapshot has been collected for this tenant.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>Compliance evidence — tenant ${escapeHtml(input.tenantId)}</title><style>${STYLE}</style></head>
<body><main>
<h1>Compliance evidence — tenant <code>${escapeHtml(input.tenantId)}</code></h1>
<p>Workspace <code>${escapeHtml(input.workspaceId)}</code>. Generated ${escapeHtml(input.generatedAt.toISOString())} by m365hub.
The files beside this report hold the snapshots (<code>snapshots/</code>), the assessment results (<code>assessments/</code>) and the
hash-chain proof (<code>chain/</code>); <code>manifest.json</code> lists each file's sha256.</p>
<h2>Hash chain</h2>${chain}
<table><thead><tr><th>#</th><th>Snapshot</th><th>Collected</th><th>Hash</th><th>Previous hash</th></tr></thead><tbody>${snapshotRows}</tbody></table>
<h2>Assessment of the newest snapshot</h2>${results}
<h2>Not assessed</h2><p>Mail flow rules and Exchange Online settings are not available in Microsoft Graph and are not part of this evidence.</p>
</main></body></html>
`;
}
