import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';

export const PORTAL_API_PATH = fileURLToPath(new URL('../../../docs/portal-api-v1.yaml', import.meta.url));

const DEFS_ID = 'portal-api-v1';
type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The document's schemas with every `#/components/schemas/X` pointing into one Ajv schema's `$defs`. */
function pointRefsToDefs(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(pointRefsToDefs);
  if (!isObject(schema)) return schema;
  return Object.fromEntries(
    Object.entries(schema).map(([key, value]) => {
      if (key !== '$ref') return [key, pointRefsToDefs(value)];
      const ref = String(value);
      const prefix = '#/components/schemas/';
      if (!ref.startsWith(prefix)) throw new Error(`unsupported $ref ${ref} in a schema`);
      return [key, `${DEFS_ID}#/$defs/${ref.slice(prefix.length)}`];
    }),
  );
}

/** One answer the simulator gave, as a client saw it. */
export interface ObservedResponse {
  method: string;
  /** The concrete path, without the query. */
  path: string;
  status: number;
  contentType: string | null;
  headers: Headers;
  /** Parsed JSON, the raw bytes for other media types, undefined when empty. */
  body: unknown;
}

export interface ResponseVerdict {
  /** The document's path template, e.g. `/api/v1/organizations/{org}`; null when no path matches. */
  template: string | null;
  /** Problems found; empty when the response conforms. */
  problems: string[];
}

export interface OpenApiResponseValidator {
  /** Every `METHOD template status` the document declares. */
  declared: string[];
  /** Checks one response: declared for the operation, media type, declared headers, body against the schema. */
  check(response: ObservedResponse): ResponseVerdict;
}

interface PathEntry {
  template: string;
  pattern: RegExp;
  literalSegments: number;
  operations: Json;
}

/**
 * Loads `docs/portal-api-v1.yaml`, checks the document itself against the OpenAPI 3.1 schema
 * (@seriousme/openapi-schema-validator), and compiles each response schema with Ajv's JSON Schema
 * 2020-12 validator (the dialect of OpenAPI 3.1) in strict mode, with ajv-formats for `format`.
 * Independent of the app's zod schemas.
 */
export async function loadOpenApiResponseValidator(): Promise<OpenApiResponseValidator> {
  const document = parse(readFileSync(PORTAL_API_PATH, 'utf8')) as Json;
  const documentCheck = await new Validator().validate(structuredClone(document));
  if (!documentCheck.valid)
    throw new Error(`docs/portal-api-v1.yaml is not a valid OpenAPI document: ${JSON.stringify(documentCheck.errors)}`);

  const components = document.components as Json;
  const schemas = components.schemas as Json;
  const responses = components.responses as Json;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DEFS_ID, $defs: pointRefsToDefs(schemas) });

  const paths: PathEntry[] = Object.entries(document.paths as Json)
    .map(([template, operations]) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      literalSegments: template.split('/').filter((segment) => !segment.startsWith('{')).length,
      operations: operations as Json,
    }))
    .sort((a, b) => b.literalSegments - a.literalSegments);

  const methods = ['get', 'post', 'patch', 'put', 'delete'];
  const declared = paths.flatMap(({ template, operations }) =>
    Object.entries(operations)
      .filter(([method]) => methods.includes(method))
      .flatMap(([method, operation]) =>
        Object.keys((operation as Json).responses as Json).map(
          (status) => `${method.toUpperCase()} ${template} ${status}`,
        ),
      ),
  );

  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (key: string, schema: unknown): ValidateFunction => {
    let validate = compiled.get(key);
    if (validate === undefined) {
      validate = ajv.compile(pointRefsToDefs(schema) as Json);
      compiled.set(key, validate);
    }
    return validate;
  };

  return {
    declared,
    check(observed) {
      const entry = paths.find((candidate) => candidate.pattern.test(observed.path));
      if (entry === undefined)
        return { template: null, problems: [`no path in the document matches ${observed.path}`] };
      const operation = entry.operations[observed.method.toLowerCase()] as Json | undefined;
      if (operation === undefined)
        return { template: entry.template, problems: [`${observed.method} is not an operation of ${entry.template}`] };
      let response = (operation.responses as Json)[String(observed.status)] as Json | undefined;
      if (response === undefined)
        return {
          template: entry.template,
          problems: [`status ${observed.status} is not declared for ${observed.method} ${entry.template}`],
        };
      if (typeof response.$ref === 'string')
        response = responses[response.$ref.replace('#/components/responses/', '')] as Json;
      const problems: string[] = [];
      for (const header of Object.keys((response.headers as Json | undefined) ?? {})) {
        if (!observed.headers.has(header)) problems.push(`the declared header ${header} is missing`);
      }
      const content = response.content as Json | undefined;
      if (content === undefined) {
        if (observed.body !== undefined) problems.push('a body where the document declares none');
        return { template: entry.template, problems };
      }
      const mediaType = (observed.contentType ?? '').split(';')[0]?.trim() ?? '';
      const media = content[mediaType] as Json | undefined;
      if (media === undefined) {
        problems.push(
          `media type ${mediaType || '(none)'} is not declared (declared: ${Object.keys(content).join(', ')})`,
        );
        return { template: entry.template, problems };
      }
      if (mediaType !== 'application/json') return { template: entry.template, problems };
      const validate = validatorFor(`${observed.method} ${entry.template} ${observed.status}`, media.schema);
      if (!validate(observed.body)) problems.push(ajv.errorsText(validate.errors));
      return { template: entry.template, problems };
    },
  };
}
