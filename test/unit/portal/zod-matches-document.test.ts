import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { portalOperations, type PortalOperation } from '../../../shared/portal/operations';
import { ERROR_CODES, errorSchema } from '../../../shared/portal/schemas/error';
import { licenseSchema } from '../../../shared/portal/schemas/licenses';
import { memberSchema } from '../../../shared/portal/schemas/members';
import { deref, documentOperations, readDocument, type DocumentOperation } from './portal-document';
import { schemaMismatches } from './schema-mismatches';

const doc = readDocument();
const documented = new Map(documentOperations(doc).map((o) => [o.operation.operationId, o]));
const ours: [string, PortalOperation][] = Object.entries(portalOperations);

/** Requests are what the client writes (zod's input side); responses what it reads (the output side). */
const requestJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input' });
const responseJson = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'output' });

/** The document's query parameters as the one object the zod schema describes. */
function documentQuery(op: DocumentOperation): object | null {
  const query = op.parameters.filter((p) => p.in === 'query');
  if (query.length === 0) return null;
  return {
    type: 'object',
    properties: Object.fromEntries(query.map((p) => [p.name, p.schema])),
    required: query.filter((p) => p.required).map((p) => p.name),
    additionalProperties: false,
  };
}

function successOf(op: DocumentOperation) {
  const entries = Object.entries(op.operation.responses).filter(([status]) => Number(status) < 300);
  expect(entries, `${op.operation.operationId}: one success response`).toHaveLength(1);
  const [status, response] = entries[0] ?? [];
  return { status: Number(status), response: deref(doc, response ?? {}) };
}

describe('the zod schemas in shared/portal match docs/portal-api-v1.yaml', () => {
  it('have exactly one entry per operation of the document', () => {
    expect(ours.map(([id]) => id).sort()).toEqual([...documented.keys()].sort());
  });

  it('know the error codes the document lists', () => {
    const description = (doc as unknown as { info: { description: string } }).info.description;
    const section = /Error codes\n([\s\S]*?)\nClients must/.exec(description)?.[1] ?? '';
    const listed = [...section.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual([...ERROR_CODES].sort());
  });

  describe.each(ours)('%s', (operationId, ours) => {
    const op = documented.get(operationId);
    if (!op) throw new Error(`${operationId} is not in the document`);

    it('has the same method, path, authentication and success status', () => {
      expect(ours.method).toBe(op.method);
      expect(ours.path).toBe(op.path);
      expect(ours.auth).toBe(op.operation.security === undefined);
      const success = successOf(op);
      expect(ours.status).toBe(success.status);
      expect(ours.contentType).toBe(success.response.content ? Object.keys(success.response.content)[0] : null);
      const pathParams = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
      expect([...ours.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])).toEqual(pathParams);
    });

    it('describes the same request body and query', () => {
      const body = op.operation.requestBody?.content['application/json']?.schema;
      expect(ours.body === null, 'a body in one and not the other').toBe(body === undefined);
      if (ours.body && body) expect(schemaMismatches(body, doc, requestJson(ours.body))).toEqual([]);
      const query = documentQuery(op);
      expect(ours.query === null, 'a query in one and not the other').toBe(query === null);
      if (ours.query && query) expect(schemaMismatches(query, doc, requestJson(ours.query))).toEqual([]);
    });

    it('describes the same success response', () => {
      const schema = successOf(op).response.content?.['application/json']?.schema;
      expect(ours.response === null, 'a JSON response in one and not the other').toBe(schema === undefined);
      if (ours.response && schema) expect(schemaMismatches(schema, doc, responseJson(ours.response))).toEqual([]);
    });

    it('describes the same error responses', () => {
      for (const [status, response] of Object.entries(op.operation.responses)) {
        if (Number(status) < 400) continue;
        const schema = deref(doc, response).content?.['application/json']?.schema;
        expect(schema, status).toBeDefined();
        if (schema) expect(schemaMismatches(schema, doc, responseJson(errorSchema)), status).toEqual([]);
      }
    });
  });
});

describe('the comparison fails on a real mismatch', () => {
  const member = doc.components.schemas.Member ?? {};

  it('passes the real pair', () => {
    expect(schemaMismatches(member, doc, responseJson(memberSchema))).toEqual([]);
  });

  it.each([
    [
      'a wrong type',
      memberSchema.extend({ joined_at: z.number() }),
      '.joined_at: type [string] in the document, [number] in zod',
    ],
    ['a missing field', memberSchema.omit({ name: true }), '.name: in the document, not in zod'],
    ['an extra field', memberSchema.extend({ avatar: z.string() }), '.avatar: in zod, not in the document'],
    ['an optional field the document requires', memberSchema.partial({ email: true }), 'required'],
    ['a different enum', memberSchema.extend({ role: z.enum(['owner', 'member', 'admin']) }), '.role: enum'],
    [
      'a nullable field the document does not allow null in',
      memberSchema.extend({ name: z.string().nullable() }),
      '.name: type [string] in the document, [null,string] in zod',
    ],
    ['a different format', memberSchema.extend({ joined_at: z.iso.date() }), '.joined_at: format'],
    [
      'a different bound',
      memberSchema.extend({ email: z.email().max(100) }),
      '.email: maxLength 254 in the document, 100 in zod',
    ],
  ])('fails on %s', (_what, schema, expected) => {
    const mismatches = schemaMismatches(member, doc, responseJson(schema));
    expect(mismatches.join('\n')).toContain(expected);
  });

  it('fails on a request object that accepts unknown fields', () => {
    const loose = z.object({ role: z.enum(['owner', 'member']) });
    const mismatches = schemaMismatches(doc.components.schemas.MemberUpdate ?? {}, doc, requestJson(loose));
    expect(mismatches).toEqual(['(root): additionalProperties false in the document, allowed in zod']);
  });

  it('fails on a different pattern', () => {
    const wrong = licenseSchema.extend({
      key_fingerprint: z
        .string()
        .regex(/^sha1:[0-9a-f]{40}$/)
        .nullable(),
    });
    const mismatches = schemaMismatches(doc.components.schemas.License ?? {}, doc, responseJson(wrong));
    expect(mismatches.join('\n')).toContain('.key_fingerprint: pattern');
  });
});
