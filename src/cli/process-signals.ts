// Long-running commands stop gracefully on SIGTERM / SIGINT; a second signal forces the exit.
export function onShutdownSignal(stop: (signal: NodeJS.Signals) => Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    let stopping = false;
    const handler = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(1);
      stopping = true;
      void stop(signal).finally(resolve);
    };
    process.once('SIGTERM', handler);
    process.once('SIGINT', handler);
  });
}
