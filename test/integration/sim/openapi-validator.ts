import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const OPENAPI_PATH = fileURLToPath(
  new URL('../../sim/authentik/authentik-2026.5.6-enterprise.openapi.yml', import.meta.url),
);
const SCHEMA_ID = 'authentik-openapi';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rewriteRef(ref: unknown): string {
  const text = String(ref);
  const prefix = '#/components/schemas/';
  if (!text.startsWith(prefix)) throw new Error(`unsupported $ref ${text}`);
  return `${SCHEMA_ID}#/definitions/${text.slice(prefix.length)}`;
}

/**
 * One OpenAPI 3.0.3 Schema Object as JSON Schema for validating a RESPONSE: `nullable` becomes a union
 * with null, `$ref`s point into the shared definitions, `writeOnly` properties leave `required` (they are
 * never sent back), `readOnly` stays as an annotation, `additionalProperties` is kept as written (absent
 * means allowed, as in both languages), and OpenAPI-only annotations are dropped.
 */
export function toResponseJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toResponseJsonSchema);
  if (!isObject(schema)) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') out.$ref = rewriteRef(value);
    else if (['nullable', 'example', 'xml', 'externalDocs', 'discriminator'].includes(key)) continue;
    else if (key === 'properties' && isObject(value)) {
      out.properties = Object.fromEntries(
        Object.entries(value).map(([name, property]) => [name, toResponseJsonSchema(property)]),
      );
    } else if (['items', 'additionalProperties', 'not'].includes(key)) out[key] = toResponseJsonSchema(value);
    else if (['allOf', 'anyOf', 'oneOf'].includes(key)) out[key] = toResponseJsonSchema(value);
    else out[key] = value;
  }
  if (Array.isArray(out.required) && isObject(schema.properties)) {
    const properties = schema.properties;
    out.required = out.required.filter(
      (name) => !(isObject(properties[String(name)]) && (properties[String(name)] as Json).writeOnly === true),
    );
  }
  if (schema.nullable === true) {
    if (typeof out.type === 'string') out.type = [out.type, 'null'];
    if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    if (out.type === undefined) return { anyOf: [out, { type: 'null' }] };
  }
  return out;
}

export interface ResponseCheck {
  /** The schema's path template that matched, e.g. '/enterprise/license/{license_uuid}/'. */
  template: string | null;
  /** The schema declares this status for the operation. */
  declared: boolean;
  /** The body conforms (a declared body-less response must be empty). */
  valid: boolean;
  errors: string;
}

export interface OpenApiValidator {
  /** Every (template, method, status) the schema declares. */
  operations: { template: string; method: string; status: string }[];
  check(path: string, method: string, status: number, body: unknown): ResponseCheck;
  /** Validates a body against a named component schema. */
  validateComponent(name: string, body: unknown): { valid: boolean; errors: string };
}

interface PathEntry {
  template: string;
  pattern: RegExp;
  parameters: number;
  operations: Json;
}

export function loadOpenApiValidator(): OpenApiValidator {
  const spec = parse(readFileSync(OPENAPI_PATH, 'utf8')) as Json;
  const components = spec.components as Json;
  const schemas = components.schemas as Json;
  const responses = components.responses as Json;
  const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema({
    $id: SCHEMA_ID,
    definitions: Object.fromEntries(
      Object.entries(schemas).map(([name, schema]) => [name, toResponseJsonSchema(schema)]),
    ),
  });

  const paths: PathEntry[] = Object.entries(spec.paths as Json)
    .map(([template, operations]) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      parameters: (template.match(/\{/g) ?? []).length,
      operations: operations as Json,
    }))
    // A literal path (`summary/`) wins over a template that also matches it (`{license_uuid}/`).
    .sort((a, b) => a.parameters - b.parameters);

  const operations = paths.flatMap(({ template, operations: byMethod }) =>
    Object.entries(byMethod).flatMap(([method, operation]) =>
      Object.keys((operation as Json).responses as Json).map((status) => ({
        template,
        method: method.toUpperCase(),
        status,
      })),
    ),
  );

  const compiled = new Map<string, ValidateFunction | null>();
  const validatorFor = (template: string, method: string, status: string, response: Json): ValidateFunction | null => {
    const id = `${template} ${method} ${status}`;
    if (!compiled.has(id)) {
      const resolved =
        typeof response.$ref === 'string'
          ? (responses[response.$ref.replace('#/components/responses/', '')] as Json)
          : response;
      const schema = ((resolved.content as Json | undefined)?.['application/json'] as Json | undefined)?.schema;
      compiled.set(id, schema === undefined ? null : ajv.compile(toResponseJsonSchema(schema) as Json));
    }
    return compiled.get(id) ?? null;
  };

  return {
    operations,
    check(path, method, status, body) {
      const entry = paths.find((candidate) => candidate.pattern.test(path));
      const operation = entry?.operations[method.toLowerCase()] as Json | undefined;
      const response = (operation?.responses as Json | undefined)?.[String(status)] as Json | undefined;
      if (entry === undefined || response === undefined)
        return { template: entry?.template ?? null, declared: false, valid: false, errors: 'not declared' };
      const validate = validatorFor(entry.template, method.toUpperCase(), String(status), response);
      if (validate === null) {
        const empty = body === undefined;
        return {
          template: entry.template,
          declared: true,
          valid: empty,
          errors: empty ? '' : 'a body where the schema declares none',
        };
      }
      const valid = validate(body);
      return { template: entry.template, declared: true, valid, errors: valid ? '' : ajv.errorsText(validate.errors) };
    },
    validateComponent(name, body) {
      const validate = ajv.getSchema(`${SCHEMA_ID}#/definitions/${name}`);
      if (validate === undefined) throw new Error(`no component schema ${name}`);
      const valid = validate(body) as boolean;
      return { valid, errors: valid ? '' : ajv.errorsText(validate.errors) };
    },
  };
}
