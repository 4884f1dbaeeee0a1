// Long-running commands stop gracefully on SIGTERM / SIGINT; a second signal forces the exit.
//
// The handlers are installed before the command says it is ready ("listening on …"): a supervisor (or a test) may
// send SIGTERM the moment it reads that line, and a signal that arrives before Node has a listener for it takes the
// default action, killing the process without its graceful stop.

/** Starts listening for SIGTERM / SIGINT now; resolves with the first one. A second signal exits at once with 1. */
export function listenForShutdown(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const handler = (signal: NodeJS.Signals) => {
      if (received) process.exit(1);
      received = true;
      resolve(signal);
    };
    process.on('SIGTERM', handler);
    process.on('SIGINT', handler);
  });
}
