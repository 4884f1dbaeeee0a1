// Entra ID P2 decides whether risk-based and PIM policies can apply: ScubaGear reads it from the service plans of
// the tenant's subscriptions (AAD_PREMIUM_P2), and fails the P2-only policies when it is absent.
// https://learn.microsoft.com/en-us/entra/identity/users/licensing-service-plan-reference
import type { TenantSnapshot } from '../snapshot.js';
import { objects, text } from './graph-values.js';

export function hasEntraIdP2(snapshot: TenantSnapshot): boolean {
  return objects(snapshot.areas.directory?.subscribedSkus).some((sku) =>
    objects(sku.servicePlans).some((plan) => text(plan, 'servicePlanName') === 'AAD_PREMIUM_P2'),
  );
}

export const P2_MISSING = 'The tenant has no Microsoft Entra ID P2 licence (service plan AAD_PREMIUM_P2), which this policy requires.';
