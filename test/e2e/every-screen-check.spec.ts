import { test as base } from '@playwright/test';
import { expect } from './fixtures';
import { targetProblems } from './every-screen-helpers';

// The target-size check itself, on a page of its own: it names a small target and honours the two
// exceptions of WCAG 2.5.8 (inline links in a sentence, small targets spaced apart), and nothing else.

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
