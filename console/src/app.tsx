// The console's routes. Everything but sign-in sits behind the session gate and inside the app shell;
// a workspace's pages live under /w/:workspaceId so a URL always says which workspace it shows.
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { LoadingState } from './components/loading-state.js';
import { M365IntegrationPage } from './integrations/m365-integration-page.js';
import { MyIntegrationsPage } from './integrations/my-integrations-page.js';
import { AppShell } from './layout/app-shell.js';
import { ApiKeysPage } from './api-keys/api-keys-page.js';
import { AuditLogPage } from './audit/audit-log-page.js';
import { FilesPage } from './files/files-page.js';
import { HomeRedirect } from './workspaces/home-redirect.js';
import { MembersPage } from './members/members-page.js';
import { NotFoundPage } from './layout/not-found-page.js';
import { SignInPage } from './session/sign-in-page.js';
import { WorkspaceHomeRedirect } from './workspaces/workspace-home-redirect.js';
import { WorkspaceSettingsPage } from './workspaces/workspace-settings-page.js';
import { WorkspacesPage } from './workspaces/workspaces-page.js';
import { RequireSession } from './session/require-session.js';
import { WorkspaceRoute } from './workspaces/workspace-route.js';

// The compliance dashboard carries the charting library: its own chunk, loaded when the page is first opened.
const CompliancePage = lazy(() => import('./compliance/compliance-page.js').then((m) => ({ default: m.CompliancePage })));

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route element={<RequireSession />}>
        <Route element={<AppShell />}>
          <Route index element={<HomeRedirect />} />
          <Route path="workspaces" element={<WorkspacesPage />} />
          <Route path="w/:workspaceId" element={<WorkspaceRoute />}>
            <Route index element={<WorkspaceHomeRedirect />} />
            <Route path="api-keys" element={<ApiKeysPage />} />
            <Route path="members" element={<MembersPage />} />
            <Route path="audit-log" element={<AuditLogPage />} />
            <Route path="compliance" element={<Suspense fallback={<LoadingState label="Loading compliance…" />}><CompliancePage /></Suspense>} />
            <Route path="files" element={<FilesPage />} />
            <Route path="settings/general" element={<WorkspaceSettingsPage />} />
            <Route path="settings/integrations" element={<M365IntegrationPage />} />
            <Route path="account/integrations" element={<MyIntegrationsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
          <Route path="w" element={<Navigate to="/workspaces" replace />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
