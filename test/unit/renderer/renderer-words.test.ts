import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { scanRenderer, scanSource } from './renderer-words';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

// The rule (what is visible, what offends, where identifiers may appear) is written on renderer-words.ts.
describe('the renderer’s words', () => {
  it('name no internal identifier (snake_case code, command-line flag) outside technical details', async () => {
    expect(await scanRenderer(repoRoot)).toEqual([]);
  });

  it('catch an identifier in JSX text, a visible attribute, a JSX expression, a words file and a toast', () => {
    const component = [
      'export const A = () => <p>Expiry (latest_valid)</p>;',
      'export const B = () => <button title="Pass --ca to aklm">Go</button>;',
      "export const C = ({ busy }: { busy: boolean }) => <p>{busy ? 'Checking' : `Reason install_id_mismatch`}</p>;",
      "showToast({ tone: 'danger', title: 'Refused: already_installed' });",
    ].join('\n');
    expect(scanSource('renderer/features/x/A.tsx', component)).toEqual([
      { file: 'renderer/features/x/A.tsx', line: 1, text: 'Expiry (latest_valid)', rule: 'snake_case' },
      { file: 'renderer/features/x/A.tsx', line: 2, text: 'Pass --ca to aklm', rule: 'cli flag' },
      { file: 'renderer/features/x/A.tsx', line: 3, text: 'Reason install_id_mismatch', rule: 'snake_case' },
      { file: 'renderer/features/x/A.tsx', line: 4, text: 'Refused: already_installed', rule: 'snake_case' },
    ]);
    const words = "export const WORDS = { expired: `The key expired (${'not_after'})`, soon: 'Use --force' };";
    expect(scanSource('renderer/features/x/x-words.ts', words).map((offence) => offence.rule)).toEqual([
      'snake_case',
      'cli flag',
    ]);
  });

  it('let identifiers stand in technical details and wherever nobody reads them', () => {
    const component = [
      "import { thing } from './some_module';",
      'export const A = () => (',
      '  <section className="status_card" data-testid="latest_valid" id="install_id_mismatch">',
      '    <TechnicalDetails><p>reason: install_id_mismatch, see --ca</p></TechnicalDetails>',
      '    <details className="technical"><summary>Technical details</summary><code>latest_valid</code></details>',
      "    {reason === 'install_id_mismatch' ? <p>Another installation</p> : null}",
      "    {WORDS['read_only']}",
      '  </section>',
      ');',
      "const key = ['instances', 'latest_valid'];",
    ].join('\n');
    expect(scanSource('renderer/features/x/A.tsx', component)).toEqual([]);
    const words = "export const WORDS: Record<'read_only', string> = { 'read_only': 'Read only' };";
    expect(scanSource('renderer/features/x/x-words.ts', words)).toEqual([]);
  });
});
