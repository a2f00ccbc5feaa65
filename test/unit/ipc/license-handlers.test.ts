import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { licenseHandlers } from '../../../main/ipc/handlers/license-handlers';
import { createRecentKeys } from '../../../main/license/recent-keys';
import { trustRootsOf } from '../../../main/license/trust-roots';
import { AT, AT_SECONDS, INSTALL_ID } from '../../pki/key-cases';
import { licenseClaims, mintKey } from '../../pki/mint-key';
import { createTestPki } from '../../pki/test-pki';

const pki = await createTestPki();
const roots = trustRootsOf([new X509Certificate(pki.root.pem)]);
const handlers = licenseHandlers({
  roots: () => roots,
  clock: { now: () => AT.getTime(), after: () => () => undefined },
  clipboard: { copySecret: () => Promise.resolve({ clearsAt: 0 }), copyText: () => Promise.resolve() },
  recentKeys: createRecentKeys(),
});
const key = mintKey({
  signer: pki.signerP384,
  intermediate: pki.intermediate,
  claims: licenseClaims(INSTALL_ID, AT_SECONDS + 3600),
});

describe('license:verify-key: an Install ID typed on the verify screen', () => {
  it("is accepted in any case: it is turned into authentik's lower case before the exact comparison", async () => {
    const verdict = await handlers['license:verify-key']({ key, installId: INSTALL_ID.toUpperCase() });
    expect(verdict).toMatchObject({ valid: true, reason: 'ok' });
    expect(verdict.checks[4]).toEqual({
      name: 'install_id',
      ok: true,
      detail: [`the key is for Install ID ${INSTALL_ID}`],
    });
  });

  it('hands the page its dates apart from the words, to write in the reader’s zone', async () => {
    const verdict = await handlers['license:verify-key']({ key, installId: INSTALL_ID });
    const expiry = new Date((AT_SECONDS + 3600) * 1000).toISOString().replace('.000Z', 'Z');
    expect(verdict.checks[5]).toEqual({ name: 'expiry', ok: true, detail: ['valid until ', { at: expiry }] });
    expect(verdict.message).toEqual([
      'The license "Acme Corp" is genuine and valid until ',
      { at: expiry },
      ` for Install ID ${INSTALL_ID}.`,
    ]);
  });

  it('still tells another installation apart', async () => {
    const verdict = await handlers['license:verify-key']({ key, installId: 'F0E1D2C3-B4A5-4968-8776-655443322110' });
    expect(verdict).toMatchObject({ valid: false, reason: 'install_id_mismatch' });
  });
});
