import { createHash, randomUUID } from 'node:crypto';

/** A GUID derived from a name (RFC 4122 version-5 layout), so seeded objects keep the same ids on every start. */
export function deterministicGuid(name: string): string {
  const bytes = createHash('sha1').update(`m365hub-emulator/${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const newGuid = (): string => randomUUID();

export const guidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
