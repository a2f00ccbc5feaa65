/**
 * Compares two JSON Schemas by the shape a client and a server agree on: types (nullability included),
 * properties, required, additionalProperties, items, enum, const, format, pattern and bounds. Notes
 * (description, examples) do not count. A keyword this comparison does not know makes it throw, so a
 * schema can never pass by using something it silently skips.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Schema = { [key: string]: Json };

/** Keywords that describe, not constrain. */
const NOTES = new Set(['$schema', 'description', 'title', 'examples', 'example', 'contentMediaType']);
const SHAPE = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'items',
  'enum',
  'const',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'minProperties',
]);
const BOUNDS = ['minLength', 'maxLength', 'minimum', 'maximum', 'minProperties'] as const;

/** What zod writes for `z.int()` with no bound of its own: the safe-integer range, which means "no bound". */
const SAFE_INTEGER_BOUNDS: Record<string, number> = {
  minimum: Number.MIN_SAFE_INTEGER,
  maximum: Number.MAX_SAFE_INTEGER,
};

interface Shape {
  types: string[];
  keywords: Schema;
  properties: Record<string, Shape> | null;
  required: string[];
  /** `false`, a schema for extra properties, or `true` when extra properties are allowed. */
  additional: false | true | Shape;
  items: Shape | null;
}

function isObject(value: Json | undefined): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported, not ${ref}`);
  let target: Json | undefined = root;
  for (const part of ref.slice(2).split('/')) target = isObject(target) ? target[part] : undefined;
  if (!isObject(target)) throw new Error(`$ref ${ref} points nowhere`);
  const siblings = Object.fromEntries(Object.entries(schema).filter(([key]) => key !== '$ref'));
  return { ...resolve(target, root), ...siblings };
}

/** `anyOf`/`oneOf` of one schema and `{ type: 'null' }` is that schema, nullable; nothing else is supported. */
function unwrapNullable(schema: Schema): { schema: Schema; nullable: boolean } {
  for (const key of ['anyOf', 'oneOf'] as const) {
    const branches = schema[key];
    if (branches === undefined) continue;
    if (!Array.isArray(branches) || branches.length !== 2)
      throw new Error(`${key} is only supported as "this or null"`);
    const nullIndex = branches.findIndex((b) => isObject(b) && b.type === 'null' && Object.keys(b).length === 1);
    const other = branches[1 - nullIndex];
    if (nullIndex < 0 || !isObject(other)) throw new Error(`${key} is only supported as "this or null"`);
    const rest = Object.fromEntries(Object.entries(schema).filter(([k]) => k !== key));
    return { schema: { ...rest, ...other }, nullable: true };
  }
  return { schema, nullable: false };
}

function shapeOf(input: Schema, root: Schema): Shape {
  const { schema, nullable } = unwrapNullable(resolve(input, root));
  const unknown = Object.keys(schema).filter((k) => !NOTES.has(k) && !SHAPE.has(k) && k !== 'propertyNames');
  if (unknown.length > 0) throw new Error(`unsupported keyword(s): ${unknown.join(', ')}`);
  if (schema.propertyNames !== undefined && JSON.stringify(schema.propertyNames) !== '{"type":"string"}') {
    throw new Error('propertyNames other than { type: string } is not supported');
  }
  const type = schema.type;
  const types = new Set(Array.isArray(type) ? type.map(String) : type === undefined ? [] : [String(type)]);
  if (nullable) types.add('null');
  const keywords: Schema = {};
  for (const key of ['enum', 'const', 'format', 'pattern', ...BOUNDS]) {
    const value = schema[key];
    if (value === undefined || SAFE_INTEGER_BOUNDS[key] === value) continue;
    keywords[key] = key === 'enum' && Array.isArray(value) ? [...value].map(String).sort() : value;
  }
  const properties = isObject(schema.properties)
    ? Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k, shapeOf(v as Schema, root)]))
    : null;
  const additional = schema.additionalProperties;
  return {
    types: [...types].sort(),
    keywords,
    properties,
    required: Array.isArray(schema.required) ? schema.required.map(String).sort() : [],
    additional: additional === false ? false : isObject(additional) ? shapeOf(additional, root) : true,
    items: isObject(schema.items) ? shapeOf(schema.items, root) : null,
  };
}

function compare(doc: Shape, zod: Shape, at: string, out: string[]): void {
  const where = at || '(root)';
  if (doc.types.join() !== zod.types.join())
    out.push(`${where}: type [${doc.types}] in the document, [${zod.types}] in zod`);
  for (const key of ['enum', 'const', 'format', ...BOUNDS]) {
    const d = JSON.stringify(doc.keywords[key]);
    const z = JSON.stringify(zod.keywords[key]);
    if (d !== z) out.push(`${where}: ${key} ${d ?? 'absent'} in the document, ${z ?? 'absent'} in zod`);
  }
  // A pattern zod derives from a format (email, uuid, date-time) is that format's; any other must match.
  const docPattern = doc.keywords.pattern;
  const zodPattern = zod.keywords.pattern;
  if (
    docPattern !== undefined ? docPattern !== zodPattern : zodPattern !== undefined && doc.keywords.format === undefined
  ) {
    out.push(
      `${where}: pattern ${JSON.stringify(docPattern) ?? 'absent'} in the document, ${JSON.stringify(zodPattern) ?? 'absent'} in zod`,
    );
  }
  if (doc.required.join() !== zod.required.join()) {
    out.push(`${where}: required [${doc.required}] in the document, [${zod.required}] in zod`);
  }
  const dp = doc.properties ?? {};
  const zp = zod.properties ?? {};
  for (const name of Object.keys(dp)) if (!(name in zp)) out.push(`${at}.${name}: in the document, not in zod`);
  for (const name of Object.keys(zp)) if (!(name in dp)) out.push(`${at}.${name}: in zod, not in the document`);
  for (const name of Object.keys(dp)) {
    const d = dp[name];
    const z = zp[name];
    if (d && z) compare(d, z, `${at}.${name}`, out);
  }
  if (typeof doc.additional === 'boolean' || typeof zod.additional === 'boolean') {
    if (doc.additional !== zod.additional) {
      const say = (a: Shape | boolean) => (a === false ? 'false' : a === true ? 'allowed' : 'a schema');
      out.push(`${where}: additionalProperties ${say(doc.additional)} in the document, ${say(zod.additional)} in zod`);
    }
  } else {
    compare(doc.additional, zod.additional, `${at}{*}`, out);
  }
  if (doc.items && zod.items) compare(doc.items, zod.items, `${at}[]`, out);
  else if (doc.items || zod.items)
    out.push(
      `${where}: items ${doc.items ? 'present' : 'absent'} in the document, ${zod.items ? 'present' : 'absent'} in zod`,
    );
}

/**
 * Every difference between a schema of the document (its `$ref`s resolved against `documentRoot`) and a
 * JSON Schema made by `z.toJSONSchema`, one line each; empty when they agree.
 */
export function schemaMismatches(documentSchema: object, documentRoot: object, zodJsonSchema: object): string[] {
  const out: string[] = [];
  compare(
    shapeOf(documentSchema as Schema, documentRoot as Schema),
    shapeOf(zodJsonSchema as Schema, zodJsonSchema as Schema),
    '',
    out,
  );
  return out;
}
