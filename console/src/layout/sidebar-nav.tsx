// The console's map: each page a workspace has, where it lives; without a workspace chosen, visibly disabled.
import { Children, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useCurrentWorkspace, useWorkspaceIdInUrl } from '../workspaces/workspaces-context.js';
import { WorkspaceSwitcher } from './workspace-switcher.js';

const workspacePages = [
  { path: 'api-keys', label: 'API keys' },
  { path: 'members', label: 'Members' },
  { path: 'audit-log', label: 'Audit log' },
];

export function SidebarNav() {
  const workspaceId = useWorkspaceIdInUrl();
  const base = workspaceId ? `/w/${encodeURIComponent(workspaceId)}` : null;
  // Members never see the integration's settings (the API refuses them too); the entry is for admins only.
  const isAdmin = useCurrentWorkspace()?.role === 'admin';

  return (
    <aside className="sidebar" id="sidebar">
      <div className="sidebar__brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">m365hub</span>
      </div>
      <WorkspaceSwitcher />
      <nav className="sidebar__nav" aria-label="Main">
        <NavSection title="Access">
          {workspacePages.map((page) =>
            base ? (
              <NavLink key={page.path} to={`${base}/${page.path}`} className="nav-item">
                {page.label}
              </NavLink>
            ) : (
              <DisabledItem key={page.path} label={page.label} reason="Choose a workspace first" />
            ),
          )}
        </NavSection>
        <NavSection title="Microsoft 365">
          {base ? (
            <NavLink to={`${base}/compliance`} className="nav-item">
              <span className="nav-item__label">
                Compliance
                <span className="nav-item__hint">Assessments, drift, access reviews</span>
              </span>
            </NavLink>
          ) : (
            <DisabledItem label="Compliance" reason="Choose a workspace first" />
          )}
          {base ? (
            <NavLink to={`${base}/files`} className="nav-item">
              <span className="nav-item__label">
                Files
                <span className="nav-item__hint">Attachments from OneDrive, SharePoint, Teams</span>
              </span>
            </NavLink>
          ) : (
            <DisabledItem label="Files" reason="Choose a workspace first" />
          )}
        </NavSection>
        <NavSection title="Settings">
          {base ? (
            <NavLink to={`${base}/settings/general`} className="nav-item">
              General
            </NavLink>
          ) : (
            <DisabledItem label="General" reason="Choose a workspace first" />
          )}
          {base && isAdmin && (
            <NavLink to={`${base}/settings/integrations`} className="nav-item">
              <span className="nav-item__label">
                Integrations
                <span className="nav-item__hint">Microsoft 365</span>
              </span>
            </NavLink>
          )}
        </NavSection>
        <NavSection title="User settings">
          {base ? (
            <NavLink to={`${base}/account/integrations`} className="nav-item">
              <span className="nav-item__label">
                Your integrations
                <span className="nav-item__hint">Connect Microsoft 365</span>
              </span>
            </NavLink>
          ) : (
            <DisabledItem label="Your integrations" reason="Choose a workspace first" />
          )}
        </NavSection>
      </nav>
      <div className="sidebar__footer">
        <NavLink to="/workspaces" end className="nav-item">
          All workspaces
        </NavLink>
      </div>
    </aside>
  );
}

function NavSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="nav-section">
      <p className="nav-section__title">{title}</p>
      <ul className="nav-section__items">
        {Children.map(children, (child) => (
          <li>{child}</li>
        ))}
      </ul>
    </div>
  );
}

/** Not a link and not focusable: nothing pretends to work before it does. */
function DisabledItem({ label, hint, reason }: { label: string; hint?: string; reason: string }) {
  return (
    <span className="nav-item nav-item--disabled" aria-disabled="true" title={reason}>
      <span className="nav-item__label">
        {label}
        {hint && <span className="nav-item__hint">{hint}</span>}
      </span>
    </span>
  );
}
