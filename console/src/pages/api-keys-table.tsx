import type { ApiKey } from '../api/types.js';
import { Badge } from '../components/badge.js';
import { Timestamp } from '../components/timestamp.js';

/** Keys are listed by name and visible prefix only; the secret part is never shown again after creation. */
export function ApiKeysTable({ keys, onRevoke }: { keys: ApiKey[]; onRevoke?: (key: ApiKey) => void }) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="API keys">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Key</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">Status</th>
            {onRevoke && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} data-api-key-id={key.id} className={key.revokedAt ? 'row--inactive' : undefined}>
              <td className="strong">{key.name}</td>
              <td>
                <code className="key-prefix">{key.prefix}…</code>
              </td>
              <td>
                <Timestamp iso={key.createdAt} />
              </td>
              <td>
                <Timestamp iso={key.lastUsedAt} empty="Never" />
              </td>
              <td>
                {key.revokedAt ? (
                  <span title={`Revoked ${new Date(key.revokedAt).toLocaleString()}`}>
                    <Badge tone="danger">Revoked</Badge>
                  </span>
                ) : (
                  <Badge tone="success">Active</Badge>
                )}
              </td>
              {onRevoke && (
                <td className="cell-actions">
                  {!key.revokedAt && (
                    <button type="button" className="button button--danger-ghost button--small" onClick={() => onRevoke(key)}>
                      Revoke<span className="visually-hidden"> {key.name}</span>
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
