import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export const DOCUMENT_PATH = new URL('../../../docs/portal-api-v1.yaml', import.meta.url);

/** The parts of an OpenAPI document these tests read. */
export interface OpenApiParameter {
  $ref?: string;
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema: object;
}
export interface OpenApiResponse {
  $ref?: string;
  content?: Record<string, { schema: object }>;
}
export interface OpenApiOperation {
  operationId: string;
  security?: object[];
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: object }> };
  responses: Record<string, OpenApiResponse>;
}
export interface OpenApiDocument {
  openapi: string;
  security?: object[];
  paths: Record<string, Record<string, OpenApiOperation | OpenApiParameter[]>>;
  components: {
    schemas: Record<string, object>;
    responses: Record<string, OpenApiResponse>;
    parameters: Record<string, OpenApiParameter>;
  };
}

export interface DocumentOperation {
  method: string;
  path: string;
  operation: OpenApiOperation;
  /** Path-level and operation-level parameters, `$ref`s resolved. */
  parameters: OpenApiParameter[];
}

export function readDocumentText(): string {
  return readFileSync(DOCUMENT_PATH, 'utf8');
}

export function readDocument(): OpenApiDocument {
  return parse(readDocumentText()) as OpenApiDocument;
}

/** Follows one local `$ref` (`#/components/...`), or returns the object itself. */
export function deref<T extends { $ref?: string }>(doc: OpenApiDocument, value: T): T {
  if (value.$ref === undefined) return value;
  let target: unknown = doc;
  for (const part of value.$ref.replace(/^#\//, '').split('/')) target = (target as Record<string, unknown>)[part];
  if (target === undefined) throw new Error(`${value.$ref} points nowhere`);
  return target as T;
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function documentOperations(doc: OpenApiDocument): DocumentOperation[] {
  return Object.entries(doc.paths).flatMap(([path, item]) => {
    const shared = (item.parameters ?? []) as OpenApiParameter[];
    return Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => {
        const op = operation as OpenApiOperation;
        return {
          method: method.toUpperCase(),
          path,
          operation: op,
          parameters: [...shared, ...(op.parameters ?? [])].map((p) => deref(doc, p)),
        };
      });
  });
}
