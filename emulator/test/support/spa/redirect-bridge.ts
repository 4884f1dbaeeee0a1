// The SPA's redirect URI page: msal-browser 5 hands the response in the popup to the window that opened it
// through its redirect bridge (@azure/msal-browser/redirect-bridge).
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

void broadcastResponseToMainFrame();
