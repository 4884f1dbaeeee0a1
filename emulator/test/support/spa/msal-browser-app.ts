// The single-page application of msal-browser.test.ts, bundled by esbuild for Chromium: an unmodified
// @azure/msal-browser PublicClientApplication configured for the emulator (settings on docs/emulator-parity.md),
// driven by the test through window.spa. Results are reduced to JSON the test can read back.
import { PublicClientApplication, type AuthenticationResult } from '@azure/msal-browser';

interface SpaSettings {
  clientId: string;
  authority: string;
  /** The emulator's host: a known authority, so msal reads its discovery document instead of Microsoft's instance discovery. */
  knownAuthority: string;
  redirectUri: string;
}

const settings = (window as unknown as { spaSettings: SpaSettings }).spaSettings;
const pca = new PublicClientApplication({
  auth: { clientId: settings.clientId, authority: settings.authority, knownAuthorities: [settings.knownAuthority], redirectUri: settings.redirectUri },
  cache: { cacheLocation: 'sessionStorage' },
});
const ready = pca.initialize();

const summary = (r: AuthenticationResult) => ({
  accessToken: r.accessToken,
  username: r.account.username,
  tenantId: r.account.tenantId,
  idTokenClaims: r.idTokenClaims,
  fromCache: r.fromCache,
  scopes: r.scopes,
});

const scopes = ['User.Read'];

(window as unknown as { spa: unknown }).spa = {
  async loginPopup() {
    await ready;
    const result = await pca.loginPopup({ scopes });
    pca.setActiveAccount(result.account);
    return summary(result);
  },
  async acquireTokenSilent(forceRefresh: boolean) {
    await ready;
    return summary(await pca.acquireTokenSilent({ scopes, account: pca.getActiveAccount()!, forceRefresh }));
  },
  async acquireTokenSilentError() {
    await ready;
    try {
      await pca.acquireTokenSilent({ scopes, account: pca.getActiveAccount()!, forceRefresh: true });
      return undefined;
    } catch (error) {
      const e = error as { name: string; errorCode: string; errorMessage: string; subError: string };
      return { name: e.name, errorCode: e.errorCode, errorMessage: e.errorMessage, subError: e.subError };
    }
  },
};
