// Where you are (workspace and your role in it) and who you are, with the way out.
import { useState } from 'react';
import { Badge } from '../components/badge.js';
import { useToast } from '../components/toast-provider.js';
import { useSession, useSignedInUser } from '../session/session-context.js';
import { useCurrentWorkspace } from '../workspaces/workspaces-context.js';
import { initials } from '../format/initials.js';

export function TopBar({ menuOpen, onToggleMenu }: { menuOpen: boolean; onToggleMenu(): void }) {
  const user = useSignedInUser();
  const workspace = useCurrentWorkspace();
  const { signOut } = useSession();
  const { notify, clear } = useToast();
  const [signingOut, setSigningOut] = useState(false);

  async function handleSignOut() {
    setSigningOut(true);
    clear();
    // Signing out always ends the session here; if the hub could not be told, say so.
    try {
      await signOut();
    } catch {
      notify({ tone: 'error', title: 'Signed out on this device', detail: 'The server could not be told; the session will expire on its own.' });
    }
  }

  return (
    <header className="topbar">
      {/* Shown on narrow screens only (CSS), where the sidebar is folded away. */}
      <button type="button" className="button button--secondary button--small topbar__menu" aria-expanded={menuOpen} aria-controls="sidebar" onClick={onToggleMenu}>
        Menu
      </button>
      <div className="topbar__context">
        {workspace ? (
          <>
            <span className="topbar__workspace">{workspace.name}</span>
            <Badge tone={workspace.role === 'admin' ? 'accent' : 'neutral'}>{workspace.role === 'admin' ? 'Admin' : 'Member'}</Badge>
          </>
        ) : (
          <span className="topbar__workspace">Workspaces</span>
        )}
      </div>
      <div className="topbar__user">
        <span className="avatar" aria-hidden="true">
          {initials(user.displayName || user.email)}
        </span>
        <span className="topbar__identity">
          <span className="topbar__name">{user.displayName || user.email}</span>
          <span className="topbar__email">{user.email}</span>
        </span>
        <button type="button" className="button button--secondary button--small" onClick={handleSignOut} disabled={signingOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
