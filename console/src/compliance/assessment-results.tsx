// The assessment of the tenant's newest snapshot: filter by severity and result, open a result's evidence and
// remediation in a drawer.
import { useState } from 'react';
import { Badge, type BadgeTone } from '../components/badge.js';
import { DataTable } from '../components/data-table.js';
import type { AssessmentResultView, AssessmentView } from './compliance-client.js';

const resultTone: Record<AssessmentResultView['result'], BadgeTone> = { pass: 'success', fail: 'danger', not_applicable: 'muted', error: 'accent' };
const resultLabel: Record<AssessmentResultView['result'], string> = { pass: 'Pass', fail: 'Fail', not_applicable: 'Not applicable', error: 'Error' };

/** A stored run or an on-demand assessment: the results, their summary and what newly fails since the previous one. */
type AssessmentLike = Pick<AssessmentView, 'summary' | 'results'> & { comparedWith: { newlyFailing: string[] } | null };

export function AssessmentResults({ assessment }: { assessment: AssessmentLike }) {
  const [severity, setSeverity] = useState('');
  const [result, setResult] = useState('');
  const [open, setOpen] = useState<AssessmentResultView | null>(null);
  const newlyFailing = new Set(assessment.comparedWith?.newlyFailing ?? []);
  const rows = assessment.results.filter((r) => (!severity || r.severity === severity) && (!result || r.result === result));
  const { summary } = assessment;
  return (
    <>
      <p className="compliance-summary">
        <Badge tone="success">{summary.pass} pass</Badge> <Badge tone="danger">{summary.fail} fail</Badge> <Badge tone="muted">{summary.not_applicable} not applicable</Badge>{' '}
        <Badge tone="accent">{summary.error} error</Badge>
        {newlyFailing.size > 0 && <span className="compliance-summary__new"> Newly failing since the previous snapshot: {[...newlyFailing].join(', ')}</span>}
      </p>
      <div className="inline-form compliance-filters">
        <div className="field">
          <label htmlFor="filter-severity">Severity</label>
          <select id="filter-severity" className="select--compact" value={severity} onChange={(e) => setSeverity(e.target.value)}>
            <option value="">All</option>
            <option value="high">High</option>
            <option value="medium">Medium</option>
            <option value="low">Low</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="filter-result">Result</label>
          <select id="filter-result" className="select--compact" value={result} onChange={(e) => setResult(e.target.value)}>
            <option value="">All</option>
            <option value="fail">Fail</option>
            <option value="pass">Pass</option>
            <option value="not_applicable">Not applicable</option>
            <option value="error">Error</option>
          </select>
        </div>
      </div>
      <DataTable
        label="Assessment results"
        compact
        rows={rows}
        rowKey={(r) => r.policyId}
        rowProps={(r) => ({ 'data-policy': r.policyId, 'data-result': r.result })}
        columns={[
          { header: 'Policy', cell: (r) => <code className="policy-id">{r.policyId}</code> },
          { header: 'Title', cell: (r) => r.title },
          { header: 'Severity', cell: (r) => r.severity },
          {
            header: 'Result',
            cell: (r) => (
              <>
                <Badge tone={resultTone[r.result]}>{resultLabel[r.result]}</Badge>
                {newlyFailing.has(r.policyId) && <span className="new-tag"> new</span>}
              </>
            ),
          },
          {
            header: 'Evidence',
            hideHeader: true,
            cell: (r) => (
              <button type="button" className="button button--secondary button--small" onClick={() => setOpen(r)} aria-label={`Evidence for ${r.policyId}`}>
                Evidence
              </button>
            ),
          },
        ]}
      />
      {open && <EvidenceDrawer result={open} onClose={() => setOpen(null)} />}
    </>
  );
}

function EvidenceDrawer({ result, onClose }: { result: AssessmentResultView; onClose: () => void }) {
  return (
    <aside className="evidence-drawer" role="dialog" aria-modal="false" aria-labelledby="evidence-title">
      <div className="evidence-drawer__header">
        <h3 id="evidence-title">
          {result.policyId}: {result.title}
        </h3>
        <button type="button" className="button button--secondary button--small" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
      <p>
        <Badge tone={resultTone[result.result]}>{resultLabel[result.result]}</Badge> severity {result.severity}
      </p>
      <h4>Details</h4>
      <p>{result.details}</p>
      <h4>Evidence</h4>
      {result.evidence.length === 0 ? <p className="muted">No object decided this result.</p> : <ul>{result.evidence.map((id) => <li key={id}><code>{id}</code></li>)}</ul>}
      <h4>Remediation</h4>
      <p>{result.remediation}</p>
      <h4>References</h4>
      <ul>
        {result.references.scuba && <li>CISA SCuBA {result.references.scuba}</li>}
        {result.references.cis && <li>CIS Microsoft 365 Foundations {result.references.cis}</li>}
        {result.references.docs && <li>{result.references.docs}</li>}
      </ul>
    </aside>
  );
}
