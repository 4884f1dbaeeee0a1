// A start refused for a reason the operator must fix in the setup (a key ring that opens none of the stored
// secrets, a port already taken): the CLI prints the message alone and exits 2, as for bad configuration.
export class StartupError extends Error {
  constructor(
    readonly code: 'key_ring_mismatch' | 'port_in_use' | 'port_not_permitted',
    message: string,
  ) {
    super(message);
    this.name = 'StartupError';
  }
}
