import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, events } from '../../../shared/ipc/contract';

/** Field names that would carry a token or a license key. */
const SECRET_FIELD = /token|secret|password|passphrase|credential|^key$|licen[cs]e_?key|jwt|authorization/i;
/** The one channel allowed to return a license key: explicit and user-triggered (none exists yet). */
const REVEAL_CHANNELS = new Set<string>(['license:reveal-key']);

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  out?: z.ZodType;
  valueType?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every object field path in a schema, walking wrappers, arrays, unions and records. */
function fieldPaths(schema: z.ZodType, path = ''): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([name, child]) => [`${path}.${name}`, ...fieldPaths(child, `${path}.${name}`)]);
    case 'array':
      return def.element ? fieldPaths(def.element, `${path}[]`) : [];
    case 'nullable':
    case 'optional':
    case 'default':
    case 'readonly':
      return def.innerType ? fieldPaths(def.innerType, path) : [];
    case 'union':
      return (def.options ?? []).flatMap((option) => fieldPaths(option, path));
    case 'intersection':
      return [...(def.left ? fieldPaths(def.left, path) : []), ...(def.right ? fieldPaths(def.right, path) : [])];
    case 'pipe':
      return def.out ? fieldPaths(def.out, path) : [];
    case 'record':
      return def.valueType ? fieldPaths(def.valueType, `${path}{}`) : [];
    default:
      return [];
  }
}

describe('IPC results towards the page', () => {
  it('walks real schemas (the walker finds nested fields)', () => {
    expect(fieldPaths(contract['license:verify-key'].output)).toEqual(expect.arrayContaining(['.claims.installId', '.checks[].detail', '.certificates[].sha256']));
  });

  it.each(Object.keys(contract))('%s returns no field that could carry a token or a license key', (channel) => {
    const output = contract[channel as keyof typeof contract].output as z.ZodType;
    const leaks = fieldPaths(output).filter((path) => SECRET_FIELD.test(path.split(/[.[\]{}]+/).filter(Boolean).pop() ?? ''));
    expect(REVEAL_CHANNELS.has(channel) ? [] : leaks).toEqual([]);
  });

  it.each(Object.keys(events))('event %s carries no token or license key', (event) => {
    const payload = events[event as keyof typeof events] as z.ZodType;
    expect(fieldPaths(payload).filter((path) => SECRET_FIELD.test(path.split(/[.[\]{}]+/).filter(Boolean).pop() ?? ''))).toEqual([]);
  });

  it('would catch a token field', async () => {
    const { z: zod } = await import('zod');
    const leaky = zod.object({ instance: zod.object({ name: zod.string(), apiToken: zod.string() }).nullable() });
    expect(fieldPaths(leaky).filter((path) => SECRET_FIELD.test(path.split('.').pop() ?? ''))).toEqual(['.instance.apiToken']);
  });
});
