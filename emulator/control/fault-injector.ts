// Injected failures for resilience tests: the next `count` requests whose method and path match answer `status`
// (with Retry-After and a delay when asked), then the rule is spent. The default body has Microsoft's shape for
// a transient failure (temporarily_unavailable / server_error with trace ids).
export interface FaultRule {
  method?: string;
  /** A regular expression source matched against the request path (no query string). */
  pathPattern: string;
  status: number;
  count: number;
  retryAfter?: number;
  delayMs?: number;
  body?: unknown;
}

interface ActiveFault extends FaultRule {
  regex: RegExp;
  remaining: number;
}

export class FaultInjector {
  private faults: ActiveFault[] = [];

  add(rule: FaultRule): void {
    this.faults.push({ ...rule, regex: new RegExp(rule.pathPattern), remaining: rule.count });
  }

  /** Consumes one use of the first matching rule. */
  take(method: string, path: string): FaultRule | undefined {
    const fault = this.faults.find((f) => f.remaining > 0 && (!f.method || f.method.toUpperCase() === method) && f.regex.test(path));
    if (!fault) return undefined;
    fault.remaining--;
    this.faults = this.faults.filter((f) => f.remaining > 0);
    return fault;
  }

  list(): FaultRule[] {
    return this.faults.map(({ regex: _regex, remaining, ...rule }) => ({ ...rule, count: remaining }));
  }

  clear(): void {
    this.faults = [];
  }
}
