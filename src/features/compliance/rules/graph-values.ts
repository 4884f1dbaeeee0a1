// Reading Graph objects that may be partial or malformed: a missing property reads as absent, never throws,
// and a value of the wrong type reads as absent too (a rule then decides on what is really there).
import type { GraphObject } from '../snapshot.js';

export function field(object: unknown, path: string): unknown {
  let current: unknown = object;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

export function text(object: unknown, path: string): string | undefined {
  const value = field(object, path);
  return typeof value === 'string' ? value : undefined;
}

export function strings(object: unknown, path: string): string[] {
  const value = field(object, path);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

export function objects(value: unknown): GraphObject[] {
  return Array.isArray(value) ? value.filter((v): v is GraphObject => typeof v === 'object' && v !== null && !Array.isArray(v)) : [];
}

export const idOf = (object: unknown): string => text(object, 'id') ?? '(no id)';

/** "Name (id)" for details a person reads; ids alone go in the evidence. */
export function named(object: unknown): string {
  const name = text(object, 'displayName') ?? text(object, 'userPrincipalName');
  return name ? `"${name}" (${idOf(object)})` : idOf(object);
}

export const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
