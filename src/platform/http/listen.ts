// Binds the HTTP server, turning the two bind failures an operator meets (the port is taken; a port below 1024
// without the right) into a start refused with what to do, instead of a stack trace.
import type { FastifyInstance } from 'fastify';
import { StartupError } from '../errors/startup-error.js';

export async function listenOrExplain(server: FastifyInstance, host: string, port: number): Promise<void> {
  try {
    await server.listen({ host, port });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new StartupError(
        'port_in_use',
        `Port ${port} on ${host} is already in use (another m365hub, or another program, is listening there). ` +
          'Stop it, or choose another port with M365HUB_PORT (0 picks a free one).',
      );
    }
    if (code === 'EACCES') {
      throw new StartupError('port_not_permitted', `This user may not listen on port ${port} on ${host}. Choose a port above 1023 with M365HUB_PORT, or run behind a reverse proxy.`);
    }
    throw error;
  }
}
