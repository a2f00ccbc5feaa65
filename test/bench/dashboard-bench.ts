import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORT } from '../e2e/chromium';
import type { DashboardFleet } from './dashboard-fleet';

export const DASHBOARD_SMALL = 5;
/** The large dashboard: 500 instances, or DASHBOARD_INSTANCES of them (5000 is an MSP's fleet; that run takes much longer). */
export const DASHBOARD_LARGE = largeDashboard(process.env.DASHBOARD_INSTANCES);
export const DASHBOARD_ROUNDS = 5;
export const DASHBOARD_WARMUP_ROUNDS = 1;
/** How long any one step may take before the bench calls it a functional failure (not a timing verdict). */
const STEP_TIMEOUT_MS = 120_000;
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** One measurement, each figure in ms from `page.goto` in the bench process. */
interface Sample {
  /** The table shows populated rows: the first row has its status badge and both usage meters. */
  populatedMs: number;
  /** ...and a click on the "Instance" header has re-sorted the table: rendered and interactive (the figure measured). */
  interactiveMs: number;
  /** Information only, not in the ratio: the automatic "Refresh all" (running all along) has finished. */
  refreshedMs: number;
}

export interface DashboardSize {
  instances: number;
  /** Medians over the measured rounds. */
  medianMs: number;
  populatedMedianMs: number;
  refreshedMedianMs: number;
  /** Every measured round's time to interactive, in order. */
  runsMs: number[];
}

export interface DashboardFigures {
  small: DashboardSize;
  large: DashboardSize;
}

function fail(message: string): never {
  throw new Error(`bench failed: dashboard: ${message}`);
}

function largeDashboard(setting: string | undefined): number {
  if (setting === undefined || setting === '') return 500;
  const count = Number(setting);
  if (!Number.isInteger(count) || count <= DASHBOARD_SMALL)
    fail(`DASHBOARD_INSTANCES must be a whole number above ${DASHBOARD_SMALL}, not "${setting}"`);
  return count;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? Number.NaN;
  return (lower + upper) / 2;
}

/** Starts the test bridge over `dataDir`, trusting `rootFile`; resolves with its URL once it prints it. */
async function startBridge(
  repoRoot: string,
  dataDir: string,
  rootFile: string,
): Promise<{ url: string; child: ChildProcess }> {
  const server = [
    join(repoRoot, 'dist/test-bridge/server.js'),
    '--renderer',
    join(repoRoot, 'dist/renderer'),
    '--data-dir',
    dataDir,
    '--root',
    rootFile,
  ];
  const child = spawn(process.execPath, server, { stdio: ['ignore', 'pipe', 'inherit'] });
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`bench failed: dashboard: the test bridge exited with ${code} before it was ready`)),
    );
    createInterface({ input: child.stdout }).once('line', resolve);
  });
  return { url: (JSON.parse(firstLine) as { url: string }).url, child };
}

async function stopBridge(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill();
  await exited;
}

// Conditions checked inside the page (Playwright sends their source, so they use the DOM only).
/** The first row has a health (not "Not refreshed") and both usage meters: what the health says its status is from, else false. */
const firstRowPopulated = (): string | false => {
  const row = document.querySelector('[role="table"][aria-label="Instances"] [role="row"][aria-rowindex="2"]');
  const badge = row?.querySelector('.health');
  if (
    row == null ||
    badge == null ||
    badge.getAttribute('data-health') === 'never' ||
    row.querySelectorAll('[role="meter"]').length !== 2
  )
    return false;
  return badge.getAttribute('data-source') === 'last_known' ? 'last_known' : 'live';
};
/** "Refresh all" is back, the progress bar gone and the outcome announced; or a problem shows (reported after the clock stops). */
const refreshFinished = (): boolean => {
  if (document.querySelector('.problem[role="alert"]') !== null) return true;
  const actions = [...document.querySelectorAll('[role="group"][aria-label="Instance actions"] button')];
  const notice = document.querySelector('.notice[role="status"]')?.textContent ?? '';
  return (
    actions.some((button) => button.textContent === 'Refresh all') &&
    document.querySelector('#refresh-progress') === null &&
    notice.startsWith('Refreshed')
  );
};
const sortedByName = (): boolean =>
  [
    ...document.querySelectorAll('[role="table"][aria-label="Instances"] [role="columnheader"][aria-sort="ascending"]'),
  ].some((header) => header.textContent?.startsWith('Instance'));

/** Waits, polling on every animation frame (so the wait adds at most a frame), until `step` in the page is truthy; its value. */
async function waitInPage<T>(page: Page, what: string, count: number, step: () => T | false): Promise<T> {
  try {
    return (await (
      await page.waitForFunction(step, undefined, { polling: 'raf', timeout: STEP_TIMEOUT_MS })
    ).jsonValue()) as T;
  } catch (error) {
    return fail(
      `with ${count} instances, ${what} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`,
    );
  }
}

/**
 * One cold open of the dashboard in a fresh browser context, over a fresh bridge and data folder seeded
 * with `count` instances of `fleet` as the previous session left them. The clock runs from `page.goto`
 * until the table shows populated rows (the first with its badge and both usage meters, from the last
 * known status) and a click on the "Instance" header has re-sorted it, while the automatic "Refresh all"
 * runs in the background as it does for a person opening the app. When that refresh finishes is noted
 * apart, and everything else is checked after the clock stopped.
 */
async function measureOnce(
  browser: Browser,
  repoRoot: string,
  dir: string,
  fleet: DashboardFleet,
  count: number,
  round: number,
): Promise<Sample> {
  const dataDir = join(dir, `dashboard-${count}-${round}`);
  mkdirSync(dataDir, { recursive: true });
  const saved = await fleet.seed(dataDir, count);
  const { url, child } = await startBridge(repoRoot, dataDir, fleet.rootFile);
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript({ path: join(repoRoot, 'dist/test-bridge/page-api.js') });
    const table = page.getByRole('table', { name: 'Instances' });

    const start = performance.now();
    await page.goto(`${url}/`);
    const firstSource = await waitInPage(page, 'the table never showed a populated row', count, firstRowPopulated);
    const populatedMs = performance.now() - start;
    await table.getByRole('button', { name: 'Instance', exact: true }).click({ timeout: STEP_TIMEOUT_MS });
    await waitInPage(page, 'a click on the "Instance" header never sorted the table', count, sortedByName);
    const interactiveMs = performance.now() - start;
    await waitInPage(page, 'the automatic "Refresh all" never finished', count, refreshFinished);
    const refreshedMs = performance.now() - start;

    // Functional checks, off the clock: the rows first shown were the saved last known status (not this
    // session's reads), every instance was then read and its row filled in (status, expiry, usage bars),
    // and the table really is sorted by name.
    if (firstSource !== 'last_known')
      fail(`with ${count} instances the first populated row showed a ${firstSource} status, not the last known one`);
    const problem = await page.locator('.problem[role="alert"]').allInnerTexts();
    if (problem.length > 0) fail(`with ${count} instances the dashboard reported a problem: ${problem.join(' / ')}`);
    const notice = (await page.getByRole('status').filter({ hasText: 'Refreshed' }).innerText()).trim();
    // The count as the page writes numbers (its locale: 5,000 in English).
    const expectedNotice = `Refreshed ${await page.evaluate((total) => total.toLocaleString(), count)} instances.`;
    if (notice !== expectedNotice)
      fail(`with ${count} instances the refresh said "${notice}", not "${expectedNotice}"`);
    const rowCount = await table.getAttribute('aria-rowcount');
    if (rowCount !== String(count + 1)) fail(`the table has aria-rowcount ${rowCount}, not ${count + 1}`);
    const first = (await table.getByRole('rowheader').first().innerText()).split('\n')[0];
    const expectedFirst = saved.map((record) => record.name).sort(collator.compare)[0];
    if (first !== expectedFirst)
      fail(`with ${count} instances, sorted by name the first row is "${first}", not "${expectedFirst}"`);
    const firstRow = table.getByRole('row').nth(1);
    if ((await firstRow.getByRole('meter').count()) !== 2 || !/\d+ \/ \d+/.test(await firstRow.innerText())) {
      fail(`with ${count} instances the first row shows no usage bars:\n${await firstRow.innerText()}`);
    }
    const unread = await table.locator('[role="row"][data-state="never"], [role="row"][data-state="unknown"]').count();
    if (unread > 0) fail(`with ${count} instances ${unread} rows in view were not read`);
    const stale = await table.locator('.health[data-source="last_known"]').count();
    if (stale > 0)
      fail(`with ${count} instances ${stale} rows in view still show the last known status after the refresh`);

    return { populatedMs, interactiveMs, refreshedMs };
  } finally {
    await context.close();
    await stopBridge(child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function sizeOf(instances: number, samples: readonly Sample[]): DashboardSize {
  return {
    instances,
    medianMs: median(samples.map((sample) => sample.interactiveMs)),
    populatedMedianMs: median(samples.map((sample) => sample.populatedMs)),
    refreshedMedianMs: median(samples.map((sample) => sample.refreshedMs)),
    runsMs: samples.map((sample) => sample.interactiveMs),
  };
}

/**
 * The Instances dashboard in headless Chromium (the built renderer over the test bridge, which hosts
 * the real main-process handlers) with DASHBOARD_LARGE saved instances against the same with 5: a warm-up
 * round, then DASHBOARD_ROUNDS rounds alternating the two, each a cold open in a fresh context.
 *
 * The instances are authentik simulators on loopback without added latency, their tokens in the data
 * folder's token vault (its key in the OS keychain), each record holding the last known status a previous session's refresh saved, in every state
 * a fleet has: the figure is rendering populated rows and sorting them while the automatic "Refresh all"
 * reads every instance through main in the background (its own bench is fleet_refresh_ratio; its time is
 * reported apart). Throws when something functionally fails; never judges the timing.
 */
export async function measureDashboardRender(
  repoRoot: string,
  dir: string,
  fleet: DashboardFleet,
): Promise<DashboardFigures> {
  for (const built of ['dist/test-bridge/server.js', 'dist/test-bridge/page-api.js', 'dist/renderer/index.html']) {
    if (!existsSync(join(repoRoot, built))) fail(`${built} is missing; run \`npm run build\` first`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const small: Sample[] = [];
    const large: Sample[] = [];
    for (let round = 0; round < DASHBOARD_WARMUP_ROUNDS + DASHBOARD_ROUNDS; round += 1) {
      const smallSample = await measureOnce(browser, repoRoot, dir, fleet, DASHBOARD_SMALL, round);
      const largeSample = await measureOnce(browser, repoRoot, dir, fleet, DASHBOARD_LARGE, round);
      if (round < DASHBOARD_WARMUP_ROUNDS) continue;
      small.push(smallSample);
      large.push(largeSample);
    }
    return { small: sizeOf(DASHBOARD_SMALL, small), large: sizeOf(DASHBOARD_LARGE, large) };
  } finally {
    await browser.close();
  }
}
