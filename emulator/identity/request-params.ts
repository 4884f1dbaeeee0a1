// Protocol parameters from a query string or an x-www-form-urlencoded body. Entra ID rejects a parameter sent
// twice (AADSTS9000411) and treats an empty one as absent (RFC 6749 section 3.1), so parsing keeps both facts.

export interface ProtocolParams {
  get(name: string): string | undefined;
  has(name: string): boolean;
  /** The first parameter name that appears more than once with a value, if any. */
  duplicated: string | undefined;
  entries(): [string, string][];
}

export function parseProtocolParams(raw: string): ProtocolParams {
  const values = new Map<string, string>();
  let duplicated: string | undefined;
  for (const [name, value] of new URLSearchParams(raw)) {
    if (value === '') continue;
    if (values.has(name)) duplicated ??= name;
    else values.set(name, value);
  }
  return {
    get: (name) => values.get(name),
    has: (name) => values.has(name),
    duplicated,
    entries: () => [...values.entries()],
  };
}

/** The raw query string of a request URL (without `?`). */
export function rawQuery(url: string): string {
  const i = url.indexOf('?');
  return i < 0 ? '' : url.slice(i + 1);
}
