// Snapshots never hold secrets. Collectors `$select` only configuration, but a hand-made or imported snapshot may
// carry Graph properties that are secret material (a password profile, a client secret's text, a certificate's
// key bytes); they are dropped before anything is hashed or stored.
// https://learn.microsoft.com/en-us/graph/api/resources/passwordcredential, .../keycredential, .../passwordprofile
const SECRET_PROPERTIES = new Set(['secrettext', 'password', 'passwordprofile', 'clientsecret', 'key', 'accesstoken', 'refreshtoken', 'hashedsecret']);

/** Property names seen, with the answer: a sync asks for the same few names millions of times. */
const seen = new Map<string, boolean>();

/** Whether a property (at any depth) is secret material a snapshot never keeps. */
export function isSecretProperty(key: string): boolean {
  let secret = seen.get(key);
  if (secret === undefined) {
    secret = SECRET_PROPERTIES.has(key.toLowerCase());
    // Bounded: names come from Graph and from files people import, not from an endless supply.
    if (seen.size < 10_000) seen.set(key, secret);
  }
  return secret;
}

export function withoutSecrets<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutSecrets) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) if (!isSecretProperty(key)) out[key] = withoutSecrets(v);
    return out as T;
  }
  return value;
}
