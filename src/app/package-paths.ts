// Files of the installed package, found from this module whether it runs compiled (dist/src/app/) or from
// source under tsx (src/app/), so tests and operators get the same files.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const compiled = here.split(path.sep).includes('dist');

export const packageRoot = path.resolve(here, compiled ? '../../..' : '../..');
/** The launcher of every m365hub program (`bin/m365hub.js`). */
export const launcherPath = path.join(packageRoot, 'bin/m365hub.js');
/** The built web console (Vite output), never its sources. */
export const builtConsoleDir = path.join(packageRoot, 'dist/console');
