import type { ApiKey } from '../api/types.js';
import { Badge } from '../components/badge.js';
import { DataTable } from '../components/data-table.js';
import { Timestamp } from '../components/timestamp.js';

/** Keys are listed by name and visible prefix only; the secret part is never shown again after creation. */
export function ApiKeysTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke?: (key: ApiKey) => void }) {
  return (
    <DataTable
      label="API keys"
      rows={keys}
      rowKey={(key) => key.id}
      rowProps={(key) => ({ 'data-api-key-id': key.id, className: key.revokedAt ? 'row--inactive' : undefined })}
      columns={[
        { header: 'Name', className: 'strong', cell: (key) => key.name },
        { header: 'Key', cell: (key) => <code className="key-prefix">{key.prefix}…</code> },
        { header: 'Created', cell: (key) => <Timestamp iso={key.createdAt} /> },
        { header: 'Last used', cell: (key) => <Timestamp iso={key.lastUsedAt} empty="Never" /> },
        {
          header: 'Status',
          cell: (key) =>
            key.revokedAt ? (
              <span title={`Revoked ${new Date(key.revokedAt).toLocaleString()}`}>
                <Badge tone="danger">Revoked</Badge>
              </span>
            ) : (
              <Badge tone="success">Active</Badge>
            ),
        },
        onRevoke && {
          header: 'Actions',
          hideHeader: true,
          className: 'cell-actions',
          cell: (key) =>
            !key.revokedAt && (
              <button type="button" className="button button--danger-ghost button--small" onClick={() => onRevoke(key)}>
                Revoke<span className="visually-hidden"> {key.name}</span>
              </button>
            ),
        },
      ]}
    />
  );
}
