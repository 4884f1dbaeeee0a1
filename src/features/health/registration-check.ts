// What Microsoft would refuse at sign-in, found before a user meets it: the app reads its own registration and
// compares it with the hub's. An app may read its own application object and service principal (Microsoft Graph:
// GET /applications(appId='{appId}') — application resource `web.redirectUris`, `spa.redirectUris`,
// `publicClient.redirectUris`; GET /servicePrincipals(appId='{appId}') — `appRoleAssignmentRequired`;
// https://learn.microsoft.com/graph/api/application-get, https://learn.microsoft.com/graph/api/serviceprincipal-get).
//   - the hub's redirect URI missing from the Web platform → users meet AADSTS50011 on Microsoft's page;
//   - "Assignment required?" on → only users and groups assigned to the enterprise app may connect; others meet
//     AADSTS50105 (https://learn.microsoft.com/entra/identity/enterprise-apps/assign-user-or-group-access-portal).
import type { GraphClient } from '../../microsoft/graph/graph-client.js';
import { GraphError } from '../../microsoft/graph/graph-error.js';
import type { TestStep } from '../../contract/health-schemas.js';

interface RedirectPlatform {
  redirectUris?: string[] | null;
}

interface ApplicationRegistration {
  web?: RedirectPlatform | null;
  spa?: RedirectPlatform | null;
  publicClient?: RedirectPlatform | null;
}

export async function checkRegistration(graph: GraphClient, clientId: string, redirectUri: string | undefined): Promise<TestStep> {
  const id = encodeURIComponent(clientId);
  let app: ApplicationRegistration;
  let principal: { appRoleAssignmentRequired?: boolean | null };
  try {
    app = await graph.get(`/applications(appId='${id}')`, { query: { $select: 'web,spa,publicClient' } });
    principal = await graph.get(`/servicePrincipals(appId='${id}')`, { query: { $select: 'appRoleAssignmentRequired' } });
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    const reason =
      error.status === 401 || error.status === 403
        ? 'The app may not read its registration here (Application.Read.All allows it).'
        : error.status === 404
          ? "The app registration is not in this tenant's directory (a multi-tenant app registered elsewhere)."
          : `Microsoft Graph did not answer (${error.status || error.code}).`;
    return { name: 'registration', status: 'skipped', message: `${reason} The redirect URI and user assignment were not compared.` };
  }

  const web = app.web?.redirectUris ?? [];
  const elsewhere = [...(app.spa?.redirectUris ?? []), ...(app.publicClient?.redirectUris ?? [])];
  const details = { redirectUri: redirectUri ?? null, webRedirectUris: web, appRoleAssignmentRequired: principal.appRoleAssignmentRequired === true };
  const assignmentNote =
    principal.appRoleAssignmentRequired === true
      ? ' "Assignment required?" is Yes on the enterprise application: only users and groups assigned under Enterprise applications → Users and groups can connect; others see AADSTS50105.'
      : '';
  if (!redirectUri) {
    return { name: 'registration', status: 'failed', code: 'redirect_uri_not_configured', message: 'The hub has no redirect URI to send to Microsoft.', fix: 'Set the redirect URI in Edit settings (or M365_REDIRECT_URI / BACKEND_URL on the hub) and register it under Authentication → Web.', details };
  }
  if (!web.includes(redirectUri)) {
    const wrongPlatform = elsewhere.includes(redirectUri);
    return {
      name: 'registration',
      status: 'failed',
      code: 'redirect_uri_not_registered',
      message: wrongPlatform
        ? `The redirect URI ${redirectUri} is registered as a single-page or mobile app URI, not under Web: users signing in would meet AADSTS50011 (or a cross-origin error).${assignmentNote}`
        : `The redirect URI ${redirectUri} is not registered on the app: users signing in would meet AADSTS50011.${assignmentNote}`,
      fix: `In the Microsoft Entra admin center: App registrations → the app → Authentication → Web → add exactly ${redirectUri}.`,
      details,
    };
  }
  return {
    name: 'registration',
    status: 'passed',
    message: `The redirect URI is registered under Web.${assignmentNote}`,
    ...(assignmentNote ? { fix: 'Assign the users or groups who should connect (Enterprise applications → the app → Users and groups), or set "Assignment required?" to No.' } : {}),
    details,
  };
}
