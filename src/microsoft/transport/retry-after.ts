// The one Retry-After parser of the product. RFC 9110 §10.2.3 allows delay-seconds or an HTTP-date; Microsoft Graph
// sends seconds, sometimes fractional ("2.128", see https://learn.microsoft.com/en-us/graph/throttling), and the
// identity platform sends whole seconds. A date in the past means "now" (0).

/** Seconds to wait, or undefined when the header is absent or unreadable. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text);
  // Only HTTP-dates: Date.parse alone would read "12" or "soon 5" as dates.
  if (!/^[A-Za-z]{3},? /.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - nowMs) / 1000);
}

/** From a response's headers. */
export function retryAfterOf(response: Pick<Response, 'headers'>, nowMs?: number): number | undefined {
  return parseRetryAfter(response.headers.get('retry-after'), nowMs);
}
