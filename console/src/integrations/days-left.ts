// How many days a credential has left, computed once for every place that shows it (the credential's summary, the
// expiry banner), the way the hub counts them for its 30/7/1-day warnings: whole days, a started day counting.
const DAY_MS = 24 * 3600 * 1000;

/** Days until `expiresAt` (0 or less once expired), or null when the expiry is unknown. */
export function daysLeft(expiresAt: string | null, now = Date.now()): number | null {
  if (!expiresAt) return null;
  return Math.ceil((new Date(expiresAt).getTime() - now) / DAY_MS);
}

/** "expires in 5 days", "expires within a day", "expired 2 days ago": the words that go with daysLeft. */
export function expiryPhrase(left: number): string {
  if (left <= 0) return left === 0 ? 'expired today' : `expired ${-left} day${left === -1 ? '' : 's'} ago`;
  if (left === 1) return 'expires within a day';
  return `expires in ${left} days`;
}
