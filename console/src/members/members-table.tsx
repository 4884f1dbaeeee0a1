import type { Member, WorkspaceRole } from '../api/types.js';
import { Badge } from '../components/badge.js';
import { DataTable } from '../components/data-table.js';
import { Timestamp } from '../components/timestamp.js';

interface MembersTableProps {
  members: Member[];
  currentUserId: string;
  /** Present for admins only: members see roles, not the controls that change them. */
  onChangeRole?: (member: Member, role: WorkspaceRole) => void;
  onRemove?: (member: Member) => void;
}

export function MembersTable({ members, currentUserId, onChangeRole, onRemove }: MembersTableProps) {
  const nameOf = (member: Member) => member.displayName || member.email;
  return (
    <DataTable
      label="Members"
      rows={members}
      rowKey={(member) => member.userId}
      columns={[
        {
          header: 'Name',
          cell: (member) => (
            <>
              <span className="strong">
                {nameOf(member)}
                {member.userId === currentUserId && <span className="you-tag">you</span>}
              </span>
              {member.displayName && <span className="cell-sub break-anywhere">{member.email}</span>}
            </>
          ),
        },
        {
          header: 'Role',
          cell: (member) =>
            onChangeRole ? (
              <>
                <label className="visually-hidden" htmlFor={`role-${member.userId}`}>
                  Role of {nameOf(member)}
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
            ),
        },
        { header: 'Added', cell: (member) => <Timestamp iso={member.createdAt} /> },
        onRemove && {
          header: 'Actions',
          hideHeader: true,
          className: 'cell-actions',
          cell: (member) => (
            <button type="button" className="button button--danger-ghost button--small" onClick={() => onRemove(member)}>
              Remove<span className="visually-hidden"> {nameOf(member)}</span>
            </button>
          ),
        },
      ]}
    />
  );
}
