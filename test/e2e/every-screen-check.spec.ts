import { test as base } from '@playwright/test';
import { expect } from './fixtures';
import { isoInstantProblems, targetProblems } from './every-screen-helpers';

// The every-screen checks themselves, each on a page of its own. The target-size check names a small target
// and honours the two exceptions of WCAG 2.5.8 (inline links in a sentence, small targets spaced apart), and
// nothing else; the date check finds an ISO 8601 instant in visible text outside technical details.

base('the target-size check reports small targets by role, name and size, and only those', async ({ page }) => {
  await page.setContent(`
    <style>button { padding: 0; border: 0; font: 10px sans-serif; } .big { width: 30px; height: 30px; }</style>
    <p>Read <a href="#terms">the terms</a> before you start.</p>
    <div><button style="width: 16px; height: 16px">×</button><button class="big">Close</button></div>
    <div style="margin-top: 40px"><button style="width: 16px; height: 16px" aria-label="Alone"></button></div>
    <div style="margin-top: 40px"><input type="checkbox" aria-label="Pick"><input type="checkbox" aria-label="Pick too"></div>
    <a href="#x" style="display: block; width: 10px; height: 10px; margin-top: 40px" aria-label="Tiny block link"></a>
    <div style="margin-top: 40px"><a href="#a">A wide link</a><button>Go</button></div>
    <button hidden>Hidden</button>
  `);
  const problems = await targetProblems(page);
  expect(problems).toEqual([
    expect.stringMatching(/^target button "×" is 16\.0 × 16\.0 px$/),
    expect.stringMatching(/^target input\[type=checkbox\] "Pick" is 1\d\.\d × 1\d\.\d px$/),
    expect.stringMatching(/^target input\[type=checkbox\] "Pick too" is 1\d\.\d × 1\d\.\d px$/),
    expect.stringMatching(/^target button "Go" is \d+\.\d × 1\d\.\d px$/),
  ]);
});

base(
  'the date check reports ISO instants in visible text outside technical details, and only those',
  async ({ page }) => {
    await page.setContent(`
    <p class="verdict__message">The license is valid until 2027-12-06T16:45:19Z.</p>
    <ul aria-label="Checks"><li><span class="check__detail">expired at 2026-01-01<b>!</b>T09:30:00Z</span></li></ul>
    <section aria-label="Notes"><p>Read <span id="split"></span>.</p></section>
    <p>Valid until <time datetime="2027-12-06T16:45:19Z">6 Dec 2027</time>, renew by 2027-11-06.</p>
    <p hidden>Hidden since 2026-12-06T16:45:19Z</p>
    <details class="technical" open><summary>Technical details</summary><p>evaluatedAt 2026-12-06T16:45:19Z</p></details>
    <p>Moved to config.json.damaged-2026-12-06T16-45-19-640Z</p>
  `);
    // A text React writes in two pieces is one text to the reader.
    await page.evaluate(() => document.getElementById('split')?.append('at 2026-12-06', 'T16:45:19Z'));
    expect(await isoInstantProblems(page)).toEqual([
      'ISO instant in p.verdict__message: …The license is valid until 2027-12-06T16:45:19Z.…',
      'ISO instant in span#split within "Notes": …at 2026-12-06T16:45:19Z…',
    ]);
  },
);
