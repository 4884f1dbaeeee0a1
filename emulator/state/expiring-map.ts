/** A map whose entries lapse after a time on the emulator clock; lapsed entries are purged as new ones arrive. */
export class ExpiringMap<V> {
  private entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly now: () => number,
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  set(key: string, value: V): void {
    if (this.entries.size >= this.maxEntries) this.purge();
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
  }

  /** The entry even when lapsed, with whether it has lapsed (callers answer "expired" differently from "unknown"). */
  peek(key: string): { value: V; expired: boolean } | undefined {
    const entry = this.entries.get(key);
    return entry ? { value: entry.value, expired: entry.expiresAt <= this.now() } : undefined;
  }

  get(key: string): V | undefined {
    const found = this.peek(key);
    return found && !found.expired ? found.value : undefined;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private purge(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
