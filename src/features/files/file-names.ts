// A file's name as Microsoft gives it is metadata, shown to people and sent in Content-Disposition: it never
// becomes a path (document storage keys are our ids). Stored safely: control characters (NUL included, which
// PostgreSQL text refuses) and bidirectional overrides (U+202A–U+202E, U+2066–U+2069: "invoice‮fdp.exe" shown as
// "invoiceexe.pdf") are dropped, and the name is cut to 255 characters, keeping its extension.
const UNSAFE = /[\p{Cc}\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/gu;
const MAX_NAME = 255;

export function safeFileName(name: string): string {
  const cleaned = name.replace(UNSAFE, '').trim();
  if (!cleaned) return 'file';
  const chars = [...cleaned];
  if (chars.length <= MAX_NAME) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? [...cleaned.slice(dot)] : [];
  const keep = extension.length > 0 && extension.length <= 16 ? extension : [];
  return chars.slice(0, MAX_NAME - keep.length).join('') + keep.join('');
}

/**
 * Content-Disposition for a download (RFC 6266): an ASCII fallback with quotes and backslashes replaced, and the
 * exact name in `filename*` (RFC 8187, UTF-8 percent-encoded).
 */
export function attachmentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
