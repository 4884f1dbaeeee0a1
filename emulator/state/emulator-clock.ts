// The clock that expiry decisions use (codes, refresh tokens, secrets, inactivity, session revocation).
// Tests move it forward through POST /_emulator/clock instead of sleeping. Newly issued JWTs keep real-time
// iat/nbf/exp so unmodified client libraries, which compare against their own wall clock, still accept them; Graph
// judges their lifetime on this clock through the offset each was issued at (token-minter.ts).
export class EmulatorClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  /** How far the emulator clock is ahead of real time. */
  get offsetMillis(): number {
    return this.offsetMs;
  }

  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
