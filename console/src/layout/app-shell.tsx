// The frame of every signed-in page: sidebar on the left, top bar, and the page itself.
import { Outlet } from 'react-router';
import { WorkspacesProvider } from '../workspaces/workspaces-context.js';
import { SidebarNav } from './sidebar-nav.js';
import { TopBar } from './top-bar.js';

export function AppShell() {
  return (
    <WorkspacesProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="shell">
        <SidebarNav />
        <div className="shell__main">
          <TopBar />
          <main id="main" className="content" tabIndex={-1}>
            <Outlet />
          </main>
        </div>
      </div>
    </WorkspacesProvider>
  );
}
