// Client capabilities a token request declares in its `claims` parameter, e.g. MSAL's clientCapabilities ['cp1']:
// {"access_token":{"xms_cc":{"values":["cp1"]}}}. A client that declares cp1 can handle claims challenges, so its
// access tokens carry `xms_cc` and Graph evaluates them continuously
// (https://learn.microsoft.com/entra/identity-platform/app-resilience-continuous-access-evaluation).
import type { ProtocolParams } from './request-params.js';

export function declaredClientCapabilities(params: ProtocolParams): string[] {
  const raw = params.get('claims');
  if (!raw) return [];
  try {
    const values = (JSON.parse(raw) as { access_token?: { xms_cc?: { values?: unknown } } }).access_token?.xms_cc?.values;
    return Array.isArray(values) ? values.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return []; // a malformed claims parameter is ignored, as the other parameters the emulator does not act on
  }
}
