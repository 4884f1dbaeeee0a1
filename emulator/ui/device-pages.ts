// The pages of the device authorization grant: "Enter code" (the page behind https://microsoft.com/devicelogin,
// whose form field is `otc`), and the confirmation shown once the user signed in or declined.
import { html } from './html.js';
import { pageShell } from './page-shell.js';

export function deviceCodeEntryPage(input: { actionUrl: string; error?: string; code?: string }): string {
  return pageShell(
    'Enter code',
    html`<h1>Enter code</h1><p class="muted">Enter the code displayed on your app or device.</p>
<form method="get" action="${input.actionUrl}" autocomplete="off">
${input.error ? html`<div class="error" role="alert" id="otcError">${input.error}</div>` : ''}
<label for="otc">Code</label>
<input type="text" id="otc" name="otc" value="${input.code ?? ''}" placeholder="Code" aria-label="Code" required>
<div class="actions"><button class="primary" type="submit" id="idSIButton9">Next</button></div>
</form>`,
  );
}

export function deviceSignedInPage(input: { appName: string; approved: boolean }): string {
  return input.approved
    ? pageShell(
        'Signed in',
        html`<h1 data-testid="device-done">${input.appName}</h1><p>You have signed in to the ${input.appName} application on your device. You may now close this window.</p>`,
      )
    : pageShell('Sign-in cancelled', html`<h1 data-testid="device-done">${input.appName}</h1><p>You cancelled the sign-in on your device. You may now close this window.</p>`);
}
