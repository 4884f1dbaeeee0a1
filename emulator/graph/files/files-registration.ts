// Mounts the file system's non-Graph parts on the emulator: the download host, the upload host and the control
// calls, and makes POST /_emulator/reset also forget every write (the Graph routes are in files-routes.ts).
import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../../server/emulator-context.js';
import { registerDownloadHost } from './download-urls.js';
import { registerFilesControl } from './files-control.js';
import { fileSystemOf } from './file-system.js';
import { registerUploadHost } from './upload-sessions.js';

export function registerFiles(app: FastifyInstance, ctx: EmulatorContext): void {
  const system = fileSystemOf(ctx);
  // The context's reset knows the directory, sessions and clock; the drives' writes live here.
  const resetRest = ctx.reset.bind(ctx);
  ctx.reset = () => {
    resetRest();
    system.reset();
  };
  registerDownloadHost(app, ctx);
  registerUploadHost(app, ctx);
  registerFilesControl(app, ctx);
}
