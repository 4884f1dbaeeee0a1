import type { AuditEntry } from '../api/types.js';
import { Timestamp } from '../components/timestamp.js';

const actorKinds: Record<AuditEntry['actor']['type'], string> = { user: 'User', api_key: 'API key', system: 'System' };

export function AuditLogTable({ entries }: { entries: AuditEntry[] }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Audit log">
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Who</th>
            <th scope="col">Action</th>
            <th scope="col">Target</th>
            <th scope="col">IP address</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id} data-audit-action={entry.action}>
              <td className="nowrap">
                <Timestamp iso={entry.createdAt} />
              </td>
              <td>
                <span className="strong">{entry.actor.label}</span>
                <span className="cell-sub">
                  {actorKinds[entry.actor.type] ?? entry.actor.type}
                  {entry.actingUser ? ` · for ${entry.actingUser}` : ''}
                </span>
              </td>
              <td>
                <code className="action-code">{entry.action}</code>
              </td>
              <td>
                {entry.target ? (
                  <>
                    <span>{humanize(entry.target.type)}</span>
                    <span className="cell-sub mono">{entry.target.id}</span>
                  </>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              <td className="mono nowrap">{entry.ip ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
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
