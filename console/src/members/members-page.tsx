import { useState } from 'react';
import * as api from '../api/client.js';
import { asProblem } from '../api/problem.js';
import type { Member, WorkspaceRole } from '../api/types.js';
import { Card } from '../components/card.js';
import { ConfirmDialog } from '../components/confirm-dialog.js';
import { EmptyState } from '../components/empty-state.js';
import { LoadingState } from '../components/loading-state.js';
import { PageHeader } from '../components/page-header.js';
import { ProblemBanner } from '../components/problem-banner.js';
import { useToast } from '../components/toast-provider.js';
import { useLoader } from '../hooks/use-loader.js';
import { useSignedInUser } from '../session/session-context.js';
import { useWorkspace, useWorkspaces } from '../workspaces/workspaces-context.js';
import { AddMemberForm } from './add-member-form.js';
import { MembersTable } from './members-table.js';

export function MembersPage() {
  const workspace = useWorkspace();
  const user = useSignedInUser();
  const workspaces = useWorkspaces();
  const isAdmin = workspace.role === 'admin';
  const { notify } = useToast();
  const members = useLoader(() => api.listMembers(workspace.id), [workspace.id]);
  const [removing, setRemoving] = useState<Member | null>(null);

  async function changeRole(member: Member, role: WorkspaceRole) {
    try {
      await api.changeMemberRole(workspace.id, member.userId, role);
      notify({ tone: 'success', title: `${member.displayName || member.email} is now ${role === 'admin' ? 'an admin' : 'a member'}` });
      // Your own role decides which controls you see.
      if (member.userId === user.id) workspaces.reload();
    } catch (error) {
      const problem = asProblem(error);
      notify({ tone: 'error', title: problem.title, detail: problem.detail });
    }
    members.reload();
  }

  async function remove(member: Member) {
    await api.removeMember(workspace.id, member.userId);
    notify({ tone: 'success', title: `${member.displayName || member.email} removed from ${workspace.name}` });
    if (member.userId === user.id) workspaces.reload();
    members.reload();
  }

  return (
    <>
      <PageHeader
        title="Members"
        description={
          isAdmin
            ? 'People who can sign in to this workspace. Admins manage API keys, members and integration settings.'
            : 'People who can sign in to this workspace. Only admins can add, change or remove members.'
        }
      />
      {isAdmin && <AddMemberForm workspaceId={workspace.id} onAdded={members.reload} />}
      <Card title="People">
        {members.problem && <ProblemBanner problem={members.problem} onRetry={members.reload} />}
        {!members.data && !members.problem && <LoadingState label="Loading members…" />}
        {members.data && members.data.length === 0 && <EmptyState title="No members yet" />}
        {members.data && members.data.length > 0 && (
          <MembersTable
            members={members.data}
            currentUserId={user.id}
            onChangeRole={isAdmin ? changeRole : undefined}
            onRemove={isAdmin ? setRemoving : undefined}
          />
        )}
      </Card>
      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.displayName || removing.email}?`}
          confirmLabel="Remove member"
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        >
          <p>
            {removing.userId === user.id
              ? `You will lose access to ${workspace.name}.`
              : `${removing.email} will no longer be able to open ${workspace.name}. Their console account stays, and you can add them again later.`}
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
