import { X509Certificate } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { VERDICT_REASONS } from '../../../../shared/license/verdict';
import { verdictViewSchema } from '../../../../shared/license/verdict-view';
import { verdictJson } from '../../../../main/cli/output/verdict-json';
import { verdictText } from '../../../../main/cli/output/verdict-text';
import { trustRootsOf } from '../../../../main/license/trust-roots';
import { toVerdictView } from '../../../../main/license/verdict-view';
import { verifyKey, type Verdict } from '../../../../main/license/verify-key';
import { AT, INSTALL_ID, OTHER_INSTALL_ID } from '../../../pki/key-cases';
import { createTestPki } from '../../../pki/test-pki';
import { FuzzCorpus, type FuzzSigner } from './fuzz-corpus';
import { applyRecipe, recipeArbitrary, type Recipe } from './key-mutations';

/**
 * Mutated keys against the verifier: no exception escapes it (nor the text, JSON and app views of its
 * verdict), no valid verdict for signed content or a signature a trusted signer did not make, none for a
 * chain that is not the genuine one, and no character a terminal would obey in the text output.
 * `npm test` runs 2,000 cases; `npm run fuzz` sets FUZZ_RUNS=100000 and prints the counts.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);
const at = AT.getTime();
const pki = await createTestPki();
const roots = trustRootsOf([new X509Certificate(pki.root.pem)]);
const corpus = new FuzzCorpus(pki);

// Keys as authentik issues them (and as the rogue chain and a stranger make them), for the mutations that start from one.
const [trustedP384, trustedP521, rogue, stranger] = corpus.signers as [FuzzSigner, FuzzSigner, FuzzSigner, FuzzSigner];
const bases = [
  { signer: trustedP384, key: corpus.mint(trustedP384) },
  { signer: trustedP384, key: corpus.mint(trustedP384, corpus.claims, 'ES384') },
  { signer: trustedP521, key: corpus.mint(trustedP521) },
  {
    signer: trustedP384,
    key: corpus.mint(trustedP384, {
      ...corpus.claims,
      nbf: AT.getTime() / 1000,
      iat: AT.getTime() / 1000 - 60,
      license_flags: ['trial'],
    }),
  },
  { signer: trustedP384, key: corpus.mint(trustedP384, { ...corpus.claims, internal_users: undefined, users: 50 }) },
  { signer: trustedP384, key: corpus.mint(trustedP384, { ...corpus.claims, exp: AT.getTime() / 1000 - 60 }) },
  { signer: trustedP521, key: corpus.mint(trustedP521, corpus.claims, 'ES384') },
  { signer: trustedP384, key: corpus.mint(trustedP384, { ...corpus.claims, nbf: AT.getTime() / 1000 + 3600 }) },
  {
    signer: trustedP521,
    key: corpus.mint(trustedP521, { ...corpus.claims, aud: `enterprise.goauthentik.io/license/${OTHER_INSTALL_ID}` }),
  },
  { signer: rogue, key: corpus.mint(rogue) },
  { signer: stranger, key: corpus.mint(stranger) },
];

interface Counts {
  cases: number;
  byReason: Record<string, number>;
  byRecipe: Record<string, number>;
  escapedExceptions: number;
  acceptedChanges: number;
  untrustedAccepted: number;
  unsafeOutput: number;
  seconds: number;
}

const counts: Counts = {
  cases: 0,
  byReason: {},
  byRecipe: {},
  escapedExceptions: 0,
  acceptedChanges: 0,
  untrustedAccepted: 0,
  unsafeOutput: 0,
  seconds: 0,
};
const bump = (table: Record<string, number>, name: string): void => {
  table[name] = (table[name] ?? 0) + 1;
};

/** Any character the terminal-safe output must not let through raw: controls but the line feed, C1, bidirectional controls. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE_FOR_A_TERMINAL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** Everything a verdict is turned into: a throw in any of them would stop a CLI command or an IPC answer as surely as one in verifyKey. */
function renderings(verdict: Verdict): string {
  const text = verdictText(verdict, at);
  JSON.stringify(verdictJson(verdict));
  verdictViewSchema.parse(toVerdictView(verdict, at));
  return text;
}

/** One case: true when every property holds. A failure is counted before fast-check reports it (with its seed). */
function check(recipe: Recipe): boolean {
  const key = applyRecipe(corpus, bases, recipe);
  counts.cases += 1;
  bump(counts.byRecipe, recipe.kind);
  let verdict: Verdict;
  let text: string;
  try {
    verdict = verifyKey(key, { roots, at, installId: INSTALL_ID });
    text = renderings(verdict);
  } catch (error) {
    counts.escapedExceptions += 1;
    throw error;
  }
  bump(counts.byReason, verdict.reason);
  let holds = true;
  if (verdict.valid && !corpus.validIsRight(key)) {
    counts.acceptedChanges += 1;
    holds = false;
  }
  if (verdict.valid && !corpus.genuineChain(key)) {
    counts.untrustedAccepted += 1;
    holds = false;
  }
  if (UNSAFE_FOR_A_TERMINAL.test(text)) {
    counts.unsafeOutput += 1;
    holds = false;
  }
  return holds;
}

afterAll(() => {
  if (process.env.FUZZ_RUNS === undefined) return;
  const perSecond = counts.cases / counts.seconds;
  const table = (entries: Record<string, number>): string =>
    Object.entries(entries)
      .sort(([, a], [, b]) => b - a)
      .map(([name, count]) => `    ${name.padEnd(22)}${String(count).padStart(8)}`)
      .join('\n');
  console.log(
    [
      `fuzz: ${counts.cases} cases in ${counts.seconds.toFixed(1)} s, ${perSecond.toFixed(0)} keys/s`,
      '  verdicts by reason:',
      table(counts.byReason),
      '  cases by mutation:',
      table(counts.byRecipe),
      `  escaped exceptions: ${counts.escapedExceptions}`,
      `  accepted changes (valid for content or a signature no trusted signer made): ${counts.acceptedChanges}`,
      `  untrusted signers accepted (valid without the genuine chain): ${counts.untrustedAccepted}`,
      `  unsafe characters in the text output: ${counts.unsafeOutput}`,
    ].join('\n'),
  );
});

describe('verifyKey under fuzzing', () => {
  it("judges the unmutated bases as they are: only the trusted signers' keys are valid", () => {
    expect(bases.map(({ key }) => verifyKey(key, { roots, at, installId: INSTALL_ID }).reason)).toEqual([
      'ok',
      'ok',
      'ok',
      'ok',
      'ok',
      'expired',
      'ok',
      'not_yet_valid',
      'install_id_mismatch',
      'untrusted_chain',
      'bad_signature',
    ]);
  });

  it(
    `never throws, never accepts a change or an untrusted signer, and keeps its text output terminal-safe (${RUNS} cases)`,
    () => {
      const start = process.hrtime.bigint();
      try {
        fc.assert(fc.property(recipeArbitrary(bases.length, corpus.signers.length), check), { numRuns: RUNS });
      } finally {
        counts.seconds = Number(process.hrtime.bigint() - start) / 1e9;
      }
      expect(counts).toMatchObject({ escapedExceptions: 0, acceptedChanges: 0, untrustedAccepted: 0, unsafeOutput: 0 });
      // The mutations reach every check: each reason comes up, valid keys (twins, spare bits, re-signed claims) included.
      expect(Object.keys(counts.byReason).sort()).toEqual([...VERDICT_REASONS].sort());
    },
    Math.max(60_000, RUNS * 20),
  );
});
