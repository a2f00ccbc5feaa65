import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, events } from '../../../shared/ipc/contract';

// The schemas' half of the no-secrets rule: no field named like a secret. The values' half, every string
// a handler really answers searched for the tokens and keys of the test, runs in the integration tests'
// app fixtures (test/integration/secret-scan.ts, used by portal-ipc/ and keychain/app-fixtures.ts).

/** Field names that would carry a token or a license key. */
const SECRET_FIELD = /token|secret|password|passphrase|credential|^key$|licen[cs]e_?key|jwt|authorization/i;
/** The one channel allowed to return a license key: explicit and user-triggered. */
const REVEAL_CHANNELS = new Set<string>(['portal:reveal-license-key']);

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

/** Whether a value of this schema can be (or contain, in a list or record) free text; objects are walked field by field instead. */
function canHoldText(schema: z.ZodType): boolean {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
    case 'any':
    case 'unknown':
      return true;
    case 'array':
      return def.element ? canHoldText(def.element) : true;
    case 'nullable':
    case 'optional':
    case 'default':
    case 'readonly':
      return def.innerType ? canHoldText(def.innerType) : true;
    case 'union':
      return (def.options ?? []).some(canHoldText);
    case 'intersection':
      return (def.left ? canHoldText(def.left) : false) || (def.right ? canHoldText(def.right) : false);
    case 'pipe':
      return def.out ? canHoldText(def.out) : true;
    case 'record':
      return def.valueType ? canHoldText(def.valueType) : true;
    default:
      // boolean, number, enum, literal, object (its fields are checked by name themselves)
      return false;
  }
}

/** Every object field path in a schema that can hold text, walking wrappers, arrays, unions and records. */
function fieldPaths(schema: z.ZodType, path = ''): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([name, child]) => [
        ...(canHoldText(child) ? [`${path}.${name}`] : []),
        ...fieldPaths(child, `${path}.${name}`),
      ]);
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
    expect(fieldPaths(contract['license:verify-key'].output)).toEqual(
      expect.arrayContaining(['.claims.installId', '.checks[].detail', '.certificates[].sha256']),
    );
  });

  it.each(Object.keys(contract))('%s returns no field that could carry a token or a license key', (channel) => {
    const output = contract[channel as keyof typeof contract].output as z.ZodType;
    const leaks = fieldPaths(output).filter((path) =>
      SECRET_FIELD.test(
        path
          .split(/[.[\]{}]+/)
          .filter(Boolean)
          .pop() ?? '',
      ),
    );
    expect(REVEAL_CHANNELS.has(channel) ? [] : leaks).toEqual([]);
  });

  it('lets exactly one channel return a license key: the explicit reveal', () => {
    const keyFields = Object.entries(contract).flatMap(([channel, spec]) =>
      fieldPaths(spec.output as z.ZodType)
        .filter((path) =>
          SECRET_FIELD.test(
            path
              .split(/[.[\]{}]+/)
              .filter(Boolean)
              .pop() ?? '',
          ),
        )
        .map((path) => `${channel}${path}`),
    );
    expect(keyFields).toEqual(['portal:reveal-license-key.key']);
    expect([...REVEAL_CHANNELS]).toEqual(['portal:reveal-license-key']);
  });

  it.each(Object.keys(events))('event %s carries no token or license key', (event) => {
    const payload = events[event as keyof typeof events] as z.ZodType;
    expect(
      fieldPaths(payload).filter((path) =>
        SECRET_FIELD.test(
          path
            .split(/[.[\]{}]+/)
            .filter(Boolean)
            .pop() ?? '',
        ),
      ),
    ).toEqual([]);
  });

  it('would catch a token field, also as a list of texts or a nullable one, but not a yes/no about a token', async () => {
    const { z: zod } = await import('zod');
    const leaky = zod.object({
      instance: zod.object({ name: zod.string(), apiToken: zod.string(), hasToken: zod.boolean() }).nullable(),
      tokens: zod.array(zod.string().nullable()),
      missingTokens: zod.array(zod.object({ id: zod.string(), key: zod.string().optional() })),
    });
    expect(
      fieldPaths(leaky).filter((path) =>
        SECRET_FIELD.test(
          path
            .split(/[.[\]{}]+/)
            .filter(Boolean)
            .pop() ?? '',
        ),
      ),
    ).toEqual(['.instance.apiToken', '.tokens', '.missingTokens[].key']);
  });

  it("covers every channel of the contract, the instance page's included", () => {
    expect(Object.keys(contract)).toEqual(
      expect.arrayContaining([
        'instances:detail',
        'instances:update',
        'instances:delete-license',
        'instances:audit',
        'instances:delete-orphaned-tokens',
        'instances:copy-install-id',
      ]),
    );
    expect(fieldPaths(contract['instances:detail'].output)).toEqual(
      expect.arrayContaining(['.licenses[].fingerprint', '.caPem', '.instance.installId']),
    );
  });
});
