// Runs emulator/cli.ts's main() the way bin/m365hub.js runs the compiled one, for tests that spawn the CLI.
import { main } from '../../cli.js';

process.exitCode = await main(process.argv.slice(2));
