// The HTML pages of the interactive flows: sign-in, account picker, consent, "Need admin approval", admin
// consent, errors, signed out, and the auto-submitting form of response_mode=form_post.
import { html, type SafeHtml } from './html.js';
import { initials, pageShell } from './page-shell.js';

export interface PermissionLine {
  title: string;
  description: string;
}

export interface Account {
  displayName: string;
  userPrincipalName: string;
}

const identity = (account: Account) =>
  html`<div class="identity"><span class="avatar">${initials(account.displayName)}</span><span>${account.userPrincipalName}</span></div>`;

const permissionList = (lines: PermissionLine[]) =>
  html`<ul class="permissions">${lines.map((l) => html`<li><div class="title">${l.title}</div><div class="desc">${l.description}</div></li>`)}</ul>`;

export function signInPage(input: { actionUrl: string; ctx: string; appName: string; loginHint?: string; error?: string; accounts?: Account[] }): string {
  const picker = input.accounts?.length
    ? html`<p>Pick an account</p>${input.accounts.map(
        (a) => html`<form method="post" action="${input.actionUrl}"><input type="hidden" name="ctx" value="${input.ctx}"><input type="hidden" name="action" value="continue">
<input type="hidden" name="login" value="${a.userPrincipalName}"><button class="tile" type="submit" data-testid="account-tile"><span class="avatar" style="width:32px;height:32px;border-radius:50%;background:#dbe7f7;display:flex;align-items:center;justify-content:center">${initials(a.displayName)}</span><span><div>${a.displayName}</div><div class="muted">${a.userPrincipalName} · Signed in</div></span></button></form>`,
      )}<p class="muted" style="margin-top:14px">Or sign in with another account:</p>`
    : '';
  return pageShell(
    'Sign in to your account',
    html`<h1>Sign in</h1><p class="muted">to continue to ${input.appName}</p>${picker}
<form method="post" action="${input.actionUrl}" autocomplete="off">
<input type="hidden" name="ctx" value="${input.ctx}"><input type="hidden" name="action" value="signin">
${input.error ? html`<div class="error" role="alert" id="usernameError">${input.error}</div>` : ''}
<label for="i0116">Email or username</label>
<input type="email" id="i0116" name="login" value="${input.loginHint ?? ''}" placeholder="someone@example.com" aria-label="Email" required>
<label for="i0118">Password</label>
<input type="password" id="i0118" name="passwd" placeholder="Password" aria-label="Password" required>
<div class="actions"><button class="primary" type="submit" id="idSIButton9">Sign in</button></div>
</form>`,
  );
}

export function consentPage(input: {
  actionUrl: string;
  ctx: string;
  appName: string;
  publisherDomain: string;
  account: Account;
  permissions: PermissionLine[];
  offerOrgConsent: boolean;
}): string {
  return pageShell(
    'Permissions requested',
    html`${identity(input.account)}<h1>Permissions requested</h1>
<p><strong>${input.appName}</strong><br><span class="muted">${input.publisherDomain}</span></p>
<p>This app would like to:</p>${permissionList(input.permissions)}
<form method="post" action="${input.actionUrl}"><input type="hidden" name="ctx" value="${input.ctx}">
${input.offerOrgConsent ? html`<label class="checkbox"><input type="checkbox" name="consentForOrg" value="on" id="consentForOrg"><span>Consent on behalf of your organization</span></label>` : ''}
<p class="muted">Accepting these permissions means that you allow this app to use your data as specified in their terms of service and privacy statement. You can change these permissions in your account settings.</p>
<div class="actions"><button class="secondary" type="submit" name="action" value="cancel" id="idBtn_Back">Cancel</button><button class="primary" type="submit" name="action" value="accept" id="idSIButton9">Accept</button></div>
</form>`,
  );
}

export function adminConsentPage(input: { actionUrl: string; ctx: string; appName: string; publisherDomain: string; account: Account; delegated: PermissionLine[]; application: PermissionLine[] }): string {
  return pageShell(
    'Permissions requested: review for your organization',
    html`${identity(input.account)}<h1>Permissions requested</h1><p class="muted">Review for your organization</p>
<p><strong>${input.appName}</strong><br><span class="muted">${input.publisherDomain}</span></p>
<p>This app would like to:</p>
${input.application.length ? html`<div class="section">Application permissions (no signed-in user)</div>${permissionList(input.application)}` : ''}
${input.delegated.length ? html`<div class="section">Delegated permissions (for every user of your organization)</div>${permissionList(input.delegated)}` : ''}
<p class="muted">If you accept, this app will get access to the specified resources for all users in your organization. No one else will be prompted to review these permissions.</p>
<form method="post" action="${input.actionUrl}"><input type="hidden" name="ctx" value="${input.ctx}">
<div class="actions"><button class="secondary" type="submit" name="action" value="cancel" id="idBtn_Back">Cancel</button><button class="primary" type="submit" name="action" value="accept" id="idSIButton9">Accept</button></div></form>`,
  );
}

export function needAdminApprovalPage(input: { actionUrl: string; ctx: string; appName: string; account: Account; permissions: PermissionLine[] }): string {
  return pageShell(
    'Need admin approval',
    html`${identity(input.account)}<h1>Need admin approval</h1>
<p><strong>${input.appName}</strong></p>
<p>${input.appName} needs permission to access resources in your organization that only an admin can grant. Please ask an admin to grant permission to this app before you can use it.</p>
${permissionList(input.permissions)}
<form method="post" action="${input.actionUrl}"><input type="hidden" name="ctx" value="${input.ctx}">
<p><button class="link" type="submit" name="action" value="switch" id="adminSignIn">Have an admin account? Sign in with that account</button></p>
<p><button class="link" type="submit" name="action" value="return" id="returnToApp">Return to the application without granting consent</button></p></form>`,
  );
}

/**
 * "Approval required": the admin consent workflow is on, so the user may ask an admin for approval with a
 * justification (https://learn.microsoft.com/entra/identity/enterprise-apps/admin-consent-workflow-overview).
 * The two link buttons skip the form's validation: only "Request approval" needs the justification.
 */
export function approvalRequiredPage(input: { actionUrl: string; ctx: string; appName: string; account: Account; permissions: PermissionLine[]; error?: string; justification?: string }): string {
  return pageShell(
    'Approval required',
    html`${identity(input.account)}<h1>Approval required</h1>
<p><strong>${input.appName}</strong></p>
<p>This app requires your admin's approval to:</p>
${permissionList(input.permissions)}
<form method="post" action="${input.actionUrl}"><input type="hidden" name="ctx" value="${input.ctx}">
<label for="justification">Enter justification for requesting this app</label>
${input.error ? html`<div class="error" role="alert" id="justificationError">${input.error}</div>` : ''}
<textarea id="justification" name="justification" rows="4" maxlength="${String(maxJustificationLength)}" required>${input.justification ?? ''}</textarea>
<div class="actions"><button class="primary" type="submit" name="action" value="request" id="requestApproval">Request approval</button></div>
<p><button class="link" type="submit" name="action" value="switch" id="adminSignIn" formnovalidate>Have an admin account? Sign in with that account</button></p>
<p><button class="link" type="submit" name="action" value="return" id="returnToApp" formnovalidate>Return to the application without granting consent</button></p></form>`,
  );
}

/** After "Request approval", or when this user's earlier request for the app is still waiting. */
export function approvalRequestedPage(input: { actionUrl: string; ctx: string; appName: string; account: Account; requestedAt: string; alreadyPending: boolean }): string {
  const title = input.alreadyPending ? 'Request pending' : 'Request sent';
  return pageShell(
    title,
    html`${identity(input.account)}<h1>${title}</h1>
<p><strong>${input.appName}</strong></p>
<p>${input.alreadyPending ? 'You already asked an admin to approve this app' : 'Your request for approval was sent to your admin'} (requested ${new Date(input.requestedAt).toUTCString()}). You can use the app once an admin approves it.</p>
<form method="post" action="${input.actionUrl}"><input type="hidden" name="ctx" value="${input.ctx}">
<div class="actions"><button class="primary" type="submit" name="action" value="return" id="returnToApp">Return to the application</button></div></form>`,
  );
}

export const maxJustificationLength = 1000;

export function errorPage(input: { title: string; code?: number; message: string; details: Record<string, string> }): string {
  const details: SafeHtml[] = Object.entries(input.details).map(([k, v]) => html`<div>${k}: ${v}</div>`);
  return pageShell(
    input.title,
    html`<h1>${input.title}</h1><p>${input.code ? `AADSTS${input.code}: ` : ''}${input.message}</p>
<div class="details" data-testid="error-details"><div><strong>Troubleshooting details</strong></div>${details}</div>`,
  );
}

export function signedOutPage(): string {
  return pageShell('Signed out', html`<h1>You signed out of your account</h1><p>It's a good idea to close all browser windows.</p>`);
}

export function formPostPage(action: string, fields: Record<string, string>): string {
  return html`<!doctype html><html><head><title>Working...</title></head><body onload="document.forms[0].submit()">
<form method="POST" name="hiddenform" action="${action}">${Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<noscript><p>Script is disabled. Click Submit to continue.</p><input type="submit" value="Submit"></noscript></form></body></html>`.value;
}

/**
 * The second-factor step of a sign-in that conditional access asked MFA for: "Enter code" for a user with a
 * registered method (Microsoft's verification code page, field `otc`), or "More information required" for one
 * who must first set up a method (the registration interrupt; the emulator registers an authenticator app code).
 */
export function secondFactorPage(input: { actionUrl: string; ctx: string; account: Account; register: boolean; error?: string }): string {
  const intro = input.register
    ? html`<h1>More information required</h1><p>Your organization needs more information to keep your account secure.</p>
<p class="muted">Set up the authenticator app: enter the code it shows (in the emulator the code is always ${emulatorVerificationCode}).</p>`
    : html`<h1>Enter code</h1><p>Enter the code displayed in the authenticator app on your mobile device.</p>
<p class="muted">In the emulator the code is always ${emulatorVerificationCode}.</p>`;
  return pageShell(
    input.register ? 'More information required' : 'Enter code',
    html`${identity(input.account)}${intro}
<form method="post" action="${input.actionUrl}" autocomplete="off"><input type="hidden" name="ctx" value="${input.ctx}">
${input.error ? html`<div class="error" role="alert" id="idSpan_SAOTCC_Error_OTC">${input.error}</div>` : ''}
<label for="idTxtBx_SAOTCC_OTC">Code</label>
<input type="text" inputmode="numeric" id="idTxtBx_SAOTCC_OTC" name="otc" placeholder="Code" aria-label="Code" autocomplete="one-time-code" required>
<div class="actions"><button class="primary" type="submit" id="idSubmit_SAOTCC_Continue">Verify</button></div></form>`,
  );
}

/** The one verification code the emulator accepts (documented on docs/emulator-parity.md). */
export const emulatorVerificationCode = '123456';
