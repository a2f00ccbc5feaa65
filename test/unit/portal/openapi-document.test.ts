import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { deref, documentOperations, readDocument, readDocumentText } from './portal-document';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const doc = readDocument();
const operations = documentOperations(doc);
const byId = new Map(operations.map((o) => [o.operation.operationId, o]));

/** Issue 6, section 1: every path and method the contract must have. */
const REQUIRED = [
  'GET /api/v1/config',
  'GET /api/v1/me',
  'GET /api/v1/organizations',
  'POST /api/v1/organizations',
  'GET /api/v1/organizations/{org}',
  'PATCH /api/v1/organizations/{org}',
  'GET /api/v1/organizations/{org}/members',
  'PATCH /api/v1/organizations/{org}/members/{user}',
  'DELETE /api/v1/organizations/{org}/members/{user}',
  'GET /api/v1/organizations/{org}/invitations',
  'POST /api/v1/organizations/{org}/invitations',
  'DELETE /api/v1/organizations/{org}/invitations/{id}',
  'POST /api/v1/organizations/{org}/invitations/{id}/resend',
  'GET /api/v1/invitations/preview',
  'POST /api/v1/invitations/accept',
  'GET /api/v1/plans',
  'GET /api/v1/organizations/{org}/licenses',
  'GET /api/v1/organizations/{org}/licenses/{id}',
  'PATCH /api/v1/organizations/{org}/licenses/{id}',
  'POST /api/v1/organizations/{org}/checkout',
  'POST /api/v1/organizations/{org}/licenses/{id}/renew',
  'GET /api/v1/organizations/{org}/billing/account',
  'PATCH /api/v1/organizations/{org}/billing/account',
  'GET /api/v1/organizations/{org}/billing/payment-methods',
  'POST /api/v1/organizations/{org}/billing/payment-methods/setup',
  'GET /api/v1/organizations/{org}/billing/invoices',
  'GET /api/v1/organizations/{org}/billing/payments',
];

/** The product guide's Owner-only actions (issue 6, acceptance: each is refused to a Member with 403). */
const OWNER_ONLY = [
  'updateOrganization',
  'updateMember',
  'removeMember',
  'createInvitation',
  'revokeInvitation',
  'resendInvitation',
  'updateLicense',
  'createCheckout',
  'renewLicense',
  'updateBillingAccount',
  'setupPaymentMethod',
];

describe('docs/portal-api-v1.yaml', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(readDocumentText());
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(doc.openapi).toBe('3.1.0');
  });

  it('would be rejected by the same validator if it were broken', async () => {
    const broken = structuredClone(doc) as unknown as Record<string, unknown>;
    delete broken.info;
    const result = await new Validator().validate(broken);
    expect(result.valid).toBe(false);
  });

  it('has schemas a strict JSON Schema 2020-12 compiler accepts, with formats it knows', () => {
    const ajv = addFormats(new Ajv2020({ strict: true }));
    for (const [name, schema] of Object.entries(doc.components.schemas))
      ajv.addSchema(schema, `#/components/schemas/${name}`);
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => ajv.getSchema(`#/components/schemas/${name}`), name).not.toThrow();
    }
  });

  it('has every path and method of the issue, and no DELETE on an organization', () => {
    const present = operations.map((o) => `${o.method} ${o.path}`);
    expect(present).toEqual(expect.arrayContaining(REQUIRED));
    expect(present).not.toContain('DELETE /api/v1/organizations/{org}');
  });

  it('gives every operation a unique operationId', () => {
    expect(byId.size).toBe(operations.length);
  });

  it('needs the bearer token everywhere except GET /api/v1/config', () => {
    expect(doc.security).toEqual([{ portalToken: [] }]);
    for (const { operation } of operations) {
      if (operation.operationId === 'getConfig') expect(operation.security).toEqual([]);
      else {
        expect(operation.security, operation.operationId).toBeUndefined();
        expect(Object.keys(operation.responses), operation.operationId).toContain('401');
      }
    }
  });

  it('refuses exactly the Owner-only actions to a Member with 403', () => {
    const with403 = operations.filter((o) => '403' in o.operation.responses).map((o) => o.operation.operationId);
    expect(with403.sort()).toEqual([...OWNER_ONLY].sort());
  });

  it('answers 404 for every operation on an organization, and 422 for every body or query', () => {
    for (const { operation, path, parameters } of operations) {
      const statuses = Object.keys(operation.responses);
      if (path.includes('{org}')) expect(statuses, operation.operationId).toContain('404');
      if (operation.requestBody || parameters.some((p) => p.in === 'query'))
        expect(statuses, operation.operationId).toContain('422');
    }
  });

  it('documents the last-Owner rule as a 409 on removing and re-roling a member', () => {
    for (const id of ['updateMember', 'removeMember']) {
      const op = byId.get(id);
      expect(Object.keys(op?.operation.responses ?? {}), id).toContain('409');
    }
    expect(JSON.stringify(doc)).toContain('last_owner');
  });

  it('uses the one Error shape for every error response', () => {
    for (const { operation } of operations) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        expect(
          deref(doc, response).content?.['application/json']?.schema,
          `${operation.operationId} ${status}`,
        ).toEqual({
          $ref: '#/components/schemas/Error',
        });
      }
    }
  });

  it('closes every object schema with additionalProperties', () => {
    const open: string[] = [];
    const visit = (node: unknown, at: string) => {
      if (Array.isArray(node)) node.forEach((n, i) => visit(n, `${at}[${i}]`));
      else if (node !== null && typeof node === 'object') {
        const schema = node as Record<string, unknown>;
        const isObjectType = schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object'));
        if (isObjectType && schema.additionalProperties === undefined) open.push(at);
        for (const [key, value] of Object.entries(schema)) visit(value, `${at}.${key}`);
      }
    };
    visit(doc.components.schemas, 'components.schemas');
    expect(open).toEqual([]);
  });

  it('never puts a license key in a list: only the one-license read carries `key`', () => {
    const schemasWithKey = Object.entries(doc.components.schemas)
      .filter(([, schema]) => 'properties' in schema && 'key' in (schema.properties as object))
      .map(([name]) => name);
    expect(schemasWithKey).toEqual(['LicenseWithKey']);
    const listLicenses = byId.get('listLicenses')?.operation.responses['200']?.content?.['application/json']?.schema;
    expect(listLicenses).toEqual({ type: 'array', items: { $ref: '#/components/schemas/License' } });
  });
});
