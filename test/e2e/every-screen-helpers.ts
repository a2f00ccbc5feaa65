import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

// The every-screen check: on each screen and state, in the light and the dark theme, axe finds no serious or
// critical violation and every interactive target is at least 24 × 24 CSS pixels (WCAG 2.2, 2.5.8); and no
// visible text outside technical details shows an ISO 8601 instant (issue 17: dates are written one way).

export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa', 'best-practice'];
const MIN_TARGET = 24;

/** What the person can point at: controls, links, and anything else that takes focus. */
const INTERACTIVE = [
  'button',
  'a[href]',
  'input:not([type="hidden"])',
  'select',
  'textarea',
  'summary',
  ...['button', 'link', 'tab', 'menuitem', 'checkbox', 'switch', 'option'].map((role) => `[role="${role}"]`),
  '[tabindex]:not([tabindex="-1"])',
].join(', ');

/**
 * Shows the page in `theme`: the app's "System" theme (its default) follows the colour scheme the browser
 * reports. Waits until the page's background really is light or dark, so a check is never made in the
 * wrong theme.
 */
export async function showTheme(app: Page, theme: Theme): Promise<void> {
  await app.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  await expect
    .poll(
      () =>
        app.evaluate(() => {
          const probe = document.createElement('div');
          probe.style.backgroundColor = 'var(--bg)';
          document.body.append(probe);
          const [r = 0, g = 0, b = 0] = (getComputedStyle(probe).backgroundColor.match(/\d+(\.\d+)?/g) ?? []).map(
            Number,
          );
          probe.remove();
          return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255 > 0.5 ? 'light' : 'dark';
        }),
      { message: `the page's background follows the ${theme} colour scheme` },
    )
    .toBe(theme);
}

/** Serious and critical axe violations on the whole page, in words. */
async function axeProblems(app: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page: app }).withTags(AXE_TAGS).analyze();
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(
      (violation) =>
        `axe ${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes
          .map(
            (node) =>
              `${node.target.join(' ')}${node.failureSummary ? ` — ${node.failureSummary.split('\n')[1]?.trim() ?? ''}` : ''}`,
          )
          .join('; ')})`,
    );
}

/**
 * Interactive targets smaller than 24 × 24 px that no exception of WCAG 2.5.8 covers, each with its role,
 * name and size. Two exceptions only, as the criterion words them:
 * - inline: a link laid out inline within a sentence of a paragraph or list item (its size is the line's);
 * - spacing: a 24 px circle centred on the target meets no other target and no other small target's circle.
 * Only what the person can reach counts: not what is hidden, nor what an open modal dialog makes inert.
 */
export function targetProblems(app: Page): Promise<string[]> {
  return app.evaluate(
    ({ selector, min }) => {
      const modal = [...document.querySelectorAll('dialog[open]')].find((dialog) => dialog.matches(':modal'));
      const reachable = [...document.querySelectorAll<HTMLElement>(selector)].filter(
        (element) =>
          element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true }) &&
          element.closest('[inert], [aria-hidden="true"]') === null &&
          (modal === undefined || modal.contains(element)) &&
          element.getClientRects().length > 0,
      );
      const boxes = reachable.map((element) => ({ element, box: element.getBoundingClientRect() }));
      const small = (box: DOMRect) => box.width < min - 0.5 || box.height < min - 0.5;
      const centre = (box: DOMRect) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
      const inlineInSentence = (element: HTMLElement): boolean => {
        if (element.tagName !== 'A' || getComputedStyle(element).display !== 'inline') return false;
        const sentence = element.closest('p, li, dd');
        return (
          sentence !== null && (sentence.textContent ?? '').trim().length > (element.textContent ?? '').trim().length
        );
      };
      const spaced = (element: HTMLElement, box: DOMRect): boolean => {
        const c = centre(box);
        return boxes.every((other) => {
          if (other.element === element || other.element.contains(element) || element.contains(other.element))
            return true;
          const o = centre(other.box);
          const dx = Math.max(other.box.left - c.x, 0, c.x - other.box.right);
          const dy = Math.max(other.box.top - c.y, 0, c.y - other.box.bottom);
          // The circle meets neither the other target nor, when that one is small too, its circle.
          return Math.hypot(dx, dy) >= min / 2 && (!small(other.box) || Math.hypot(c.x - o.x, c.y - o.y) >= min);
        });
      };
      const nameOf = (element: HTMLElement): string => {
        const labelledBy = element
          .getAttribute('aria-labelledby')
          ?.split(/\s+/)
          .map((id) => document.getElementById(id)?.textContent ?? '')
          .join(' ');
        const label = (element as HTMLInputElement).labels?.[0]?.textContent;
        const name =
          element.getAttribute('aria-label') ?? labelledBy ?? label ?? element.textContent ?? element.title ?? '';
        return name.replace(/\s+/g, ' ').trim().slice(0, 60);
      };
      return boxes
        .filter(({ element, box }) => small(box) && !inlineInSentence(element) && !spaced(element, box))
        .map(({ element, box }) => {
          const role = element.getAttribute('role') ?? element.tagName.toLowerCase();
          const type = element instanceof HTMLInputElement ? `[type=${element.type}]` : '';
          return `target ${role}${type} "${nameOf(element)}" is ${box.width.toFixed(1)} × ${box.height.toFixed(1)} px`;
        });
    },
    { selector: INTERACTIVE, min: MIN_TARGET },
  );
}

/** Technical details (renderer/ui/TechnicalDetails.tsx): the one place for ISO instants. */
const TECHNICAL = 'details.technical';
const ISO_INSTANT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * Visible text outside technical details that shows an ISO 8601 instant ("2027-12-06T16:45:19Z"), each as
 * "in <element> within "<region>": …<the text around it>…". A text is a run of adjacent text nodes, so an
 * instant React writes in two pieces is still seen; the page writes its dates with `When`, `DatedText` and
 * the helpers of renderer/format/dates.ts instead.
 */
export function isoInstantProblems(app: Page): Promise<string[]> {
  return app.evaluate(
    ({ technical, pattern }) => {
      const iso = new RegExp(pattern);
      const where = (element: Element): string => {
        const id = element.id === '' ? '' : `#${element.id}`;
        const classes = [...element.classList].map((name) => `.${name}`).join('');
        const region = element.closest('[aria-label], [aria-labelledby]');
        const heading = document.getElementById(region?.getAttribute('aria-labelledby')?.split(' ')[0] ?? '');
        const name = (region?.getAttribute('aria-label') ?? heading?.textContent ?? '').trim().slice(0, 40);
        return `${element.tagName.toLowerCase()}${id}${classes}${name === '' ? '' : ` within "${name}"`}`;
      };
      const runs = (element: Element): string[] => {
        const texts = [''];
        for (const node of element.childNodes) {
          if (node.nodeType === Node.TEXT_NODE) texts[texts.length - 1] += node.textContent ?? '';
          else texts.push('');
        }
        return texts;
      };
      const problems: string[] = [];
      for (const element of document.body.querySelectorAll('*')) {
        if (element.closest(technical) !== null) continue;
        if (!element.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
        for (const text of runs(element)) {
          const match = iso.exec(text);
          if (match === null) continue;
          const around = text.slice(Math.max(0, match.index - 40), match.index + 60).replace(/\s+/g, ' ');
          problems.push(`ISO instant in ${where(element)}: …${around}…`);
        }
      }
      return problems;
    },
    { technical: TECHNICAL, pattern: ISO_INSTANT.source },
  );
}

/**
 * Checks the screen as it is now in both themes (ending in the light one), softly: every problem of every
 * screen is reported at the end of the test, under the screen's name.
 */
export async function checkScreen(app: Page, screen: string): Promise<void> {
  expect.soft(await isoInstantProblems(app), `${screen}: dates outside technical details`).toEqual([]);
  for (const theme of THEMES) {
    await showTheme(app, theme);
    const problems = [...(await axeProblems(app)), ...(await targetProblems(app))];
    expect.soft(problems, `${screen} (${theme} theme)`).toEqual([]);
  }
  await showTheme(app, 'light');
}

/**
 * Presses the action named `name` of a dashboard row: on the row itself, or in its row menu (a button that
 * opens a menu) when the row keeps its actions there.
 */
export async function rowAction(app: Page, row: Locator, name: RegExp): Promise<void> {
  const direct = row.getByRole('button', { name });
  if ((await direct.count()) > 0 && (await direct.first().isVisible())) {
    await direct.first().click();
    return;
  }
  await row.locator('button[aria-haspopup]').first().click();
  await app.getByRole('menuitem', { name }).or(app.getByRole('menu').getByRole('button', { name })).first().click();
}
