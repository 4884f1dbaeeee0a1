import type { AuditEntry } from '../api/types.js';
import { DataTable } from '../components/data-table.js';
import { Timestamp } from '../components/timestamp.js';

const actorKinds: Record<AuditEntry['actor']['type'], string> = { user: 'User', api_key: 'API key', system: 'System' };

export function AuditLogTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <DataTable
      label="Audit log"
      className="audit-table"
      rows={entries}
      rowKey={(entry) => entry.id}
      rowProps={(entry) => ({ 'data-audit-action': entry.action })}
      columns={[
        { header: 'When', className: 'nowrap', cell: (entry) => <Timestamp iso={entry.createdAt} /> },
        {
          header: 'Who',
          cell: (entry) => (
            <>
              <span className="strong">{entry.actor.label}</span>
              <span className="cell-sub break-anywhere">
                {actorKinds[entry.actor.type] ?? entry.actor.type}
                {entry.actingUser ? ` · for ${entry.actingUser}` : ''}
              </span>
            </>
          ),
        },
        { header: 'Action', cell: (entry) => <code className="action-code">{entry.action}</code> },
        {
          header: 'Target',
          cell: (entry) =>
            entry.target ? (
              <>
                <span>{humanize(entry.target.type)}</span>
                <span className="cell-sub mono break-anywhere">{entry.target.id}</span>
              </>
            ) : (
              <span className="muted">—</span>
            ),
        },
        { header: 'IP address', className: 'mono nowrap', cell: (entry) => entry.ip ?? <span className="muted">—</span> },
      ]}
    />
  );
}

const targetKinds: Record<string, string> = { api_key: 'API key', user: 'User', workspace: 'Workspace', member: 'Member' };

/** Known kinds read as product words; kinds added by later features still read as words. */
function humanize(type: string): string {
  const known = targetKinds[type];
  if (known) return known;
  const words = type.replace(/[_-]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
