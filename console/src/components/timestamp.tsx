import { formatAbsolute, formatRelative } from '../format/dates.js';

/** A time as people read it ("5 minutes ago"), with the exact UTC-backed moment on hover and for machines. */
export function Timestamp({ iso, empty = '—' }: { iso: string | null | undefined; empty?: string }) {
  if (!iso) return <span className="muted">{empty}</span>;
  return (
    <time dateTime={iso} title={formatAbsolute(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
