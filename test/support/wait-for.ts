// Waits for a condition by polling it, never for a fixed time; fails after `limitMs` naming what it waited for.
export async function waitFor(condition: () => Promise<boolean> | boolean, what: string, limitMs = 60_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
