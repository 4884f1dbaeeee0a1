/** "Dana Reyes" or "dana.reyes@contoso.com" → "DR": the letters an avatar shows. */
export function initials(name: string): string {
  const parts = name.replace(/@.*/, '').split(/[\s._-]+/).filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts[1]?.[0] ?? '')).toUpperCase();
}
