// How long Microsoft lets a subscription live per resource ("Maximum length of subscription per resource type",
// https://learn.microsoft.com/graph/api/resources/subscription), and so when the hub renews it. A resource the hub
// does not know is refused up front with a clear problem rather than by Graph after a round trip.

interface LifetimeRule {
  pattern: RegExp;
  maxMinutes: number;
}

const RULES: LifetimeRule[] = [
  { pattern: /^(users|groups)(\/[^/]+)?$/i, maxMinutes: 41_760 },
  { pattern: /^(me|users\/[^/]+)\/(mailFolders\('?[^/']+'?\)\/)?messages$/i, maxMinutes: 4_230 },
  { pattern: /^(me|users\/[^/]+)\/events$/i, maxMinutes: 4_230 },
  { pattern: /^(me\/drive|drives\/[^/]+)\/root$/i, maxMinutes: 42_300 },
  { pattern: /^teams\/[^/]+\/channels\/[^/]+\/messages$/i, maxMinutes: 60 },
];

/** Asking for a few minutes less than the maximum keeps a small clock difference from making Graph refuse it. */
const SAFETY_MINUTES = 5;

export function normaliseResource(resource: string): string {
  return resource.trim().replace(/^\/+/, '').replace(/\/+$/, '');
}

export function maxLifetimeMinutes(resource: string): number | undefined {
  const path = normaliseResource(resource);
  return RULES.find((rule) => rule.pattern.test(path))?.maxMinutes;
}

export function expirationFor(maxMinutes: number, now: Date): Date {
  return new Date(now.getTime() + Math.max(1, maxMinutes - SAFETY_MINUTES) * 60_000);
}

/** Renew once half the lifetime has passed, and at least a day ahead for the long-lived ones. */
export function renewalDueAt(expiresAt: Date, maxMinutes: number): Date {
  const window = Math.min(maxMinutes / 2, 24 * 60) * 60_000;
  return new Date(expiresAt.getTime() - window);
}
