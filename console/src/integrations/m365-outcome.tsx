// The end of a Microsoft 365 browser flow: the hub sends the browser back with ?m365_connected=1,
// ?m365_admin_consent=1 or ?m365_error=<code>. The outcome is read once, kept for the page, and taken out of the
// address so a reload or a shared link does not announce it again.
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

export type FlowOutcome = { kind: 'connected' } | { kind: 'admin-consent' } | { kind: 'error'; code: string };

const PARAMS = ['m365_connected', 'm365_admin_consent', 'm365_error'];

export function useFlowOutcome(): [FlowOutcome | null, () => void] {
  const [params, setParams] = useSearchParams();
  const [outcome, setOutcome] = useState<FlowOutcome | null>(() => outcomeOf(params));

  useEffect(() => {
    const next = outcomeOf(params);
    if (!next) return;
    setOutcome(next);
    const cleaned = new URLSearchParams(params);
    for (const name of PARAMS) cleaned.delete(name);
    setParams(cleaned, { replace: true });
  }, [params, setParams]);

  return [outcome, () => setOutcome(null)];
}

function outcomeOf(params: URLSearchParams): FlowOutcome | null {
  const error = params.get('m365_error');
  if (error) return { kind: 'error', code: /^[a-z0-9_]{1,64}$/.test(error) ? error : 'unknown_error' };
  if (params.get('m365_connected') === '1') return { kind: 'connected' };
  if (params.get('m365_admin_consent') === '1') return { kind: 'admin-consent' };
  return null;
}

/**
 * Who reads the outcome, and after which flow: a workspace admin can grant admin consent from the page (the link is
 * given), a member asks one. The integration settings page is where admin consent returns (`admin_consent`); a
 * user's own integrations page is where connecting returns (`connect`).
 */
export type FlowReader = { role: 'admin'; adminConsentHref: string; flow: 'connect' | 'admin_consent' } | { role: 'member' };

export interface FlowErrorWords {
  title: string;
  fix: string;
  /** What the reader can do about it from here (a workspace admin: grant admin consent). */
  action?: { label: string; href: string };
}

/**
 * What a connect or consent error code means for the person who just tried, in the hub's catalogue wording. Only the
 * codes a person can meet at the end of a browser flow; anything else reads as a generic failure with its code.
 */
const ERRORS: Record<string, { title: string; fix: string }> = {
  consent_declined: { title: 'The connection was cancelled or not approved', fix: 'Connect again and choose Accept on the Microsoft permissions page.' },
  user_not_assigned: { title: 'Your account is not assigned to this app in Microsoft Entra', fix: 'Ask your Microsoft 365 administrator to assign you to the app (Enterprise applications → Users and groups).' },
  redirect_uri_mismatch: { title: "The app registration does not list m365hub's redirect URI", fix: 'A workspace admin adds the redirect URI shown in Settings → Integrations to the app registration.' },
  refresh_token_missing: { title: 'Missing access_token or refresh_token in token response', fix: 'offline_access must be granted: connect again and accept every permission.' },
  state_expired: { title: 'The sign-in took too long and expired', fix: 'Connect again and finish signing in within 10 minutes.' },
  state_invalid: { title: 'This sign-in answer is unknown or was already used', fix: 'Connect again; each sign-in link works once.' },
  state_missing: { title: 'The sign-in answer is incomplete', fix: 'Connect again from this page.' },
  browser_mismatch: { title: 'The sign-in was finished in a different browser', fix: 'Connect again and finish it in the same browser (allow cookies for this site).' },
  user_not_in_tenant: { title: 'Your account does not belong to the organisation this integration is set up for', fix: 'Sign in with an account of that organisation.' },
  integration_not_configured: { title: 'Microsoft 365 is not set up for this workspace yet', fix: 'A workspace admin configures the integration in Settings → Integrations first.' },
  no_delegated_services: { title: 'This workspace uses Microsoft 365 only without signed-in users', fix: 'A workspace admin enables a service in delegated mode to let users connect.' },
};

/** Microsoft wants an administrator's consent (AADSTS90094 / 65001): who can give it depends on who reads this. */
const NEEDS_ADMIN: Record<string, string> = {
  admin_approval_required: 'An administrator of your Microsoft 365 organisation must approve this app first.',
  consent_required: 'The permissions this app needs have not been granted in your Microsoft 365 organisation.',
};

export function describeFlowError(code: string, reader: FlowReader = { role: 'member' }): FlowErrorWords {
  const grant = reader.role === 'admin' ? { label: 'Grant admin consent', href: reader.adminConsentHref } : undefined;
  const needsAdmin = NEEDS_ADMIN[code];
  if (needsAdmin) {
    return reader.role === 'admin'
      ? { title: 'Approval required', fix: `${needsAdmin} As a workspace admin you can grant admin consent now (sign in at Microsoft as an administrator of the organisation), then connect again.`, action: grant! }
      : {
          title: 'Approval required',
          fix: `${needsAdmin} Ask your workspace admin to grant admin consent, then connect again. If Microsoft let you request approval, your request is already with your administrators.`,
        };
  }
  if (code === 'consent_declined' && reader.role === 'admin' && reader.flow === 'admin_consent') {
    return {
      title: 'Admin consent was not granted',
      fix: 'Admin consent was cancelled or not approved, so nothing was granted for the organisation. Start admin consent again, sign in as an administrator of the tenant and choose Accept.',
      action: { label: 'Start admin consent again', href: reader.adminConsentHref },
    };
  }
  return ERRORS[code] ?? { title: 'Microsoft 365 was not connected', fix: 'Try again. If it keeps failing, send the code below to your workspace admin.' };
}

/** A connection's needs_reconnect reason in words. */
const RECONNECT_REASONS: Record<string, string> = {
  refresh_token_expired: 'The connection expired after a long period without use.',
  session_revoked: "Your Microsoft sessions were revoked (for example after a password change), which ended this connection.",
  consent_required: 'The permissions this app needs are no longer granted.',
  admin_approval_required: 'An administrator must approve this app again.',
  user_not_assigned: 'Your account is no longer assigned to this app.',
  user_disabled: 'Your Microsoft account is disabled.',
  invalid_grant: 'Microsoft no longer accepts the stored sign-in.',
  interaction_required: 'Microsoft needs you to sign in again.',
  mfa_required: 'Your organisation now requires multifactor authentication for this app.',
  blocked_by_conditional_access: "Your organisation's Conditional Access policy blocks this connection.",
};

export function reconnectReason(reason: string | null): string {
  return (reason && RECONNECT_REASONS[reason]) || 'Microsoft no longer accepts this connection.';
}
