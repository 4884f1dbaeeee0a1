// The clock that expiry decisions use (codes, refresh tokens, secrets, inactivity, session revocation).
// Tests move it forward through POST /_emulator/clock instead of sleeping. Newly issued JWTs keep real-time
// iat/nbf/exp so unmodified client libraries, which compare against their own wall clock, still accept them.
export class EmulatorClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(seconds: number): void {
    this.offsetMs += seconds * 1000;
  }

  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
