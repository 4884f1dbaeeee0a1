import type { Member, WorkspaceRole } from '../api/types.js';
import { Badge } from '../components/badge.js';
import { Timestamp } from '../components/timestamp.js';

interface MembersTableProps {
  members: Member[];
  currentUserId: string;
  /** Present for admins only: members see roles, not the controls that change them. */
  onChangeRole?: (member: Member, role: WorkspaceRole) => void;
  onRemove?: (member: Member) => void;
}

export function MembersTable({ members, currentUserId, onChangeRole, onRemove }: MembersTableProps) {
  return (
    <div className="table-wrap">
      <table className="table" aria-label="Members">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role</th>
            <th scope="col">Added</th>
            {onRemove && (
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const name = member.displayName || member.email;
            return (
              <tr key={member.userId}>
                <td>
                  <span className="strong">
                    {name}
                    {member.userId === currentUserId && <span className="you-tag">you</span>}
                  </span>
                  {member.displayName && <span className="cell-sub">{member.email}</span>}
                </td>
                <td>
                  {onChangeRole ? (
                    <>
                      <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
                        Role of {name}
                      </label>
                      <select
                        id={`role-${member.userId}`}
                        className="select--compact"
                        value={member.role}
                        onChange={(event) => onChangeRole(member, event.target.value as WorkspaceRole)}
                      >
                        <option value="admin">Admin</option>
                        <option value="member">Member</option>
                      </select>
                    </>
                  ) : (
                    <Badge tone={member.role === 'admin' ? 'accent' : 'neutral'}>{member.role === 'admin' ? 'Admin' : 'Member'}</Badge>
                  )}
                </td>
                <td>
                  <Timestamp iso={member.createdAt} />
                </td>
                {onRemove && (
                  <td className="cell-actions">
                    <button type="button" className="button button--danger-ghost button--small" onClick={() => onRemove(member)}>
                      Remove<span className="visually-hidden"> {name}</span>
                    </button>
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
