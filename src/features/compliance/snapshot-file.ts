// Reading a snapshot someone wrote or exported: the envelope is checked strictly (a wrong file is named as
// such), the Graph objects inside are not (rules cope with partial objects).
import { AppError } from '../../platform/errors/app-error.js';
import { AREA_NAMES, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type TenantSnapshot } from './snapshot.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function invalidSnapshot(message: string, pointer: string): AppError {
  return new AppError('invalid_snapshot', message, { fieldErrors: [{ pointer, detail: message }] });
}

export function parseSnapshot(input: unknown): TenantSnapshot {
  if (!isObject(input)) throw invalidSnapshot('a snapshot is a JSON object with "format", "version" and "areas"', '');
  if (input.format !== SNAPSHOT_FORMAT) throw invalidSnapshot(`"format" must be "${SNAPSHOT_FORMAT}" (see docs/compliance.md)`, '/format');
  if (input.version !== SNAPSHOT_VERSION) throw invalidSnapshot(`"version" ${JSON.stringify(input.version)} is not supported; this hub reads version ${SNAPSHOT_VERSION}`, '/version');
  if (!isObject(input.areas)) throw invalidSnapshot('"areas" must be an object keyed by area name', '/areas');
  for (const [name, area] of Object.entries(input.areas)) {
    if (!(AREA_NAMES as readonly string[]).includes(name)) throw invalidSnapshot(`unknown area "${name}"; areas are ${AREA_NAMES.join(', ')}`, `/areas/${name}`);
    if (!isObject(area)) throw invalidSnapshot(`area "${name}" must be an object`, `/areas/${name}`);
  }
  if (input.faults !== undefined && !isObject(input.faults)) throw invalidSnapshot('"faults" must be an object keyed by area name', '/faults');
  return input as unknown as TenantSnapshot;
}
