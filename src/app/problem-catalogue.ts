// The one catalogue of problem codes: the platform's, then each feature's own (declared in its problems.ts), then the
// identity catalogue's (a token the hub could not get). A code defined twice fails at start-up, so a code has
// exactly one owner, status, title and default detail.
import { ProblemCatalogue } from '../platform/http/problem-catalogue.js';
import { COMPLIANCE_PROBLEMS } from '../features/compliance/index.js';
import { CONNECT_PROBLEMS } from '../features/connect/index.js';
import { CONSENT_REQUEST_PROBLEMS } from '../features/consent-requests/index.js';
import { CONSOLE_AUTH_PROBLEMS } from '../features/console-auth/index.js';
import { FILES_PROBLEMS } from '../features/files/index.js';
import { INTEGRATION_PROBLEMS } from '../features/integrations/index.js';
import { TOKEN_PROBLEMS } from '../features/tokens/index.js';
import { WEBHOOK_PROBLEMS } from '../features/webhooks/index.js';
import { WORKSPACE_PROBLEMS } from '../features/workspaces/index.js';
import { SUBSCRIPTION_PROBLEMS } from '../features/subscriptions/index.js';
import { ACTION_PROBLEMS } from '../features/actions/index.js';
import { PROXY_PROBLEMS } from '../features/proxy/index.js';
import { PICKER_PROBLEMS } from '../features/picker/index.js';
import { SITE_GRANT_PROBLEMS } from '../features/site-grants/index.js';
import { TENANT_PROBLEMS } from '../features/tenants/index.js';
import { IDENTITY_PROBLEMS } from '../microsoft/identity/index.js';

export function hubProblemCatalogue(): ProblemCatalogue {
  return new ProblemCatalogue([CONSOLE_AUTH_PROBLEMS, WORKSPACE_PROBLEMS, INTEGRATION_PROBLEMS, CONNECT_PROBLEMS, WEBHOOK_PROBLEMS, TOKEN_PROBLEMS, CONSENT_REQUEST_PROBLEMS, SUBSCRIPTION_PROBLEMS, ACTION_PROBLEMS, PROXY_PROBLEMS, FILES_PROBLEMS, COMPLIANCE_PROBLEMS, PICKER_PROBLEMS, TENANT_PROBLEMS, SITE_GRANT_PROBLEMS, IDENTITY_PROBLEMS]);
}
