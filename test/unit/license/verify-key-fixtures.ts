import { X509Certificate } from 'node:crypto';
import { trustRootsOf, type TrustRoots } from '../../../main/license/trust-roots';
import { AT, keyCases, type KeyCase } from '../../pki/key-cases';
import { createTestPki, type TestPki } from '../../pki/test-pki';

// The test PKI, its root as the only trust root, and the key cases the verifyKey tests judge.

export const pki: TestPki = await createTestPki();
export const roots: TrustRoots = trustRootsOf([new X509Certificate(pki.root.pem)]);
export const cases: KeyCase[] = keyCases(pki);

export const at = AT.getTime();
export const find = (title: string): KeyCase => {
  const found = cases.find((entry) => entry.title === title);
  if (found === undefined) throw new Error(`no case "${title}"`);
  return found;
};
