// What `m365hub emulator` prints once it listens ("emulator listening on <url>", "emulator ca <path>"; see
// config/emulator-options.ts), read from its standard output by whoever started it in its own process.
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';

/** The emulator's URL and CA path, or undefined when its output ended before both lines. */
export async function readReadyLines(stdout: Readable): Promise<{ url: string; ca: string } | undefined> {
  let url = '';
  let ca = '';
  for await (const line of createInterface({ input: stdout })) {
    url ||= /^emulator listening on (\S+)$/.exec(line)?.[1] ?? '';
    ca ||= /^emulator ca (.+)$/.exec(line)?.[1] ?? '';
    if (url && ca) return { url, ca };
  }
  return undefined;
}
