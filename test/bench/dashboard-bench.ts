import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { chromium, type Browser, type Page } from '@playwright/test';
import type { InstanceRecord } from '../../main/registry/instance-record';
import { CHROMIUM_ARGS, CHROMIUM_PATH, VIEWPORT } from '../e2e/chromium';

export const DASHBOARD_SMALL = 5;
export const DASHBOARD_LARGE = 500;
export const DASHBOARD_ROUNDS = 5;
export const DASHBOARD_WARMUP_ROUNDS = 1;
/** How long any one step may take before the bench calls it a functional failure (not a timing verdict). */
const STEP_TIMEOUT_MS = 120_000;
const CUSTOMERS = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark Industries', 'Wayne Enterprises', null] as const;
const ENVIRONMENTS = ['production', 'staging', 'eu-west', 'us-east', 'lab'] as const;
const TAGS = ['eu', 'us', 'gold', 'silver', 'managed', 'self-hosted', 'k8s'] as const;
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** One measurement, each figure in ms from `page.goto` in the bench process. */
interface Sample {
  /** The table shows its first row. */
  firstRowMs: number;
  /** ...and the automatic "Refresh all" has finished. */
  refreshedMs: number;
  /** ...and a click on the "Instance" header has re-sorted the table: rendered and interactive. */
  interactiveMs: number;
}

export interface DashboardSize {
  instances: number;
  /** Medians over the measured rounds. */
  medianMs: number;
  firstRowMedianMs: number;
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

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const upper = sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
  const lower = sorted[Math.ceil(sorted.length / 2) - 1] ?? Number.NaN;
  return (lower + upper) / 2;
}

/** An address nothing listens on: a port the OS just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') fail('no TCP port for the instances');
  return address.port;
}

/** `count` saved instances with varied names, customers and tags, never refreshed. */
function records(count: number, port: number): InstanceRecord[] {
  return Array.from({ length: count }, (_, index) => {
    const customer = CUSTOMERS[index % CUSTOMERS.length] ?? null;
    const environment = ENVIRONMENTS[index % ENVIRONMENTS.length] ?? 'production';
    return {
      id: randomUUID(),
      name: `${customer ?? 'Internal'} ${environment} ${index + 1}`,
      url: `http://127.0.0.1:${port}`,
      customer,
      tags: TAGS.filter((_, tag) => (index + tag) % 3 === 0),
      caPem: null,
      lastInstallId: null,
      lastVersion: null,
      lastRefresh: null,
      overCapacitySince: null,
    };
  });
}

/** Starts the test bridge over `dataDir`; resolves with its URL once it prints it. */
async function startBridge(repoRoot: string, dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(repoRoot, 'dist/test-bridge/server.js'), '--renderer', join(repoRoot, 'dist/renderer'), '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench failed: dashboard: the test bridge exited with ${code} before it was ready`)));
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
const firstRowShown = (): boolean => document.querySelector('[role="table"][aria-label="Instances"] [role="rowheader"]') !== null;
/** "Refresh all" is back, the progress bar gone and the outcome announced; or a problem shows (reported after the clock stops). */
const refreshFinished = (): boolean => {
  if (document.querySelector('.problem[role="alert"]') !== null) return true;
  const actions = [...document.querySelectorAll('[role="group"][aria-label="Instance actions"] button')];
  const notice = document.querySelector('.notice[role="status"]')?.textContent ?? '';
  return actions.some((button) => button.textContent === 'Refresh all') && document.querySelector('#refresh-progress') === null && notice.startsWith('Refreshed');
};
const sortedByName = (): boolean =>
  [...document.querySelectorAll('[role="table"][aria-label="Instances"] [role="columnheader"][aria-sort="ascending"]')].some((header) => header.textContent?.startsWith('Instance'));

/** Waits, polling on every animation frame (so the wait adds at most a frame), until `step` in the page is true. */
async function waitInPage(page: Page, what: string, count: number, step: () => boolean): Promise<void> {
  try {
    await page.waitForFunction(step, undefined, { polling: 'raf', timeout: STEP_TIMEOUT_MS });
  } catch (error) {
    fail(`with ${count} instances, ${what} (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}

/**
 * One cold open of the dashboard in a fresh browser context, over a fresh bridge and data folder seeded
 * with `count` instances. The clock runs from `page.goto` until the table shows its first row, the
 * automatic "Refresh all" has finished, and a click on the "Instance" header has re-sorted the table.
 */
async function measureOnce(browser: Browser, repoRoot: string, dir: string, count: number, round: number): Promise<Sample> {
  const dataDir = join(dir, `dashboard-${count}-${round}`);
  mkdirSync(dataDir, { recursive: true });
  const saved = records(count, await closedPort());
  writeFileSync(join(dataDir, 'config.json'), `${JSON.stringify({ instances: saved }, null, '\t')}\n`);
  const { url, child } = await startBridge(repoRoot, dataDir);
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.addInitScript({ path: join(repoRoot, 'dist/test-bridge/page-api.js') });
    const table = page.getByRole('table', { name: 'Instances' });

    const start = performance.now();
    await page.goto(`${url}/`);
    await waitInPage(page, 'the table never showed a row', count, firstRowShown);
    const firstRowMs = performance.now() - start;
    await waitInPage(page, 'the automatic "Refresh all" never finished', count, refreshFinished);
    const refreshedMs = performance.now() - start;
    await table.getByRole('button', { name: 'Instance', exact: true }).click({ timeout: STEP_TIMEOUT_MS });
    await waitInPage(page, 'a click on the "Instance" header never sorted the table', count, sortedByName);
    const interactiveMs = performance.now() - start;

    // Functional checks, off the clock: every instance was read (and failed for want of a token), and the
    // table really is sorted by name.
    const problem = await page.locator('.problem[role="alert"]').allInnerTexts();
    if (problem.length > 0) fail(`with ${count} instances the dashboard reported a problem: ${problem.join(' / ')}`);
    const notice = (await page.getByRole('status').filter({ hasText: 'Refreshed' }).innerText()).trim();
    const expectedNotice = `Refreshed ${count} instances; ${count} instances could not be read (the reason is on each row).`;
    if (notice !== expectedNotice) fail(`with ${count} instances the refresh said "${notice}", not "${expectedNotice}"`);
    const rowCount = await table.getAttribute('aria-rowcount');
    if (rowCount !== String(count + 1)) fail(`the table has aria-rowcount ${rowCount}, not ${count + 1}`);
    const first = (await table.getByRole('rowheader').first().innerText()).split('\n')[0];
    const expectedFirst = saved.map((record) => record.name).sort(collator.compare)[0];
    if (first !== expectedFirst) fail(`with ${count} instances, sorted by name the first row is "${first}", not "${expectedFirst}"`);
    const firstRow = await table.getByRole('row').nth(1).innerText();
    if (!firstRow.includes('holds no API token')) fail(`with ${count} instances the first row does not show the missing-token error:\n${firstRow}`);

    return { firstRowMs, refreshedMs, interactiveMs };
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
    firstRowMedianMs: median(samples.map((sample) => sample.firstRowMs)),
    refreshedMedianMs: median(samples.map((sample) => sample.refreshedMs)),
    runsMs: samples.map((sample) => sample.interactiveMs),
  };
}

/**
 * The Instances dashboard in headless Chromium (the built renderer over the test bridge, which hosts
 * the real main-process handlers) with 500 saved instances against the same with 5: a warm-up round,
 * then DASHBOARD_ROUNDS rounds alternating 5 and 500, each a cold open in a fresh context.
 *
 * The instances' tokens are not in the keychain, so the automatic refresh fails each row quickly with
 * a "missing token" error and no network: this measures rendering and the refresh round trip through
 * main, not authentik's latency. Throws when something functionally fails; never judges the timing.
 */
export async function measureDashboardRender(repoRoot: string, dir: string): Promise<DashboardFigures> {
  for (const built of ['dist/test-bridge/server.js', 'dist/test-bridge/page-api.js', 'dist/renderer/index.html']) {
    if (!existsSync(join(repoRoot, built))) fail(`${built} is missing; run \`npm run build\` first`);
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  try {
    const small: Sample[] = [];
    const large: Sample[] = [];
    for (let round = 0; round < DASHBOARD_WARMUP_ROUNDS + DASHBOARD_ROUNDS; round += 1) {
      const smallSample = await measureOnce(browser, repoRoot, dir, DASHBOARD_SMALL, round);
      const largeSample = await measureOnce(browser, repoRoot, dir, DASHBOARD_LARGE, round);
      if (round < DASHBOARD_WARMUP_ROUNDS) continue;
      small.push(smallSample);
      large.push(largeSample);
    }
    return { small: sizeOf(DASHBOARD_SMALL, small), large: sizeOf(DASHBOARD_LARGE, large) };
  } finally {
    await browser.close();
  }
}
