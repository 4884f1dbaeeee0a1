// The frame of every signed-in page: sidebar on the left, top bar, and the page itself. On narrow screens the
// sidebar folds away behind the top bar's Menu button, so a page's content starts at the top of the screen.
import { useEffect, useState } from 'react';
import { Outlet, useLocation } from 'react-router';
import { WorkspacesProvider } from '../workspaces/workspaces-context.js';
import { SidebarNav } from './sidebar-nav.js';
import { TopBar } from './top-bar.js';

export function AppShell() {
  const [menuOpen, setMenuOpen] = useState(false);
  const { pathname } = useLocation();
  // Following a link (or switching workspace) closes the menu: the page it opens is what the person wants to see.
  useEffect(() => setMenuOpen(false), [pathname]);

  return (
    <WorkspacesProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className={menuOpen ? 'shell shell--menu-open' : 'shell'}>
        <SidebarNav />
        <div className="shell__main">
          <TopBar menuOpen={menuOpen} onToggleMenu={() => setMenuOpen((open) => !open)} />
          <main id="main" className="content" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </WorkspacesProvider>
  );
}
