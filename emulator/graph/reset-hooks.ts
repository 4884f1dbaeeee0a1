// State the Graph half keeps outside the emulator context (drives' writes, throttling budgets) is cleared by
// POST /_emulator/reset too: each part registers what to clear, run after the context's own reset.
import type { EmulatorContext } from '../server/emulator-context.js';

const hooks = new WeakMap<EmulatorContext, Array<() => void>>();

export function onEmulatorReset(ctx: EmulatorContext, clear: () => void): void {
  let list = hooks.get(ctx);
  if (!list) {
    const registered: Array<() => void> = [];
    hooks.set(ctx, (list = registered));
    const resetContext = ctx.reset.bind(ctx);
    ctx.reset = () => {
      resetContext();
      for (const hook of registered) hook();
    };
  }
  list.push(clear);
}
